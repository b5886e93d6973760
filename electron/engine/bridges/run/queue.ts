/** What the queue needs to know of a run to place it. */
export interface QueueJob {
  readonly runId: string;
  readonly bridgeId: string;
  /** Names of the connections the run opens; each may have a limit of concurrent runs. */
  readonly connections: readonly string[];
  /** Started by a person: goes before scheduled runs that wait. */
  readonly manual: boolean;
}

/** Does the work of one run; its own outcome is its business (the queue only frees the slot after). */
export type Executor<J extends QueueJob> = (job: J, signal: AbortSignal) => Promise<void>;

export interface QueueLimits {
  /** Runs at once on this node. */
  concurrency: number;
  /** Runs at once that may use `connection`; undefined = no limit of its own. */
  connectionLimit(connection: string): number | undefined;
}

export type Submitted = { readonly accepted: true; readonly done: Promise<void> } | { readonly accepted: false; readonly holder: QueueJob };

interface Waiting<J> {
  readonly job: J;
  readonly resolve: () => void;
}

interface Running<J> {
  readonly job: J;
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

/**
 * The node's one run queue: never two runs of one bridge (a second submit is refused and names the
 * holder), at most `concurrency` runs, at most each connection's limit, manual runs first, then
 * first come first served. What a run does is the injected executor's job.
 */
export class RunQueue<J extends QueueJob> {
  private readonly waiting: Waiting<J>[] = [];
  private readonly running = new Map<string, Running<J>>();
  private closed = false;

  constructor(private readonly executor: Executor<J>, private readonly limits: QueueLimits) {}

  /** The job of this bridge waiting or running in this queue. */
  holding(bridgeId: string): J | undefined {
    return this.waiting.find((w) => w.job.bridgeId === bridgeId)?.job
      ?? [...this.running.values()].find((r) => r.job.bridgeId === bridgeId)?.job;
  }

  submit(job: J): Submitted {
    const holder = this.holding(job.bridgeId);
    if (holder) return { accepted: false, holder };
    const done = new Promise<void>((resolve) => this.waiting.push({ job, resolve }));
    this.pump();
    return { accepted: true, done };
  }

  /** `dequeued`: it had not started; `aborting`: its executor was told to stop; `unknown`: not here. */
  cancel(runId: string, reason?: unknown): 'dequeued' | 'aborting' | 'unknown' {
    const index = this.waiting.findIndex((w) => w.job.runId === runId);
    if (index >= 0) {
      const [entry] = this.waiting.splice(index, 1);
      entry!.resolve();
      return 'dequeued';
    }
    const running = this.running.get(runId);
    if (!running) return 'unknown';
    running.controller.abort(reason);
    return 'aborting';
  }

  /** Done when the run leaves the queue (finished or dequeued); undefined when it is not here. */
  isRunning(runId: string): boolean {
    return this.running.has(runId);
  }

  runningJobs(): J[] {
    return [...this.running.values()].map((r) => r.job);
  }

  waitingJobs(): J[] {
    return this.waiting.map((w) => w.job);
  }

  /** Limits changed (settings, a connection's limit): start what now fits. */
  refresh(): void {
    this.pump();
  }

  /** Stops starting runs, tells running ones to stop, and waits for them. Waiting runs stay unstarted. */
  async shutdown(reason?: unknown): Promise<void> {
    this.closed = true;
    for (const r of this.running.values()) r.controller.abort(reason);
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.limits.concurrency) {
      const index = this.nextIndex();
      if (index < 0) return;
      const [entry] = this.waiting.splice(index, 1);
      const { job, resolve } = entry!;
      const controller = new AbortController();
      const done = Promise.resolve()
        .then(() => this.executor(job, controller.signal))
        .catch(() => undefined)
        .finally(() => {
          this.running.delete(job.runId);
          resolve();
          this.pump();
        });
      this.running.set(job.runId, { job, controller, done });
    }
  }

  private nextIndex(): number {
    const busyBridges = new Set<string>();
    const perConnection = new Map<string, number>();
    for (const { job } of this.running.values()) {
      busyBridges.add(job.bridgeId);
      for (const c of new Set(job.connections)) perConnection.set(c, (perConnection.get(c) ?? 0) + 1);
    }
    const fits = (job: J) => !busyBridges.has(job.bridgeId) && [...new Set(job.connections)].every((c) => {
      const limit = this.limits.connectionLimit(c);
      return limit === undefined || (perConnection.get(c) ?? 0) < limit;
    });
    const manual = this.waiting.findIndex((w) => w.job.manual && fits(w.job));
    return manual >= 0 ? manual : this.waiting.findIndex((w) => fits(w.job));
  }
}
