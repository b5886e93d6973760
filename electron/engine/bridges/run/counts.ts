import type { ReceiverCounts, SenderCounts } from '../../../../shared/index.js';

export const ZERO_SENDER: SenderCounts = Object.freeze({ total: 0, inserted: 0, updated: 0, deleted: 0 });
export const ZERO_RECEIVER: ReceiverCounts = Object.freeze({ inserted: 0, updated: 0, deleted: 0, rejected: 0 });

/** Sender minus receiver per kind of change (R4); `total` is the sum of their sizes. */
export function deviationOf(
  sender: { inserted: number; updated: number; deleted: number },
  receiver: { inserted: number; updated: number; deleted: number },
): { inserted: number; updated: number; deleted: number; total: number } {
  const inserted = sender.inserted - receiver.inserted;
  const updated = sender.updated - receiver.updated;
  const deleted = sender.deleted - receiver.deleted;
  return { inserted, updated, deleted, total: Math.abs(inserted) + Math.abs(updated) + Math.abs(deleted) };
}
