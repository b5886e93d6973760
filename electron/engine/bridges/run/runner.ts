import type { RunRecord } from '../../../../shared/index.js';
import { ExNodeError, msg, render, type MessageRef } from '../../../../shared/index.js';
import type { EventBus } from '../../events.js';
import type { BridgeService, StoredBridge } from '../service.js';
import type { StateDb } from '../../store/db.js';
import { newRunRow, type LogRowInput, type RunRow, type RunError, type RunStore, type UnfinishedRun, toRecord } from './run-store.js';
import type { RunExecutor } from './execute.js';
import { RunQueue, type QueueJob } from './queue.js';
import { RUN_RETRY_POLICY, isTransient, withRunRetries, type BackoffPolicy } from './run-retry.js';
import { LEASE_TICK_MS, LEASE_TTL_MS, PROCESS_OWNER, leaseHolds } from './lease.js';
import { sleepOn, systemClock, type TimerClock } from '../../schedule/clock.js';

export interface RunnerDeps {
  readonly runs: RunStore;
  readonly bridges: BridgeService;
  readonly events: EventBus;
  /** Does one attempt of a run (the real pipeline, or a test's stand-in). */
  readonly executor: RunExecutor;
  readonly concurrency: number;
  readonly clock?: TimerClock;
  readonly retryPolicy?: BackoffPolicy;
  /** This process as the owner of run leases (tests simulate a second process with another name). */
  readonly owner?: string;
  /** A connection's limit when none is set: a SQLite file takes one writer at a time, so one run. */
  readonly defaultLimit?: (connection: string) => Promise<number | undefined>;
}

export interface StartOptions {
  /** The planned fire time of a scheduled run (ISO). */
  readonly scheduledFor?: string;
  /** A first line for the run's log (why it runs: a schedule, a chain, a missed fire). */
  readonly note?: string | MessageRef;
  /** A one-off full run of an incremental bridge (recorded as the run's mode `full`). */
  readonly fullOnce?: boolean;
}

/** One trigger of a batch (a scheduler tick): a run to start, or a skip to record with its reason. */
export interface StartRequest {
  readonly bridge: StoredBridge;
  readonly trigger: RunRecord['trigger'];
  readonly options?: StartOptions;
  readonly skip?: MessageRef;
}

/** A batch of triggers decided and ready to write: `write` inside the caller's transaction, then `submit`. */
export interface PreparedStarts {
  /** One record per request, in order: queued, or skipped with the reason. */
  readonly records: readonly RunRecord[];
  /** Writes the records and their first log lines with `trx`. */
  write(trx: StateDb): Promise<void>;
  /** After the commit: queues the runs, resumes the unfinished ones found, tells the console. */
  submit(): Promise<void>;
  /** The write failed: nothing was queued; frees the bridges for the next trigger. */
  release(): void;
}

interface RunJob extends QueueJob {
  readonly run: RunRecord;
}

/** How long `cancel` waits for another process to stop a run it holds (it looks every second, and stops after its batch). */
const CROSS_PROCESS_CANCEL_WAIT_MS = 60_000;

/**
 * The node's runs: the one queue (no overlap per bridge, concurrency and connection limits, manual
 * first), ownership of each run by a lease this process renews, cancels from any process, and
 * retries of transient failures. What a run does is the injected executor's job.
 */
export class BridgeRunner {
  readonly owner: string;
  private readonly queue: RunQueue<RunJob>;
  private readonly waiters = new Map<string, Promise<RunRecord>>();
  /** Records of runs dropped before they started, for their waiters. */
  private readonly finals = new Map<string, Promise<RunRecord>>();
  private readonly connectionLimits = new Map<string, number>();
  private readonly defaults = new Map<string, number>();
  private readonly starting = new Set<string>();
  private readonly clock: TimerClock;
  private readonly ticker: NodeJS.Timeout;
  private concurrency: number;
  private closing = false;

