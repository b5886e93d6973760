/**
 * When the engine process dies, the shell starts it again after a growing delay (1 s, 2 s, 4 s... up
 * to `maxDelayMs`); when it dies `maxDeaths` times within `windowMs`, it stops trying and shows the
 * engine's last log lines instead: a crash loop is a problem for a person, not for a timer.
 */
export interface RestartPolicyOptions {
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly maxDeaths?: number;
  readonly windowMs?: number;
}

export type RestartDecision =
  | { readonly action: 'restart'; readonly delayMs: number; readonly attempt: number }
  | { readonly action: 'give-up'; readonly deaths: number };

export class RestartPolicy {
  private deaths: number[] = [];
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxDeaths: number;
  private readonly windowMs: number;

  constructor(options: RestartPolicyOptions = {}) {
    this.baseDelayMs = options.baseDelayMs ?? 1000;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.maxDeaths = options.maxDeaths ?? 5;
    this.windowMs = options.windowMs ?? 5 * 60_000;
  }

  /** The engine died at `now` (ms). */
  onDeath(now: number): RestartDecision {
    this.deaths = [...this.deaths.filter((at) => now - at < this.windowMs), now];
    if (this.deaths.length >= this.maxDeaths) return { action: 'give-up', deaths: this.deaths.length };
    const attempt = this.deaths.length;
    return { action: 'restart', attempt, delayMs: Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (attempt - 1)) };
  }

  /** A person asked to try again (from the crash window): the count starts over. */
  reset(): void {
    this.deaths = [];
  }
}
