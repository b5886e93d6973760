import { describe, expect, it } from 'vitest';
import { Scheduler, decide, type Fire, type ScheduleEntry, type ScheduleSource } from '../../electron/engine/schedule/scheduler.js';
import { describeSchedule, formatFire, intervalMs, nextFires, scheduleSpecSchema, type ScheduleSpecInput } from '../../shared/schedule.js';
import { ManualClock } from '../support/manual-clock.js';

const T0 = Date.parse('2026-06-01T00:00:00.000Z');
const spec = (input: ScheduleSpecInput) => scheduleSpecSchema.parse(input);

function entry(name: string, input: ScheduleSpecInput, more: Partial<ScheduleEntry> = {}): ScheduleEntry {
  return {
    bridgeId: `id-${name}`, bridgeName: name, spec: spec(input), missedPolicy: 'run-once',
    actor: { name: 'alice', roles: ['operator'], shell: 'schedule' }, lastFireMs: null, deployedMs: T0, ...more,
  };
}

/** Schedules kept in memory, with what the scheduler noted. */
function memorySource(entries: ScheduleEntry[]) {
  const state = { entries, paused: false, marks: new Map<string, number>() };
  const source: ScheduleSource = {
    deployed: async () => state.entries.map((e) => ({ ...e, lastFireMs: state.marks.get(e.bridgeId) ?? e.lastFireMs })),
    paused: async () => state.paused,
    markFired: async (fires) => {
      for (const f of fires) state.marks.set(f.bridgeId, f.plannedMs);
    },
  };
  return { state, source };
}

function harness(entries: ScheduleEntry[], start = T0) {
  const clock = new ManualClock(start);
  const { state, source } = memorySource(entries);
  const fires: (Fire & { at: number })[] = [];
  const scheduler = new Scheduler(source, async (f) => void fires.push({ ...f, at: clock.now() }), clock);
  return { clock, state, scheduler, fires };
}

