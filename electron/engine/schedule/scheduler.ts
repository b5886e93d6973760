import type { Actor } from '../actor.js';
import { firesBetween, nextFires, type MissedPolicy, type ScheduleSpec } from '../../../shared/schedule.js';
import type { TimerClock } from './clock.js';

/** A deployed schedule as the scheduler sees it. */
export interface ScheduleEntry {
  readonly bridgeId: string;
  readonly bridgeName: string;
  readonly spec: ScheduleSpec;
  readonly missedPolicy: MissedPolicy;
  readonly actor: Actor;
  /** Planned time of the last fire handled; null: none since it was deployed. */
  readonly lastFireMs: number | null;
  /** When it was deployed: fires before it are not "missed". */
  readonly deployedMs: number;
}

/** Where the deployed schedules live and where the scheduler notes what it handled. */
export interface ScheduleSource {
  deployed(): Promise<ScheduleEntry[]>;
  paused(): Promise<boolean>;
  /** Records the planned time of the last fire handled per bridge, in one write. */
  markFired(fires: readonly { bridgeId: string; plannedMs: number }[]): Promise<void>;
}

export type Fire =
  | { readonly kind: 'fire'; readonly entry: ScheduleEntry; readonly plannedMs: number }
  | { readonly kind: 'missed'; readonly entry: ScheduleEntry; readonly plannedMs: number; readonly count: number; readonly firstMs: number }
  | { readonly kind: 'chain'; readonly entry: ScheduleEntry; readonly after: string; readonly afterRunId: string };

/** Asks for the run (or records the skip) a fire calls for. */
export type FireHandler = (fire: Fire) => Promise<void>;

/** A deployed schedule's next fire, and the few after it computed ahead. */
interface Slot {
  readonly entry: ScheduleEntry;
  nextMs: number | null;
  ahead?: number[];
}

/**
 * Fires computed at once per schedule: a cron's next fire in a time zone costs about a millisecond
 * (croner converts each candidate), so 200 one-second crons asked one by one cost a whole tick.
 */
const LOOKAHEAD = 16;

/** The slot's fires up to `now` (its planned one first), and moves it to its next fire after `now`. */
function dueFires(slot: Slot, now: number): number[] {
  const due = [slot.nextMs!];
  let ahead = (slot.ahead ?? []).filter((t) => t > due[0]!);
  while (ahead.length > 0 && ahead[0]! <= now) due.push(ahead.shift()!);
  if (ahead.length === 0) {
    // A long sleep: count the rest in one pass, then look ahead from now.
    due.push(...firesBetween(slot.entry.spec, due[due.length - 1]!, now));
    ahead = nextFires(slot.entry.spec, now, LOOKAHEAD);
  }
  slot.nextMs = ahead.shift() ?? null;
  slot.ahead = ahead;
  return due;
}

/** Checks the timer at least this often, so a clock change or a long sleep is noticed. */
const MAX_TIMER_MS = 30_000;

/**
 * Fires deployed schedules on time: cron (seconds, time zones), intervals and chains. A fire missed
 * while the node was off, asleep or too busy is handled by the bridge's policy (run once now, or
 * skip and record it); a fire is never handed out twice, also across restarts.
 */
export class Scheduler {
  private entries = new Map<string, Slot>();
  private cancelTimer: (() => void) | null = null;
  private paused = false;
  private running = false;
  private reloading: Promise<void> = Promise.resolve();
  private waking = false;
  private readonly inflight = new Set<Promise<unknown>>();
  /** Fires handed out (each becomes one run record), and the planned instants they cover (a missed fire covers several). */
  readonly counts = { handedOut: 0, planned: 0 };

  constructor(
    private readonly source: ScheduleSource,
    private readonly onFire: FireHandler,
    private readonly clock: TimerClock,
    /** Each timed fire with its planned and actual time (fire delay). */
    private readonly onTimed: (bridge: string, plannedMs: number, firedMs: number) => void = () => undefined,
  ) {}

  /** Loads the schedules, handles what was missed while the node was down, and arms the timer. */
  async start(): Promise<void> {
    this.running = true;
    await this.reload();
  }

  stop(): void {
    this.running = false;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  /** Re-reads the schedules after a change (set, deploy, stop, pause, resume). */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(() => this.load()).catch(() => undefined);
    return this.reloading;
  }

