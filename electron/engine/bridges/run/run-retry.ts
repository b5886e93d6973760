import { ExNodeError } from '../../../../shared/index.js';

export interface BackoffPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly baseMs: number;
  readonly capMs: number;
}

/** A run that lost its connection is tried again after 5 s, 10 s, 20 s... never more than 2 minutes apart. */
export const RUN_RETRY_POLICY: BackoffPolicy = Object.freeze({ attempts: 4, baseMs: 5000, capMs: 120_000 });

const TRANSIENT_CODES = new Set(['CONNECTION_LOST', 'TIMEOUT', 'HOST_UNREACHABLE', 'PORT_CLOSED']);
const TRANSIENT_TEXT = /deadlock|lock wait timeout|could not serialize|serialization failure|SQLITE_BUSY|database is locked/i;

/**
 * Failures where the same run may succeed a little later (a dropped connection, a timeout, a
 * deadlock); anything else (a missing table, a denied permission, a type error) is terminal.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof ExNodeError) {
    if (error.code === 'CANCELLED') return false;
    return TRANSIENT_CODES.has(error.code) || TRANSIENT_TEXT.test(error.message);
  }
  return error instanceof Error && TRANSIENT_TEXT.test(error.message);
}

/** Delay before attempt `attempt + 1` (attempt counts from 1): exponential, capped, with "equal jitter". */
export function backoffMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.capMs, policy.baseMs * 2 ** (attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

export interface RetryHooks {
  readonly policy: BackoffPolicy;
  readonly signal: AbortSignal;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  onRetry(attempt: number, error: unknown, delayMs: number): Promise<void>;
  random?: () => number;
}

/** Runs `work` until it succeeds, fails terminally, is cancelled, or the attempts are used up. */
export async function withRunRetries(work: (attempt: number) => Promise<void>, hooks: RetryHooks): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await work(attempt);
      return;
    } catch (error) {
      if (hooks.signal.aborted || attempt >= hooks.policy.attempts || !isTransient(error)) throw error;
      const delay = backoffMs(attempt, hooks.policy, hooks.random);
      await hooks.onRetry(attempt, error, delay);
      await hooks.sleep(delay, hooks.signal);
      if (hooks.signal.aborted) throw error;
    }
  }
}