  constructor(private readonly deps: RunnerDeps) {
    this.owner = deps.owner ?? PROCESS_OWNER;
    this.clock = deps.clock ?? systemClock;
    this.concurrency = deps.concurrency;
    const limits = this.connectionLimits;
    const concurrency = () => this.concurrency;
    this.queue = new RunQueue<RunJob>((job, signal) => this.execute(job, signal), {
      get concurrency() {
        return concurrency();
      },
      connectionLimit: (c) => limits.get(c) ?? this.defaults.get(c),
    });
    this.ticker = setInterval(() => void this.renewLeases().catch(() => undefined), LEASE_TICK_MS);
    this.ticker.unref();
  }

  setConcurrency(value: number): void {
    this.concurrency = value;
    this.queue.refresh();
  }

  /** At most `max` runs at once may use `connection` (null: no limit of its own). */
  setConnectionLimit(connection: string, max: number | null): void {
    if (max === null) this.connectionLimits.delete(connection);
    else this.connectionLimits.set(connection, max);
    this.queue.refresh();
  }

  /** The run of a bridge that is queued or running, here or in another live ExNode process. */
  async runUnderWay(bridgeId: string): Promise<RunRecord | null> {
    const here = this.queue.holding(bridgeId);
    if (here) return this.deps.runs.get(here.runId);
    const now = this.clock.now();
    return (await this.deps.runs.unfinishedOf(bridgeId)).find((r) => leaseHolds(r.lease, now)) ?? null;
  }

  /**
   * Asks for a run of `bridgeName`. A bridge that already has a run queued or running (here or in
   * another process) gets a run record with status `skipped` and the reason, never a second run.
   */
  async start(bridgeName: string, trigger: RunRecord['trigger'], options: StartOptions = {}): Promise<RunRecord> {
    const bridge = await this.deps.bridges.load(bridgeName);
    if (!bridge.config.enabled) throw new ExNodeError('CONFLICT', msg('schedule.bridgeDisabled', { name: bridgeName }));
    if (options.fullOnce && (bridge.config.mode !== 'incremental' || bridge.config.direction !== 'send')) {
      throw new ExNodeError('INVALID_INPUT', msg('runs.fullOnceOnlyIncremental', { name: bridgeName }));
    }
    if (this.starting.has(bridge.id)) return this.skip(bridge, trigger, msg('schedule.skipBusy', { id: '…' }), options);
    this.starting.add(bridge.id);
    try {
      const holder = this.queue.holding(bridge.id);
      if (holder) return await this.skip(bridge, trigger, msg('schedule.skipBusy', { id: holder.runId }), options);
      const now = this.clock.now();
      const unfinished = await this.deps.runs.unfinishedOf(bridge.id);
      const live = unfinished.find((r) => leaseHolds(r.lease, now));
      if (live) return await this.skip(bridge, trigger, msg('schedule.skipBusyElsewhere', { id: live.id }), options);
      if (unfinished[0]) return await this.resume(unfinished[0], bridge);
      const run = await this.deps.runs.create(bridge, trigger, {
        lease: { owner: this.owner, expiresMs: now + LEASE_TTL_MS },
        ...(options.scheduledFor ? { scheduledFor: options.scheduledFor } : {}),
        ...(options.fullOnce ? { mode: 'full' as const } : {}),
      });
      if (options.note) await this.deps.runs.log(run.id, 'info', options.note);
      await this.enqueue(run, bridge, trigger === 'manual' || trigger === 'cli');
      return run;
    } finally {
      this.starting.delete(bridge.id);
    }
  }