describe('schedule specs', () => {
  it('validates cron (with seconds), time zones and intervals', () => {
    expect(scheduleSpecSchema.safeParse({ kind: 'cron', cron: '*/10 * * * * *' }).success).toBe(true);
    expect(scheduleSpecSchema.parse({ kind: 'cron', cron: '0 2 * * *' })).toMatchObject({ timezone: 'Asia/Shanghai' });
    expect(scheduleSpecSchema.safeParse({ kind: 'cron', cron: '61 * * * *' }).success).toBe(false);
    expect(scheduleSpecSchema.safeParse({ kind: 'cron', cron: '0 2 * * *', timezone: 'Mars/Olympus' }).success).toBe(false);
    expect(intervalMs('30s')).toBe(30_000);
    expect(intervalMs('5m')).toBe(300_000);
    expect(intervalMs('1h')).toBe(3_600_000);
    expect(intervalMs('0s')).toBeNull();
    expect(intervalMs('5 minutes')).toBeNull();
  });

  it('fires cron with seconds in its time zone', () => {
    const every10 = nextFires(spec({ kind: 'cron', cron: '*/10 * * * * *' }), T0, 3);
    expect(every10.map((t) => t - T0)).toEqual([10_000, 20_000, 30_000]);
    // 02:00 in Shanghai (UTC+8, no daylight saving) is 18:00 UTC the day before.
    const nightly = nextFires(spec({ kind: 'cron', cron: '0 0 2 * * *', timezone: 'Asia/Shanghai' }), T0, 2);
    expect(nightly.map((t) => new Date(t).toISOString())).toEqual(['2026-06-01T18:00:00.000Z', '2026-06-02T18:00:00.000Z']);
    expect(formatFire(nightly[0]!, 'Asia/Shanghai')).toBe('2026-06-02 02:00:00');
  });

  it('handles a daylight-saving zone: the skipped hour fires once at the next valid time, the repeated hour once', () => {
    const berlin = spec({ kind: 'cron', cron: '30 2 * * *', timezone: 'Europe/Berlin' });
    const spring = nextFires(berlin, Date.parse('2026-03-27T12:00:00Z'), 3).map((t) => new Date(t).toISOString());
    // 28 March 02:30 CET = 01:30Z; on 29 March 02:30 does not exist (clocks jump 02:00 → 03:00); 30 March 02:30 CEST = 00:30Z.
    expect(spring[0]).toBe('2026-03-28T01:30:00.000Z');
    expect(spring[2]).toBe('2026-03-30T00:30:00.000Z');
    expect(Date.parse(spring[1]!)).toBeGreaterThan(Date.parse('2026-03-29T00:00:00Z'));
    expect(Date.parse(spring[1]!)).toBeLessThan(Date.parse('2026-03-30T00:00:00Z'));
    const autumn = nextFires(berlin, Date.parse('2026-10-24T12:00:00Z'), 3).map((t) => new Date(t).toISOString());
    // 25 October: 02:30 happens twice (CEST then CET); the schedule fires once that day.
    const onThe25th = autumn.filter((t) => t.startsWith('2026-10-25'));
    expect(onThe25th).toEqual(['2026-10-25T00:30:00.000Z']);
    expect(autumn.slice(1)).toEqual(['2026-10-26T01:30:00.000Z', '2026-10-27T01:30:00.000Z']);
  });

  it('describes schedules plainly in Chinese and English', () => {
    expect(describeSchedule(spec({ kind: 'interval', every: '5m' }), 'zh-CN')).toBe('每 5 分钟');
    expect(describeSchedule(spec({ kind: 'interval', every: '30s' }), 'en')).toBe('every 30 seconds');
    expect(describeSchedule(spec({ kind: 'cron', cron: '0 30 2 * * *' }), 'zh-CN')).toBe('每天 02:30（Asia/Shanghai）');
    expect(describeSchedule(spec({ kind: 'cron', cron: '0 2 * * *' }), 'en')).toBe('every day at 02:00 (Asia/Shanghai)');
    expect(describeSchedule(spec({ kind: 'cron', cron: '*/15 * * * * *' }), 'zh-CN')).toBe('每 15 秒');
    expect(describeSchedule(spec({ kind: 'after', after: 'orders' }), 'en')).toBe('after bridge "orders" succeeds');
    expect(describeSchedule(spec({ kind: 'cron', cron: '0 2 * * 1-5' }), 'en')).toBe('cron 0 2 * * 1-5 (Asia/Shanghai)');
  });
});

