import { describe, expect, it } from 'vitest';
import { scheduleSpecSchema, type ScheduleView } from '../../shared/schedule.js';
import { expectedIntervalOf } from '../../electron/engine/schedule/expected-interval.js';

const view = (spec: unknown, deployed = true): ScheduleView => ({
  bridge: 'b', bridgeEnabled: true, spec: scheduleSpecSchema.parse(spec), missedPolicy: 'run-once', deployed,
  deployedBy: 'ops', deployedAt: null, description: null, nextFires: [], lastRun: null,
});

describe('the stall watchdog\'s expected interval', () => {
  it('is the gap between the next two fires of a deployed schedule', () => {
    expect(expectedIntervalOf(view({ kind: 'interval', every: '5m' }))).toBe(300_000);
    expect(expectedIntervalOf(view({ kind: 'cron', cron: '0 0 2 * * *', timezone: 'Asia/Shanghai' }), Date.parse('2026-06-01T00:00:00Z'))).toBe(86_400_000);
  });
  it('is unknown for a bridge that is not deployed, has no schedule or runs after another one', () => {
    expect(expectedIntervalOf(view({ kind: 'interval', every: '5m' }, false))).toBeNull();
    expect(expectedIntervalOf(view({ kind: 'after', after: 'other' }))).toBeNull();
    expect(expectedIntervalOf(null)).toBeNull();
  });
});