  /**
   * Decides many triggers at once (a scheduler tick) with the same rules as `start`: a bridge with a
   * run queued or running here or elsewhere, or disabled meanwhile, gets a skipped record with the
   * reason; an unfinished run whose process is gone is resumed instead of a new one. Nothing is written
   * here: the caller writes every record in one transaction (`write`), then `submit`s.
   */
  async prepareStarts(requests: readonly StartRequest[]): Promise<PreparedStarts> {
    const held = new Set<string>();
    const free = requests.filter((r) => !r.skip && r.bridge.config.enabled && !this.starting.has(r.bridge.id) && !this.queue.holding(r.bridge.id));
    const unfinished = new Map<string, UnfinishedRun>();
    for (const run of await this.deps.runs.unfinishedOfMany(free.map((r) => r.bridge.id))) if (!unfinished.has(run.bridgeId)) unfinished.set(run.bridgeId, run);
    const now = this.clock.now();
    const rows: RunRow[] = [];
    const logs: LogRowInput[] = [];
    const toQueue: { row: RunRow; bridge: StoredBridge; manual: boolean }[] = [];
    const toResume: { run: UnfinishedRun; bridge: StoredBridge }[] = [];
    for (const request of requests) {
      const { bridge, trigger, options = {} } = request;
      const scheduledFor = options.scheduledFor ? { scheduledFor: options.scheduledFor } : {};
      const holder = this.queue.holding(bridge.id);
      const other = unfinished.get(bridge.id);
      const reason = request.skip
        ?? (!bridge.config.enabled ? msg('schedule.bridgeDisabled', { name: bridge.config.name }) : undefined)
        ?? (held.has(bridge.id) || this.starting.has(bridge.id) ? msg('schedule.skipBusy', { id: '…' }) : undefined)
        ?? (holder ? msg('schedule.skipBusy', { id: holder.runId }) : undefined)
        ?? (other && leaseHolds(other.lease, now) ? msg('schedule.skipBusyElsewhere', { id: other.id }) : undefined);
      const row = reason
        ? newRunRow(bridge, trigger, { skippedReason: reason, ...scheduledFor })
        : newRunRow(bridge, trigger, { lease: { owner: this.owner, expiresMs: now + LEASE_TTL_MS }, ...scheduledFor });
      if (!reason && other) {
        // The bridge's earlier run lost its process: it continues, and this trigger is told so.
        toResume.push({ run: other, bridge });
        held.add(bridge.id);
        row.status = 'skipped';
        row.finished_at = row.started_at;
        const resumed = msg('schedule.skipResumes', { id: other.id });
        Object.assign(row, { skipped_reason: render('en', resumed), skipped_key: resumed.key, skipped_params: JSON.stringify(resumed.params) });
        rows.push(row);
        if (options.note) logs.push({ runId: row.id, level: 'info', message: options.note });
        logs.push({ runId: row.id, level: 'warn', message: resumed });
        continue;
      }
      rows.push(row);
      if (options.note) logs.push({ runId: row.id, level: 'info', message: options.note });
      if (reason) {
        logs.push({ runId: row.id, level: 'warn', message: reason });
      } else {
        held.add(bridge.id);
        toQueue.push({ row, bridge, manual: trigger === 'manual' || trigger === 'cli' });
      }
    }
    for (const id of held) this.starting.add(id);
    const records = rows.map(toRecord);
    const release = () => {
      for (const id of held) this.starting.delete(id);
    };
    return {
      records,
      write: (trx) => this.deps.runs.insertMany(trx, rows, logs),
      submit: async () => {
        try {
          const byId = new Map(records.map((r) => [r.id, r]));
          for (const q of toQueue) await this.enqueue(byId.get(q.row.id)!, q.bridge, q.manual);
          for (const r of toResume) await this.resume(r.run, r.bridge).catch(() => undefined);
          for (const r of records) if (r.status === 'skipped') this.deps.events.emit('run.updated', r);
        } finally {
          release();
        }
      },
      release,
    };
  }

  /** Records a trigger that did not run (a missed fire skipped by policy, an actor not allowed). */
  async skip(bridge: StoredBridge, trigger: RunRecord['trigger'], reason: MessageRef, options: StartOptions = {}): Promise<RunRecord> {
    const run = await this.deps.runs.create(bridge, trigger, {
      skippedReason: reason, ...(options.scheduledFor ? { scheduledFor: options.scheduledFor } : {}),
    });
    if (options.note) await this.deps.runs.log(run.id, 'info', options.note);
    await this.deps.runs.log(run.id, 'warn', reason);
    this.deps.events.emit('run.updated', run);
    return run;
  }