  /** The next planned fire of a bridge, if it has a timed schedule deployed and the scheduler runs. */
  nextFireOf(bridgeId: string): number | null {
    return this.paused ? null : this.entries.get(bridgeId)?.nextMs ?? null;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** A run finished: start the deployed chains that wait for its success. */
  async runSucceeded(bridgeName: string, runId: string): Promise<void> {
    if (!this.running || this.paused) return;
    for (const { entry } of this.entries.values()) {
      if (entry.spec.kind === 'after' && entry.spec.after === bridgeName) {
        await this.handOut({ kind: 'chain', entry, after: bridgeName, afterRunId: runId });
      }
    }
  }

  private async load(): Promise<void> {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (!this.running) return;
    const now = this.clock.now();
    const [list, paused] = await Promise.all([this.source.deployed(), this.source.paused()]);
    const previous = this.entries;
    // Fires of a maintenance window are not caught up when it ends.
    const resuming = this.paused && !paused;
    this.paused = paused;
    this.entries = new Map();
    const missed: Fire[] = [];
    const marks: { bridgeId: string; plannedMs: number }[] = [];
    for (const entry of list) {
      const old = previous.get(entry.bridgeId);
      const sameSpec = old && JSON.stringify(old.entry.spec) === JSON.stringify(entry.spec);
      if (entry.spec.kind === 'after') {
        this.entries.set(entry.bridgeId, { entry, nextMs: null });
        continue;
      }
      if (paused) {
        // A maintenance window: its fires are not caught up afterwards.
        this.entries.set(entry.bridgeId, { entry, nextMs: null });
        marks.push({ bridgeId: entry.bridgeId, plannedMs: now });
        continue;
      }
      if (resuming) {
        marks.push({ bridgeId: entry.bridgeId, plannedMs: now });
        this.entries.set(entry.bridgeId, { entry, nextMs: nextFires(entry.spec, now, 1)[0] ?? null });
        continue;
      }
      if (sameSpec && old.nextMs !== null) {
        this.entries.set(entry.bridgeId, { entry, nextMs: old.nextMs });
        continue;
      }
      const since = Math.max(entry.lastFireMs ?? entry.deployedMs, entry.deployedMs);
      const due = firesBetween(entry.spec, since, now);
      if (due.length > 0) {
        missed.push({ kind: 'missed', entry, plannedMs: due[due.length - 1]!, count: due.length, firstMs: due[0]! });
        marks.push({ bridgeId: entry.bridgeId, plannedMs: due[due.length - 1]! });
      }
      this.entries.set(entry.bridgeId, { entry, nextMs: nextFires(entry.spec, now, 1)[0] ?? null });
    }
    if (marks.length > 0) await this.source.markFired(marks);
    for (const fire of missed) await this.handOut(fire);
    this.arm();
  }

  private arm(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (!this.running || this.paused) return;
    let soonest: number | null = null;
    for (const { nextMs } of this.entries.values()) {
      if (nextMs !== null && (soonest === null || nextMs < soonest)) soonest = nextMs;
    }
    if (soonest === null) return;
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, soonest - this.clock.now()));
    this.cancelTimer = this.clock.setTimer(wait, () => void this.wake());
  }

  private async wake(): Promise<void> {
    if (this.waking || !this.running) return;
    this.waking = true;
    try {
      await this.reloading;
      const now = this.clock.now();
      const fires: Fire[] = [];
      for (const slot of this.entries.values()) {
        if (slot.nextMs === null || slot.nextMs > now) continue;
        // Every fire from the planned one up to now: more than one means the node was asleep or stalled.
        const due = dueFires(slot, now);
        const last = due[due.length - 1]!;
        fires.push(due.length === 1
          ? { kind: 'fire', entry: slot.entry, plannedMs: last }
          : { kind: 'missed', entry: slot.entry, plannedMs: last, count: due.length, firstMs: due[0]! });
      }
      if (fires.length > 0) {
        // Noted before the runs are asked for: a crash now loses at most these fires, never repeats them.
        await this.source.markFired(fires.map((f) => ({ bridgeId: f.entry.bridgeId, plannedMs: (f as { plannedMs: number }).plannedMs })));
        const firedMs = this.clock.now();
        for (const f of fires) if (f.kind === 'fire') this.onTimed(f.entry.bridgeName, f.plannedMs, firedMs);
        const dispatched = Promise.all(fires.map((f) => this.handOut(f)));
        this.inflight.add(dispatched);
        void dispatched.finally(() => this.inflight.delete(dispatched));
      }
    } finally {
      this.waking = false;
      this.arm();
    }
  }

  private handOut(fire: Fire): Promise<void> {
    this.counts.handedOut++;
    this.counts.planned += fire.kind === 'missed' ? fire.count : 1;
    return this.onFire(fire).catch(() => undefined);
  }

  /** Resolves when the fires handed out so far have been handled (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all([...this.inflight]);
  }
}

/** What a fire asks for: a run (with the note its log starts with), or a recorded skip (with the reason). */
export type Decision = { readonly run: true; readonly note: { key: 'schedule.fired' | 'schedule.runMissed' | 'schedule.chained'; params: Record<string, string | number> } }
  | { readonly run: false; readonly reason: { key: 'schedule.skipMissed' | 'schedule.skipNotAllowed'; params: Record<string, string | number> } };

/** The policy of fires: the deploying account must be allowed to run bridges; missed fires follow the bridge's policy. */
export function decide(fire: Fire, allowed: boolean): Decision {
  const { entry } = fire;
  if (!allowed) return { run: false, reason: { key: 'schedule.skipNotAllowed', params: { actor: entry.actor.name } } };
  if (fire.kind === 'chain') return { run: true, note: { key: 'schedule.chained', params: { after: fire.after, id: fire.afterRunId } } };
  if (fire.kind === 'fire') return { run: true, note: { key: 'schedule.fired', params: { at: new Date(fire.plannedMs).toISOString(), actor: entry.actor.name } } };
  const params = { count: fire.count, first: new Date(fire.firstMs).toISOString() };
  return entry.missedPolicy === 'skip' ? { run: false, reason: { key: 'schedule.skipMissed', params } } : { run: true, note: { key: 'schedule.runMissed', params } };
}
