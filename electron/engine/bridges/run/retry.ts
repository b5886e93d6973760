import { classifyError } from '../../../../connectors/core/classify.js';
import { ExNodeError, msg } from '../../../../shared/index.js';
import type { MessageRef } from '../../../../shared/index.js';
import type { RunContext } from './context.js';

const RETRY_DELAYS_MS = [1000, 3000, 9000];

/**
 * Runs one piece of work against a database. A dropped connection or a lock timeout is retried with
 * backoff; any other failure is handed back, classified, for the caller to decide.
 */
export async function withRetries<T>(ctx: Pick<RunContext, 'signal' | 'log'>, what: MessageRef, work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (raw) {
      const error = classifyError(raw, { what });
      const delay = RETRY_DELAYS_MS[attempt];
      if (!error.retryable || delay === undefined || ctx.signal.aborted) throw error;
      await ctx.log('warn', msg('runs.retrying', { reason: error.ref ?? error.message, seconds: delay / 1000, attempt: attempt + 2 }));
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
  if (signal.aborted) throw new ExNodeError('CANCELLED', msg('runs.cancelled'));
}