  /** Runs whose process is gone (a crash, a kill, a power cut, a clean stop) continue from their checkpoints. */
  async resumeUnfinished(): Promise<void> {
    const now = this.clock.now();
    for (const run of await this.deps.runs.unfinished()) {
      if (leaseHolds(run.lease, now) || this.queue.holding(run.bridgeId)) continue;
      const bridge = await this.deps.bridges.loadById(run.bridgeId).catch(() => null);
      if (bridge) await this.resume(run, bridge);
    }
  }

  private async resume(run: RunRecord, bridge: StoredBridge): Promise<RunRecord> {
    await this.deps.runs.log(run.id, 'warn', msg('schedule.resumed'));
    const record = await this.deps.runs.claim(run.id, this.owner, this.clock.now() + LEASE_TTL_MS, 'queued');
    await this.enqueue(record, bridge, true);
    return record;
  }

  wait(runId: string): Promise<RunRecord> {
    return this.waiters.get(runId) ?? this.deps.runs.get(runId);
  }

  /** Jobs of this process's queue: running ones and waiting ones, in order. */
  snapshot(): { running: string[]; waiting: string[] } {
    return { running: this.queue.runningJobs().map((j) => j.runId), waiting: this.queue.waitingJobs().map((j) => j.runId) };
  }

