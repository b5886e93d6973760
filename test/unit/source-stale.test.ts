import { describe, expect, it } from 'vitest';
import { judgeSourceStale, MIN_LIMIT_MINUTES, parseSourceStale, storeSourceStale } from '../../electron/engine/monitor/source-stale.js';

const MIN = 60_000;
const T0 = Date.parse('2026-06-01T00:00:00Z');
/** Runs every `every` minutes; `changed(i)` says whether run i found changes. */
const history = (n: number, every: number, changed: (i: number) => boolean) =>
  Array.from({ length: n }, (_, i) => ({ finishedMs: T0 + i * every * MIN, changes: changed(i) ? 3 : 0 }));

describe('source stopped changing', () => {
  it('learns the usual interval between changes and alerts after three of them without one', () => {
    // Hourly runs, each finding changes, then two hours of runs without changes.
    const runs = [...history(10, 60, () => true), { finishedMs: T0 + 10 * 60 * MIN, changes: 0 }, { finishedMs: T0 + 11 * 60 * MIN, changes: 0 }];
    const lastChange = T0 + 9 * 60 * MIN;
    expect(judgeSourceStale(runs, 'auto', lastChange + 180 * MIN)).toMatchObject({ state: 'fresh', typicalMinutes: 60, limitMinutes: 180, ageMinutes: 180 });
    expect(judgeSourceStale(runs, 'auto', lastChange + 181 * MIN)).toMatchObject({ state: 'stale', limitMinutes: 180, ageMinutes: 181 });
  });

  it('never alerts sooner than the minimum, however often the source changes', () => {
    const runs = [...history(10, 1, () => true), { finishedMs: T0 + 10 * MIN, changes: 0 }];
    expect(judgeSourceStale(runs, 'auto', T0 + 9 * MIN + MIN_LIMIT_MINUTES * MIN)).toMatchObject({ state: 'fresh', limitMinutes: MIN_LIMIT_MINUTES });
    expect(judgeSourceStale(runs, 'auto', T0 + 10 * MIN + MIN_LIMIT_MINUTES * MIN)).toMatchObject({ state: 'stale' });
  });

  it('says nothing about a source that rarely changes, or with too little history', () => {
    const rarely = history(20, 60, (i) => i % 4 === 0);
    expect(judgeSourceStale(rarely, 'auto', T0 + 1000 * 24 * 60 * MIN).state).toBe('rarely-changes');
    expect(judgeSourceStale(history(4, 60, () => true), 'auto', T0 + 10_000 * MIN).state).toBe('unknown');
    expect(judgeSourceStale([], 'auto', T0).state).toBe('unknown');
  });

  it('leaves a bridge that stopped running to the stall watchdog: no run since the last change, no alert', () => {
    const runs = history(10, 60, () => true);
    expect(judgeSourceStale(runs, 'auto', T0 + 100 * 24 * 60 * MIN).state).toBe('fresh');
  });

  it('honours a fixed limit and the off switch', () => {
    const runs = [...history(3, 600, () => true), { finishedMs: T0 + 1300 * MIN, changes: 0 }];
    expect(judgeSourceStale(runs, 45, T0 + 1200 * MIN + 46 * MIN)).toMatchObject({ state: 'stale', limitMinutes: 45, typicalMinutes: null });
    expect(judgeSourceStale(runs, 'off', T0 + 10_000 * MIN).state).toBe('off');
  });

  it('stores the setting as text and reads back what it stored', () => {
    for (const s of ['auto', 'off', 90] as const) expect(parseSourceStale(storeSourceStale(s))).toBe(s);
    expect(storeSourceStale('auto')).toBeNull();
    expect(parseSourceStale('garbage')).toBe('auto');
  });
});
