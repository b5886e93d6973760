import type { Writer } from '../../../../connectors/core/connector.js';
import { classifyError } from '../../../../connectors/core/classify.js';
import { ExNodeError } from '../../../../shared/index.js';
import type { RunContext } from './context.js';

const RETRY_DELAYS_MS = [1000, 3000, 9000];

/**
 * Runs one batch's transaction against the receiver. A dropped connection or a lock timeout is
 * retried with backoff; any other failure is handed back so the caller can isolate the bad rows.
 */
export async function withRetries<T>(ctx: RunContext, what: string, work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (raw) {
      const error = classifyError(raw, { what });
      const delay = RETRY_DELAYS_MS[attempt];
      if (!error.retryable || delay === undefined || ctx.signal.aborted) throw error;
      await ctx.log('warn', `${error.message}; retrying in ${delay / 1000} s (attempt ${attempt + 2})`);
      await sleep(delay, ctx.signal);
    }
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new ExNodeError('CANCELLED', 'The run was cancelled; run the bridge again to continue');
}

export type BatchWork = (writer: Writer) => Promise<void>;

/**
 * Applies a batch in one transaction; when the receiver rejects it for a data reason, applies its
 * rows one by one so that only the bad rows are rejected (each with its key and reason).
 */
export async function applyBatch<R>(
  ctx: RunContext,
  rows: readonly R[],
  whole: (rows: readonly R[], writer: Writer) => Promise<void>,
  onRejected: (row: R, reason: string) => Promise<void>,
): Promise<void> {
  try {
    await withRetries(ctx, 'Writing to the receiver', () => ctx.target.transaction((w) => whole(rows, w)));
    return;
  } catch (error) {
    if (error instanceof ExNodeError && (error.retryable || error.code === 'CANCELLED')) throw error;
    if (rows.length === 1) {
      await onRejected(rows[0]!, (error as Error).message);
      return;
    }
    await ctx.log('warn', `The receiver rejected a batch of ${rows.length} rows (${(error as Error).message}); applying them one by one`);
  }
  for (const row of rows) {
    // Row by row can take long on a bad batch: a cancel must not wait for all of it.
    throwIfCancelled(ctx.signal);
    try {
      await withRetries(ctx, 'Writing to the receiver', () => ctx.target.transaction((w) => whole([row], w)));
    } catch (error) {
      if (error instanceof ExNodeError && (error.retryable || error.code === 'CANCELLED')) throw error;
      await onRejected(row, (error as Error).message);
    }
  }
}