describe('the scheduler', () => {
  it('fires each schedule at its times, with the planned time', async () => {
    const h = harness([entry('a', { kind: 'cron', cron: '*/10 * * * * *' }), entry('b', { kind: 'interval', every: '15s' })]);
    await h.scheduler.start();
    await h.clock.advance(60_000);
    const of = (name: string) => h.fires.filter((f) => f.entry.bridgeName === name).map((f) => (f as { plannedMs: number }).plannedMs - T0);
    expect(of('a')).toEqual([10_000, 20_000, 30_000, 40_000, 50_000, 60_000]);
    expect(of('b')).toEqual([15_000, 30_000, 45_000, 60_000]);
    expect(h.fires.every((f) => f.kind === 'fire' && f.at === f.plannedMs)).toBe(true);
    h.scheduler.stop();
  });

  it('never hands out a fire twice across a restart, and reports what the outage missed', async () => {
    const h = harness([entry('a', { kind: 'interval', every: '1s' })]);
    await h.scheduler.start();
    await h.clock.advance(5000);
    h.scheduler.stop();
    expect(h.fires.map((f) => f.kind)).toEqual(['fire', 'fire', 'fire', 'fire', 'fire']);
    // Down for 10 s, then a new scheduler reads what the first one noted.
    h.clock.jump(10_000);
    const again = new Scheduler(memorySourceFrom(h.state), async (f) => void h.fires.push({ ...f, at: h.clock.now() }), h.clock);
    await again.start();
    const missed = h.fires[5]!;
    expect(missed).toMatchObject({ kind: 'missed', count: 10, firstMs: T0 + 6000, plannedMs: T0 + 15_000 });
    await h.clock.advance(3000);
    const planned = h.fires.map((f) => (f as { plannedMs: number }).plannedMs - T0);
    expect(planned).toEqual([1000, 2000, 3000, 4000, 5000, 15_000, 16_000, 17_000, 18_000]);
    again.stop();
  });

  it('applies the missed-fire policy: run once now, or skip and record it', () => {
    const base = entry('a', { kind: 'interval', every: '1s' });
    const missed = (policy: 'run-once' | 'skip'): Fire => ({ kind: 'missed', entry: { ...base, missedPolicy: policy }, plannedMs: T0 + 9000, count: 9, firstMs: T0 + 1000 });
    expect(decide(missed('run-once'), true)).toMatchObject({ run: true, note: { key: 'schedule.runMissed', params: { count: 9 } } });
    expect(decide(missed('skip'), true)).toMatchObject({ run: false, reason: { key: 'schedule.skipMissed', params: { count: 9 } } });
    expect(decide({ kind: 'fire', entry: base, plannedMs: T0 }, false)).toMatchObject({ run: false, reason: { key: 'schedule.skipNotAllowed', params: { actor: 'alice' } } });
  });

  it('treats a long sleep of the machine as missed fires, not as a burst', async () => {
    const h = harness([entry('a', { kind: 'interval', every: '1s' })]);
    await h.scheduler.start();
    await h.clock.advance(1000);
    h.clock.jump(30_500);
    await h.clock.advance(0);
    expect(h.fires.map((f) => f.kind)).toEqual(['fire', 'missed']);
    expect(h.fires[1]).toMatchObject({ count: 30, firstMs: T0 + 2000, plannedMs: T0 + 31_000 });
    h.scheduler.stop();
  });

  it('starts chains after the bridge they follow succeeds', async () => {
    const h = harness([entry('load', { kind: 'interval', every: '1h' }), entry('report', { kind: 'after', after: 'load' }), entry('other', { kind: 'after', after: 'x' })]);
    await h.scheduler.start();
    await h.scheduler.runSucceeded('load', 'run_1');
    expect(h.fires).toHaveLength(1);
    expect(h.fires[0]).toMatchObject({ kind: 'chain', entry: { bridgeName: 'report' }, after: 'load', afterRunId: 'run_1' });
    h.scheduler.stop();
  });

  it('fires nothing while paused and does not catch the maintenance window up after resume', async () => {
    const h = harness([entry('a', { kind: 'interval', every: '1s' }), entry('c', { kind: 'after', after: 'a' })]);
    await h.scheduler.start();
    await h.clock.advance(2000);
    h.state.paused = true;
    await h.scheduler.reload();
    await h.clock.advance(10_000);
    await h.scheduler.runSucceeded('a', 'run_x');
    expect(h.fires).toHaveLength(2);
    expect(h.scheduler.nextFireOf('id-a')).toBeNull();
    h.state.paused = false;
    await h.scheduler.reload();
    await h.clock.advance(2000);
    expect(h.fires.map((f) => f.kind)).toEqual(['fire', 'fire', 'fire', 'fire']);
    expect(h.fires.slice(2).map((f) => (f as { plannedMs: number }).plannedMs - T0)).toEqual([13_000, 14_000]);
    h.scheduler.stop();
  });
});

function memorySourceFrom(state: ReturnType<typeof memorySource>['state']): ScheduleSource {
  return {
    deployed: async () => state.entries.map((e) => ({ ...e, lastFireMs: state.marks.get(e.bridgeId) ?? e.lastFireMs })),
    paused: async () => state.paused,
    markFired: async (fires) => {
      for (const f of fires) state.marks.set(f.bridgeId, f.plannedMs);
    },
  };
}
