import type { RunRecord } from '../../../shared/index.js';
import { ExNodeError, msg, rolesAllow } from '../../../shared/index.js';
import {
  describeSchedule, nextFires, type MissedPolicy, type ScheduleSpec, type ScheduleView, type SchedulerStatus,
} from '../../../shared/schedule.js';
import type { StateDb } from '../store/db.js';
import type { EventBus } from '../events.js';
import type { AuditLog } from '../audit/log.js';
import type { BridgeService, StoredBridge } from '../bridges/service.js';
import type { RunStore } from '../bridges/run/run-store.js';
import type { BridgeRunner, StartRequest } from '../bridges/run/runner.js';
import type { Actor } from '../actor.js';
import { ScheduleStore, type StoredSchedule } from './store.js';
import { Scheduler, decide, type Fire, type ScheduleEntry } from './scheduler.js';
import { type AccountActor, scheduledActor } from './actor.js';
import { systemClock, type TimerClock } from './clock.js';

export interface ScheduleDeps {
  readonly db: StateDb;
  readonly bridges: BridgeService;
  readonly runs: RunStore;
  readonly runner: BridgeRunner;
  readonly audit: AuditLog;
  readonly events: EventBus;
  readonly clock?: TimerClock;
  /** The deploying account as it is now (engine: `auth.actorFor`). */
  readonly accountActor?: AccountActor;
}

/** Fire delays the scheduler measured (planned time to the tick noted in the state store), for the bench and tests. */
export interface FireDelay {
  readonly bridge: string;
  readonly plannedMs: number;
  readonly delayMs: number;
}

/** Schedules of bridges as the operations see them, and the scheduler that fires them in a service. */
export class ScheduleService {
  readonly store: ScheduleStore;
  readonly scheduler: Scheduler;
  readonly fireDelays: FireDelay[] = [];
  /** Planned time to the run queued or the skip recorded (after the tick's commit), per timed fire, for the bench. */
  readonly handOverDelays: number[] = [];
  private pending: { fire: Fire; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private readonly clock: TimerClock;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: ScheduleDeps) {
    this.clock = deps.clock ?? systemClock;
    this.store = new ScheduleStore(deps.db);
    this.scheduler = new Scheduler(
      { deployed: () => this.deployedEntries(), paused: async () => (await this.store.pauseState()).paused, markFired: (f) => this.store.markFired(f) },
      (fire) => this.fire(fire),
      this.clock,
      (bridge, plannedMs, firedMs) => {
        if (this.fireDelays.length < 1_000_000) this.fireDelays.push({ bridge, plannedMs, delayMs: firedMs - plannedMs });
      },
    );
  }

  /** Applies the stored connection limits to the queue (every engine, CLI included). */
  async applyLimits(): Promise<void> {
    for (const l of await this.store.limits()) this.deps.runner.setConnectionLimit(l.connection, l.maxRuns);
  }

  /** Starts firing deployed schedules (the service and the desktop app do; one-shot CLI commands do not). */
  async start(): Promise<void> {
    this.unsubscribe = this.deps.events.subscribe((event) => {
      if (event.type !== 'run.updated') return;
      const run = event.payload as RunRecord;
      if (run.status === 'succeeded' && run.finishedAt) void this.scheduler.runSucceeded(run.bridgeName, run.id);
    });
    await this.scheduler.start();
  }

  /** Stops firing (the engine closes). */
  halt(): void {
    this.unsubscribe?.();
    this.scheduler.stop();
  }

  async list(): Promise<{ status: SchedulerStatus; schedules: ScheduleView[] }> {
    const [bridges, stored, status] = await Promise.all([this.deps.bridges.list(), this.store.all(), this.status()]);
    const byId = new Map(stored.map((s) => [s.bridgeId, s]));
    const last = await this.lastRuns();
    return {
      status,
      schedules: bridges.map((b) => this.view({ id: b.id, name: b.name, enabled: b.enabled }, byId.get(b.id) ?? null, status.paused, last.get(b.id) ?? null)),
    };
  }

  async get(name: string): Promise<ScheduleView> {
    const bridge = await this.deps.bridges.load(name);
    const status = await this.status();
    const last = (await this.deps.runs.search({ bridge: name, limit: 1, offset: 0 })).items[0];
    return this.view(idOf(bridge), await this.store.get(bridge.id), status.paused, last ?? null);
  }

