import type { NodeSettings, RunRecord } from '../../../../shared/index.js';
import { ExNodeError, sourceLabel, sourceRefOf, tableLabel, targetRefOf } from '../../../../shared/index.js';
import type { Connector } from '../../../../connectors/core/connector.js';
import type { ConnectionService } from '../../connections/service.js';
import type { EventBus } from '../../events.js';
import type { Vault } from '../../secrets/vault.js';
import type { BridgeService, StoredBridge } from '../service.js';
import type { RunProgress, RunStore } from './run-store.js';
import type { RunContext } from './context.js';
import { describeSource } from '../mapping/describe-source.js';
import { CheckpointTable, nodeColumns } from '../exchange/checkpoint.js';
import { runMapping } from '../mapping/mapping.js';
import { runSend } from '../sync/send.js';
import { runReceive } from '../sync/receive.js';
import type { RangeStore } from '../sync/range-store.js';

export interface RunnerDeps {
  readonly runs: RunStore;
  readonly bridges: BridgeService;
  readonly connections: ConnectionService;
  readonly events: EventBus;
  readonly vault: Vault;
  readonly ranges: RangeStore;
  readonly settings: () => Promise<NodeSettings>;
  readonly concurrency: number;
}


interface Active {
  readonly controller: AbortController;
  readonly done: Promise<RunRecord>;
}

const REPORT_INTERVAL_MS = 500;
/** How long a cancel waits for another process to stop the run (it stops at its next batch). */
const CROSS_PROCESS_CANCEL_WAIT_MS = 15_000;

