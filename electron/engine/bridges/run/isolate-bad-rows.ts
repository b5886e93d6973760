import type { ErrorCode } from '../../../../shared/index.js';
import { ExNodeError, msg, type MessageRef } from '../../../../shared/index.js';
import { reasonOf } from '../../store/stored-message.js';
import type { Writer } from '../../../../connectors/core/connector.js';
import { TERMINAL_CODES } from '../../../../connectors/core/classify.js';
import type { RunContext } from './context.js';
import { throwIfCancelled, withRetries } from './retry.js';

/**
 * Failures that say the receiver itself cannot be written (a table or column gone, a grant
 * missing, a read-only database): no row is to blame, so the run stops with the reason instead of
 * storing every row as rejected.
 */
const RECEIVER_UNUSABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([...TERMINAL_CODES, 'UNSUPPORTED']);

/**
 * Rows written one by one that may all fail alike before the cause is taken to be the receiver's,
 * not the rows' (a failure the driver gives no code for, e.g. a column dropped mid-run).
 */
export const ALIKE_FAILURES_TO_STOP = 10;

/**
 * Writes a batch in one receiver transaction. When the receiver refuses it for a reason that lies
 * in the data, writes the rows one by one so that only the bad rows are rejected (each with its key
 * and reason). When the receiver itself is unusable the run fails at once with the reason, and
 * when the first rows written one by one all fail the same way it stops there (those rows stay
 * rejected): a fault of the receiver is not turned into thousands of rejected rows.
 */
export async function writeIsolatingBadRows<R>(
  ctx: RunContext,
  rows: readonly R[],
  whole: (rows: readonly R[], writer: Writer) => Promise<void>,
  onRejected: (row: R, reason: MessageRef | string) => Promise<void>,
): Promise<void> {
  const what = msg('runs.writingReceiver');
  const attempt = (some: readonly R[]) => withRetries(ctx, what, () => ctx.target.transaction((w) => whole(some, w)));
  try {
    await attempt(rows);
    return;
  } catch (error) {
    rethrowIfNotAboutRows(error);
    if (rows.length === 1) {
      await onRejected(rows[0]!, reasonOf(error));
      return;
    }
    await ctx.log('warn', msg('runs.batchRejected', { rows: rows.length, reason: reasonOf(error) }));
  }
  // Rejections are recorded as they happen (rows in order, so the checkpoint only moves forward).
  let leadingAlike = 0;
  let leadingReason: string | null = null;
  for (const [i, row] of rows.entries()) {
    // Row by row can take long on a bad batch: a cancel must not wait for all of it.
    throwIfCancelled(ctx.signal);
    try {
      await attempt([row]);
    } catch (error) {
      rethrowIfNotAboutRows(error);
      const reason = (error as Error).message;
      await onRejected(row, reasonOf(error));
      if (i === leadingAlike && (leadingReason === null || reason === leadingReason)) {
        leadingReason = reason;
        leadingAlike++;
        if (leadingAlike === ALIKE_FAILURES_TO_STOP && rows.length > ALIKE_FAILURES_TO_STOP) {
          const code = error instanceof ExNodeError ? error.code : 'INTERNAL';
          throw new ExNodeError(code, msg('runs.batchFailsAlike', { rows: ALIKE_FAILURES_TO_STOP, reason: reasonOf(error) }), { cause: error });
        }
      }
    }
  }
}

function rethrowIfNotAboutRows(error: unknown): void {
  if (!(error instanceof ExNodeError)) return;
  if (error.retryable || error.code === 'CANCELLED') throw error;
  if (RECEIVER_UNUSABLE.has(error.code)) throw new ExNodeError(error.code, msg('runs.targetUnusable', { reason: reasonOf(error) }), { cause: error });
}