  async set(name: string, spec: ScheduleSpec | null, missedPolicy: MissedPolicy | undefined): Promise<ScheduleView> {
    const bridge = await this.deps.bridges.load(name);
    if (spec?.kind === 'after') await this.checkChain(name, spec.after);
    await this.store.setSpec(bridge.id, spec, missedPolicy, this.clock.now());
    await this.scheduler.reload();
    return this.get(name);
  }

  async deploy(name: string, actor: Actor): Promise<ScheduleView> {
    const bridge = await this.deps.bridges.load(name);
    const stored = await this.store.get(bridge.id);
    if (!stored?.spec) throw new ExNodeError('CONFLICT', msg('schedule.notScheduled', { name }));
    if (!bridge.config.enabled) throw new ExNodeError('CONFLICT', msg('schedule.bridgeDisabled', { name }));
    await this.store.setDeployed(bridge.id, true, actor.name, this.clock.now());
    await this.scheduler.reload();
    return this.get(name);
  }

  /** The schedule stops firing; a run under way stops after its current batch (checkpointed). */
  async stop(name: string): Promise<ScheduleView> {
    const bridge = await this.deps.bridges.load(name);
    await this.store.setDeployed(bridge.id, false, null, this.clock.now());
    await this.scheduler.reload();
    const underWay = await this.deps.runner.runUnderWay(bridge.id);
    if (underWay) {
      await this.deps.runs.log(underWay.id, 'warn', msg('schedule.stopRequested'));
      // Not awaited: the run ends after its batch, and the run record tells how.
      void this.deps.runner.cancel(underWay.id).catch(() => undefined);
    }
    return this.get(name);
  }

  async pause(actor: Actor): Promise<SchedulerStatus> {
    await this.store.setPaused(true, actor.name);
    await this.scheduler.reload();
    return this.status();
  }

  async resume(actor: Actor): Promise<SchedulerStatus> {
    await this.store.markAllFired(this.clock.now());
    await this.store.setPaused(false, actor.name);
    await this.scheduler.reload();
    return this.status();
  }

  async status(): Promise<SchedulerStatus> {
    const s = await this.store.pauseState();
    return { paused: s.paused, pausedBy: s.paused ? s.by : null, pausedAt: s.paused ? s.at : null };
  }

  async setLimit(connection: string, maxRuns: number | null): Promise<{ connection: string; maxRuns: number }[]> {
    await this.store.setLimit(connection, maxRuns);
    this.deps.runner.setConnectionLimit(connection, maxRuns);
    return this.store.limits();
  }

  preview(spec: ScheduleSpec): { description: { 'zh-CN': string; en: string }; nextFires: string[] } {
    return {
      description: { 'zh-CN': describeSchedule(spec, 'zh-CN'), en: describeSchedule(spec, 'en') },
      nextFires: nextFires(spec, this.clock.now(), 5).map((ms) => new Date(ms).toISOString()),
    };
  }

