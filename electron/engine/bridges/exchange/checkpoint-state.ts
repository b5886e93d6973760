import { z } from 'zod';
import type { ReceiverCounts, SenderCounts } from '../../../../shared/index.js';
import { ZERO_RECEIVER, ZERO_SENDER } from '../run/counts.js';

/** What every checkpoint holds, whatever the direction and phase. */
interface CheckpointBase {
  runId: string | null;
  /** Key (or cursor + key) tuple of the last row covered, canonical values. */
  position: unknown[] | null;
  sender: SenderCounts;
  receiver: ReceiverCounts;
  /** Next value of the table's change sequence. */
  nextSeq: number;
}

/** What a send bridge remembers from one run to the next. */
export interface SendMemory {
  /** The incremental watermark: `(cursor, key)` of the last row read. */
  watermark: unknown[] | null;
  /** When expired soft deletes were last purged (ISO time). */
  purgedAt?: string;
}

/** The phases of a send run, each with what it needs to resume. */
export type SendPhase =
  | { phase: 'idle' }
  /** Reading every row in key order; `bulk` when the exchange table was empty (nothing to compare). */
  | { phase: 'copy'; bulk: boolean; startWatermark?: unknown[] | null }
  | { phase: 'incremental' }
  /**
   * Diff mode: key ranges before `rangeIndex` are done; `bulk` when the exchange table was empty
   * (then it holds no row past `position`, and changed ranges are loaded without comparing).
   */
  | { phase: 'ranges'; rangeIndex: number; bulk: boolean }
  | { phase: 'deletes' };

export type SendCheckpoint = CheckpointBase & SendMemory & { direction: 'send'; transferred: number } & SendPhase;

export type ReceivePhase =
  | { phase: 'idle' }
  /** Applying exchange changes; `startedAfter` is the sequence the run started after (tells new keys from old). */
  | { phase: 'receive'; startedAfter: string };

export type ReceiveCheckpoint = CheckpointBase & { direction: 'receive' } & ReceivePhase;

/** A bridge's checkpoint, kept in the receiving database and written in the same transaction as the rows. */
export type Checkpoint = SendCheckpoint | ReceiveCheckpoint;
export type CheckpointPhase = Checkpoint['phase'];

const counts = {
  sender: z.object({ total: z.number(), inserted: z.number(), updated: z.number(), deleted: z.number() }),
  receiver: z.object({ inserted: z.number(), updated: z.number(), deleted: z.number(), rejected: z.number() }),
};
const tuple = z.array(z.unknown());

/** The state column as this version writes it (`v: 2`). */
const storedSchema = z.discriminatedUnion('direction', [
  z.object({
    v: z.literal(2), direction: z.literal('send'), position: tuple.nullable(), ...counts,
    watermark: tuple.nullable(), purgedAt: z.string().optional(), transferred: z.number(),
    bulk: z.boolean().optional(), startWatermark: tuple.nullable().optional(), rangeIndex: z.number().int().min(0).optional(),
  }),
  z.object({ v: z.literal(2), direction: z.literal('receive'), position: tuple.nullable(), ...counts, startedAfter: z.string().optional() }),
]);

/** The state column as versions before typed checkpoints wrote it: counts and an untyped `extra`. */
const legacySchema = z.object({
  position: tuple.nullable().default(null),
  ...counts,
  extra: z.object({
    watermark: tuple.nullable().optional(),
    startWatermark: tuple.nullable().optional(),
    bulk: z.boolean().optional(),
    rangeIndex: z.number().optional(),
    transferred: z.number().optional(),
    purgedAt: z.string().optional(),
    startedAfter: z.union([z.string(), z.number()]).optional(),
  }).default({}),
});

export function emptyCheckpoint(direction: 'send' | 'receive'): Checkpoint {
  const base = { runId: null, position: null, sender: { ...ZERO_SENDER }, receiver: { ...ZERO_RECEIVER }, nextSeq: 1 };
  return direction === 'send' ? { ...base, direction, phase: 'idle', watermark: null, transferred: 0 } : { ...base, direction, phase: 'idle' };
}

/** The row's columns (run, phase, sequence) and its state JSON, back into a typed checkpoint. */
export function parseCheckpoint(
  direction: 'send' | 'receive', row: { runId: string | null; phase: string; nextSeq: number }, stateJson: string,
): Checkpoint {
  const raw: unknown = JSON.parse(stateJson);
  const stored = storedSchema.safeParse(raw);
  const base = { runId: row.runId, nextSeq: row.nextSeq };
  if (stored.success) {
    const s = stored.data;
    const common = { ...base, position: s.position, sender: s.sender, receiver: s.receiver };
    if (s.direction === 'receive') {
      return row.phase === 'receive' ? { ...common, direction: 'receive', phase: 'receive', startedAfter: s.startedAfter ?? '0' } : { ...common, direction: 'receive', phase: 'idle' };
    }
    return sendCheckpoint(common, row.phase, s);
  }
  // Written by a version before typed checkpoints: same meaning, untyped.
  const legacy = legacySchema.parse(raw);
  const common = { ...base, position: legacy.position, sender: legacy.sender, receiver: legacy.receiver };
  const e = legacy.extra;
  if (direction === 'receive') {
    return row.phase === 'receive'
      ? { ...common, direction: 'receive', phase: 'receive', startedAfter: String(e.startedAfter ?? 0) }
      : { ...common, direction: 'receive', phase: 'idle' };
  }
  return sendCheckpoint(common, row.phase, { watermark: e.watermark ?? null, purgedAt: e.purgedAt, transferred: e.transferred ?? 0, bulk: e.bulk, startWatermark: e.startWatermark, rangeIndex: e.rangeIndex });
}

function sendCheckpoint(
  common: CheckpointBase,
  phase: string,
  s: { watermark: unknown[] | null; purgedAt?: string | undefined; transferred: number; bulk?: boolean | undefined; startWatermark?: unknown[] | null | undefined; rangeIndex?: number | undefined },
): SendCheckpoint {
  const memory = { ...common, direction: 'send' as const, watermark: s.watermark, transferred: s.transferred, ...(s.purgedAt ? { purgedAt: s.purgedAt } : {}) };
  switch (phase) {
    case 'copy':
      return { ...memory, phase, bulk: s.bulk ?? false, ...(s.startWatermark !== undefined ? { startWatermark: s.startWatermark } : {}) };
    case 'ranges':
      return { ...memory, phase, rangeIndex: s.rangeIndex ?? 0, bulk: s.bulk ?? false };
    case 'incremental':
    case 'deletes':
      return { ...memory, phase };
    default:
      return { ...memory, phase: 'idle' };
  }
}

/** The state JSON of a checkpoint (run, phase and sequence have columns of their own). */
export function serializeCheckpoint(cp: Checkpoint): string {
  const { runId: _runId, phase: _phase, nextSeq: _nextSeq, ...state } = cp;
  return JSON.stringify({ v: 2, ...state });
}