  /**
   * Cancels a run wherever it is: not started yet, it is dropped; running here, it stops after its
   * current batch; running in another process, that process is asked and this waits for the outcome.
   */
  async cancel(runId: string): Promise<RunRecord> {
    const run = await this.deps.runs.get(runId);
    const dropped = this.dropQueued(runId);
    if (dropped) return dropped;
    if (this.queue.cancel(runId, new ExNodeError('CANCELLED', msg('schedule.cancelled'))) === 'aborting') return this.wait(runId);
    if (run.status !== 'running' && run.status !== 'queued') {
      throw new ExNodeError('CONFLICT', msg('schedule.runFinished', { id: runId, status: run.status }));
    }
    if (!leaseHolds(await this.deps.runs.leaseOf(runId), this.clock.now())) {
      return this.finish(runId, 'cancelled', { code: 'CANCELLED', message: msg('schedule.cancelledStale') });
    }
    await this.deps.runs.requestCancel(runId);
    const deadline = Date.now() + CROSS_PROCESS_CANCEL_WAIT_MS;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      const now = await this.deps.runs.get(runId);
      if (now.status !== 'running' && now.status !== 'queued') return now;
      if (!leaseHolds(await this.deps.runs.leaseOf(runId), Date.now())) {
        return this.finish(runId, 'cancelled', { code: 'CANCELLED', message: msg('schedule.cancelledStale') });
      }
      if (Date.now() > deadline) throw new ExNodeError('TIMEOUT', msg('schedule.cancelPending', { id: runId }));
    }
  }

  /**
   * Stops this process's runs after their current batch and gives their leases up: they stay
   * unfinished and the next start of the node resumes them from their checkpoints.
   */
  async shutdown(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    clearInterval(this.ticker);
    const waiting = this.queue.waitingJobs();
    await this.queue.shutdown(new ExNodeError('CANCELLED', msg('schedule.shuttingDown')));
    for (const job of waiting) await this.deps.runs.releaseLease(job.runId, this.owner).catch(() => undefined);
  }

  private async enqueue(run: RunRecord, bridge: StoredBridge, manual: boolean): Promise<void> {
    const target = await this.deps.bridges.targetOf(bridge.config).catch(() => null);
    const connections = [bridge.config.source.connection, ...(target ? [target.connection] : [])];
    for (const c of connections) {
      if (this.connectionLimits.has(c) || this.defaults.has(c)) continue;
      const limit = await this.deps.defaultLimit?.(c).catch(() => undefined);
      if (limit !== undefined) this.defaults.set(c, limit);
    }
    const submitted = this.queue.submit({ runId: run.id, bridgeId: run.bridgeId, connections, manual, run });
    if (!submitted.accepted) throw new ExNodeError('CONFLICT', msg('schedule.skipBusy', { id: submitted.holder.runId }));
    const done = submitted.done.then(() => this.finals.get(run.id) ?? this.deps.runs.get(run.id));
    this.waiters.set(run.id, done);
    void done.finally(() => {
      this.waiters.delete(run.id);
      this.finals.delete(run.id);
    }).catch(() => undefined);
    this.deps.events.emit('run.updated', run);
  }

  private async execute(job: RunJob, signal: AbortSignal): Promise<void> {
    const run = await this.deps.runs.claim(job.runId, this.owner, this.clock.now() + LEASE_TTL_MS, 'running');
    this.deps.events.emit('run.updated', run);
    try {
      await withRunRetries(async (attempt) => {
        if (attempt > 1) await this.deps.runs.log(run.id, 'info', msg('schedule.attemptStart', { attempt }));
        await this.deps.executor(run, signal);
      }, {
        policy: this.deps.retryPolicy ?? RUN_RETRY_POLICY,
        signal,
        sleep: (ms, s) => sleepOn(this.clock, ms, s),
        onRetry: async (attempt, error, delayMs) => {
          const e = error as ExNodeError;
          await this.deps.runs.log(run.id, 'warn', msg('schedule.attemptFailed', {
            attempt, code: e.code ?? 'ERROR', message: e.message, seconds: Math.round(delayMs / 100) / 10,
          }));
        },
      });
      await this.finish(run.id, 'succeeded', null);
    } catch (raw) {
      const error = raw instanceof ExNodeError ? raw : new ExNodeError('INTERNAL', (raw as Error).message ?? String(raw), { cause: raw });
      if (this.closing && signal.aborted) {
        await this.deps.runs.log(run.id, 'warn', msg('schedule.shuttingDown'));
        await this.deps.runs.releaseLease(run.id, this.owner);
        return;
      }
      const cancelled = signal.aborted || error.code === 'CANCELLED';
      const line = cancelled ? msg('schedule.cancelled')
        : isTransient(error) ? (error.ref ?? error.message)
        : msg('schedule.terminal', { code: error.code, message: error.ref ?? error.message });
      await this.deps.runs.log(run.id, cancelled ? 'warn' : 'error', line);
      await this.finish(run.id, cancelled ? 'cancelled' : 'failed', { code: cancelled ? 'CANCELLED' : error.code, message: cancelled ? msg('schedule.cancelled') : error.ref ?? error.message });
    }
  }

  private async finish(runId: string, status: RunRecord['status'], error: RunError | null): Promise<RunRecord> {
    const record = await this.deps.runs.update(runId, { status, error, finished: true });
    this.deps.events.emit('run.updated', record);
    return record;
  }

  /** Keeps this process's leases alive and stops runs another process asked to cancel. */
  private async renewLeases(): Promise<void> {
    const ids = [...this.queue.runningJobs(), ...this.queue.waitingJobs()].map((j) => j.runId);
    const asked = await this.deps.runs.renewLeases(this.owner, ids, this.clock.now() + LEASE_TTL_MS);
    for (const id of asked) {
      if (!this.dropQueued(id)) this.queue.cancel(id, new ExNodeError('CANCELLED', msg('schedule.cancelled')));
    }
  }

  /** Takes a run that has not started out of the queue; its waiters get the cancelled record. */
  private dropQueued(runId: string): Promise<RunRecord> | null {
    if (!this.queue.waitingJobs().some((j) => j.runId === runId)) return null;
    const record = this.finish(runId, 'cancelled', { code: 'CANCELLED', message: msg('schedule.cancelledQueued') });
    this.finals.set(runId, record);
    this.queue.cancel(runId);
    return record;
  }
}