  /**
   * What a fire asks for: a run as the deploying account, or a recorded skip. Fires handed out together
   * (one scheduler tick) are decided together and written in one transaction: their run records, log
   * lines and audit entries (the audit chain in fire order), so a tick costs the state store one commit.
   */
  private fire(fire: Fire): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ fire, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending.splice(0);
    try {
      await this.fireTogether(batch.map((p) => p.fire));
      for (const p of batch) p.resolve();
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  private async fireTogether(fires: readonly Fire[]): Promise<void> {
    const bridges = await this.deps.bridges.loadByIds([...new Set(fires.map((f) => f.entry.bridgeId))]);
    const actors = new Map<string, Promise<Actor>>();
    const actorOf = (name: string) => actors.get(name) ?? actors.set(name, scheduledActor(name, this.deps.accountActor)).get(name)!;
    const requests: StartRequest[] = [];
    const facts: { fire: Fire; actor: Actor; scheduledFor: string | undefined }[] = [];
    for (const fire of fires) {
      const bridge = bridges.get(fire.entry.bridgeId);
      if (!bridge) continue; // removed since it was deployed: nothing left to run or record against
      const actor = await actorOf(fire.entry.actor.name);
      const scheduledFor = fire.kind === 'chain' ? undefined : new Date(fire.plannedMs).toISOString();
      const options = scheduledFor ? { scheduledFor } : {};
      const decision = decide({ ...fire, entry: { ...fire.entry, actor } } as Fire, rolesAllow(actor.roles, 'bridges.run'));
      requests.push(decision.run
        ? { bridge, trigger: 'schedule', options: { ...options, note: msg(decision.note.key, decision.note.params) } }
        : { bridge, trigger: 'schedule', options, skip: msg(decision.reason.key, decision.reason.params) });
      facts.push({ fire, actor, scheduledFor });
    }
    if (requests.length === 0) return;
    const prepared = await this.deps.runner.prepareStarts(requests);
    const entries = prepared.records.map((record, i) => {
      const { fire, actor, scheduledFor } = facts[i]!;
      return {
        actor: actor.name, operation: 'schedule/fire', target: record.bridgeName, outcome: 'ok' as const,
        detail: { run: record.id, status: record.status, kind: fire.kind, ...(scheduledFor ? { scheduledFor } : {}) },
      };
    });
    try {
      await this.deps.audit.appendMany(entries, (trx) => prepared.write(trx));
    } catch (error) {
      prepared.release();
      throw error;
    }
    await prepared.submit();
    const handedMs = this.clock.now();
    for (const { fire } of facts) {
      if (fire.kind === 'fire' && this.handOverDelays.length < 1_000_000) this.handOverDelays.push(handedMs - fire.plannedMs);
    }
  }

  private async deployedEntries(): Promise<ScheduleEntry[]> {
    const live = (await this.store.all()).filter((s) => s.deployed && s.spec);
    const bridges = await this.deps.bridges.loadByIds(live.map((s) => s.bridgeId));
    const out: ScheduleEntry[] = [];
    for (const s of live) {
      const bridge = bridges.get(s.bridgeId);
      if (!bridge || !bridge.config.enabled) continue;
      out.push({
        bridgeId: s.bridgeId, bridgeName: bridge.config.name, spec: s.spec!, missedPolicy: s.missedPolicy,
        actor: { name: s.deployedBy ?? 'scheduler', roles: [], shell: 'schedule' }, lastFireMs: s.lastFireMs, deployedMs: s.deployedAt ? Date.parse(s.deployedAt) : this.clock.now(),
      });
    }
    return out;
  }

  /** A chain must name another bridge that exists, and must not come back to this one. */
  private async checkChain(name: string, after: string): Promise<void> {
    if (after === name) throw new ExNodeError('INVALID_INPUT', msg('schedule.chainSelf', { name }));
    await this.deps.bridges.load(after);
    const stored = await this.store.all();
    const names = new Map((await this.deps.bridges.list()).map((b) => [b.id, b.name]));
    const afterOf = new Map<string, string>();
    for (const s of stored) if (s.spec?.kind === 'after') afterOf.set(names.get(s.bridgeId) ?? '', s.spec.after);
    const path = [name, after];
    for (let next = afterOf.get(after); next !== undefined; next = afterOf.get(next)) {
      path.push(next);
      if (next === name) throw new ExNodeError('INVALID_INPUT', msg('schedule.chainLoop', { path: path.join(' → ') }));
      if (path.length > 100) break;
    }
  }

  private async lastRuns(): Promise<Map<string, RunRecord>> {
    const rows = await this.deps.db('runs').select('bridge_id').max({ started: 'started_at' }).groupBy('bridge_id') as { bridge_id: string; started: string }[];
    const out = new Map<string, RunRecord>();
    for (const r of rows) {
      const id = await this.deps.db('runs').where({ bridge_id: r.bridge_id, started_at: r.started }).first('id') as { id: string } | undefined;
      if (id) out.set(r.bridge_id, await this.deps.runs.get(id.id));
    }
    return out;
  }

  private view(bridge: { id: string; name: string; enabled: boolean }, s: StoredSchedule | null, paused: boolean, last: RunRecord | null): ScheduleView {
    const spec = s?.spec ?? null;
    const live = Boolean(s?.deployed) && !paused && bridge.enabled;
    return {
      bridge: bridge.name,
      bridgeEnabled: bridge.enabled,
      spec,
      missedPolicy: s?.missedPolicy ?? 'run-once',
      deployed: Boolean(s?.deployed),
      deployedBy: s?.deployed ? s.deployedBy : null,
      deployedAt: s?.deployed ? s.deployedAt : null,
      description: spec ? { 'zh-CN': describeSchedule(spec, 'zh-CN'), en: describeSchedule(spec, 'en') } : null,
      nextFires: spec && live ? nextFires(spec, this.clock.now(), 5).map((ms) => new Date(ms).toISOString()) : [],
      lastRun: last ? { id: last.id, status: last.status, startedAt: last.startedAt, trigger: last.trigger } : null,
    };
  }
}

function idOf(bridge: StoredBridge): { id: string; name: string; enabled: boolean } {
  return { id: bridge.id, name: bridge.config.name, enabled: bridge.config.enabled };
}