function processAlive(pid: number | null): boolean {
  if (pid === null) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The run queue: no two runs of one bridge at once, at most `concurrency` runs in all. */
export class BridgeRunner {
  private readonly queue: { run: RunRecord; resolve: (r: RunRecord) => void }[] = [];
  private readonly active = new Map<string, Active>();
  /** Bridge id of each active run: one run per bridge at a time. */
  private readonly activeBridges = new Map<string, string>();
  private readonly waiters = new Map<string, Promise<RunRecord>>();
  private closed = false;
  private concurrency: number;

  constructor(private readonly deps: RunnerDeps) {
    this.concurrency = deps.concurrency;
  }

  setConcurrency(value: number): void {
    this.concurrency = value;
    this.pump();
  }

  /** The run of a bridge that is queued or running, in this process or in another live ExNode process. */
  async runUnderWay(bridgeId: string): Promise<RunRecord | null> {
    const queued = this.queue.find((q) => q.run.bridgeId === bridgeId)?.run;
    if (queued) return queued;
    return (await this.deps.runs.unfinished()).find((r) => r.bridgeId === bridgeId && processAlive(r.ownerPid)) ?? null;
  }

  async start(bridgeName: string, trigger: RunRecord['trigger']): Promise<RunRecord> {
    const bridge = await this.deps.bridges.load(bridgeName);
    if (!bridge.config.enabled) throw new ExNodeError('CONFLICT', `Bridge "${bridgeName}" is disabled; enable it before running`);
    const mine = this.queue.find((q) => q.run.bridgeId === bridge.id)?.run
      ?? [...this.active.keys()].map((id) => ({ id, bridgeId: this.activeBridges.get(id) })).find((a) => a.bridgeId === bridge.id);
    if (mine) throw new ExNodeError('CONFLICT', `Bridge "${bridgeName}" already has run ${mine.id} under way; wait for it or cancel it`);
    const orphan = (await this.deps.runs.unfinished()).find((r) => r.bridgeId === bridge.id);
    if (orphan && processAlive(orphan.ownerPid)) {
      throw new ExNodeError('CONFLICT', `Bridge "${bridgeName}" is being run by another ExNode process (pid ${orphan.ownerPid}, run ${orphan.id})`);
    }
    if (orphan) return this.resume(orphan);
    const run = await this.deps.runs.create(bridge, trigger);
    this.enqueue(run);
    return run;
  }

  /** Runs whose process died (a crash, a kill, a power cut) continue from their checkpoints. */
  async resumeUnfinished(): Promise<void> {
    for (const run of await this.deps.runs.unfinished()) {
      if (!processAlive(run.ownerPid)) await this.resume(run);
    }
  }

  private async resume(run: RunRecord): Promise<RunRecord> {
    await this.deps.runs.log(run.id, 'warn', 'The process running this run stopped; resuming from the last checkpoint');
    const record = await this.deps.runs.claim(run.id, process.pid);
    this.enqueue(record);
    return record;
  }

  wait(runId: string): Promise<RunRecord> {
    return this.waiters.get(runId) ?? this.deps.runs.get(runId);
  }

  async cancel(runId: string): Promise<RunRecord> {
    const run = await this.deps.runs.get(runId);
    const queued = this.queue.findIndex((q) => q.run.id === runId);
    if (queued >= 0) {
      const [entry] = this.queue.splice(queued, 1);
      const record = await this.finish(runId, 'cancelled', { code: 'CANCELLED', message: 'Cancelled before it started' });
      entry!.resolve(record);
      return record;
    }
    const active = this.active.get(runId);
    if (active) {
      active.controller.abort();
      return active.done;
    }
    if (run.status !== 'running' && run.status !== 'queued') throw new ExNodeError('CONFLICT', `Run ${runId} has already ${run.status}`);
    const owner = (await this.deps.runs.unfinished()).find((r) => r.id === runId)?.ownerPid ?? null;
    if (!processAlive(owner)) return this.finish(runId, 'cancelled', { code: 'CANCELLED', message: 'Cancelled' });
    // Another ExNode process (the service, or a command line) runs it: ask it, and wait a while.
    await this.deps.runs.requestCancel(runId);
    const deadline = Date.now() + CROSS_PROCESS_CANCEL_WAIT_MS;
    for (;;) {
      const now = await this.deps.runs.get(runId);
      if (now.status !== 'running' && now.status !== 'queued') return now;
      if (Date.now() > deadline) return now;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async shutdown(): Promise<void> {
    this.closed = true;
    for (const a of this.active.values()) a.controller.abort(new ExNodeError('CANCELLED', 'The node is shutting down'));
    await Promise.allSettled([...this.active.values()].map((a) => a.done));
  }

  private enqueue(run: RunRecord): void {
    const done = new Promise<RunRecord>((resolve) => this.queue.push({ run, resolve }));
    this.waiters.set(run.id, done);
    void done.finally(() => this.waiters.delete(run.id));
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.active.size < this.concurrency) {
      const busy = new Set(this.activeBridges.values());
      const index = this.queue.findIndex((q) => !busy.has(q.run.bridgeId));
      if (index < 0) return;
      const [entry] = this.queue.splice(index, 1);
      const controller = new AbortController();
      const done = this.execute(entry!.run, controller.signal);
      this.active.set(entry!.run.id, { controller, done });
      this.activeBridges.set(entry!.run.id, entry!.run.bridgeId);
      void done.then((record) => {
        this.active.delete(entry!.run.id);
        this.activeBridges.delete(entry!.run.id);
        entry!.resolve(record);
        this.pump();
      });
    }
  }

  private async execute(queued: RunRecord, signal: AbortSignal): Promise<RunRecord> {
    const run = await this.deps.runs.claim(queued.id, process.pid);
    this.deps.events.emit('run.updated', run);
    const opened: Connector[] = [];
    try {
      const bridge = await this.deps.bridges.loadById(run.bridgeId);
      const ctx = await this.context(run, bridge, signal, opened);
      await ctx.log('info', `Run started: ${bridge.config.mode} ${bridge.config.direction} ${sourceLabel(bridge.config)} → ${ctx.targetTable.name}`);
      if (bridge.config.direction === 'send') await runSend(ctx);
      else await runReceive(ctx);
      const record = await this.deps.runs.get(run.id);
      await this.deps.runs.log(run.id, record.deviation.total === 0 ? 'info' : 'warn',
        `Finished: read ${record.sender.total}, sender I/U/D ${record.sender.inserted}/${record.sender.updated}/${record.sender.deleted}, receiver I/U/D ${record.receiver.inserted}/${record.receiver.updated}/${record.receiver.deleted}, rejected ${record.receiver.rejected}, deviation ${record.deviation.total}`);
      return await this.finish(run.id, 'succeeded', null);
    } catch (raw) {
      const error = raw instanceof ExNodeError ? raw : new ExNodeError('INTERNAL', (raw as Error).message ?? String(raw), { cause: raw });
      const cancelled = signal.aborted || error.code === 'CANCELLED';
      await this.deps.runs.log(run.id, cancelled ? 'warn' : 'error', cancelled ? 'Run cancelled; run the bridge again to continue' : error.message);
      return await this.finish(run.id, cancelled ? 'cancelled' : 'failed', { code: cancelled ? 'CANCELLED' : error.code, message: error.message });
    } finally {
      await Promise.allSettled(opened.map((c) => c.close()));
    }
  }

  private async finish(runId: string, status: RunRecord['status'], error: { code: string; message: string } | null): Promise<RunRecord> {
    const record = await this.deps.runs.update(runId, { status, error, finished: true });
    this.deps.events.emit('run.updated', record);
    return record;
  }

  private async context(run: RunRecord, stored: StoredBridge, signal: AbortSignal, opened: Connector[]): Promise<RunContext> {
    const bridge = stored.config;
    const open = async (name: string) => {
      const c = await this.deps.connections.open(name);
      opened.push(c);
      return c;
    };
    const settings = await this.deps.settings();
    const prefix = settings.columnPrefix;
    const node = nodeColumns(prefix);
    const target = await this.deps.bridges.targetOf(bridge);
    if (bridge.direction === 'receive' && !bridge.target.connection) {
      throw new ExNodeError('INVALID_INPUT', 'A receive bridge needs "target.connection": the business database to write into');
    }
    const source = await open(bridge.source.connection);
    const receiver = await open(target.connection);
    const sourceTable = sourceRefOf(bridge);
    const targetTable = targetRefOf(bridge);
    const schema = await describeSource(source, sourceTable);
    const mapping = runMapping(bridge, schema, node, this.deps.vault.hmac.bind(this.deps.vault));
    let lastReport = 0;
    return {
      run, bridgeId: stored.id, bridge,
      stateKey: bridge.direction === 'send' ? `send:${tableLabel(targetTable)}` : `receive:${stored.id}`, source, target: receiver, sourceTable, targetTable, mapping, node,
      checkpoints: new CheckpointTable(prefix, bridge.direction === 'send' ? targetTable.schema : sourceTable.schema),
      signal,
      ranges: this.deps.ranges,
      retentionDays: settings.softDeleteRetentionDays,
      report: async (progress: RunProgress, sender, receiverCounts) => {
        const now = Date.now();
        if (now - lastReport < REPORT_INTERVAL_MS && progress.phase !== 'done') return;
        lastReport = now;
        const record = await this.deps.runs.update(run.id, { progress, sender, receiver: receiverCounts });
        this.deps.events.emit('run.updated', record);
        if (await this.deps.runs.cancelRequested(run.id)) this.active.get(run.id)?.controller.abort();
      },
      log: (level, message) => this.deps.runs.log(run.id, level, message),
      reject: (rows) => this.deps.runs.reject(run.id, rows),
    };
  }
}
