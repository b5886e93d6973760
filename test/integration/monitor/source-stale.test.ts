import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, BridgeMonitorSettings, CheckReport, RunRecord } from '../../../shared/index.js';
import { render } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { CONFIGS } from '../conformance/dialects.js';
import { ManualClock } from '../../support/manual-clock.js';
import { createPeople, insertPeople, startHarness, type Harness } from '../bridges/harness.js';

const MIN = 60_000;

/** "Source stopped changing": learned from a bridge's real runs (MariaDB source), judged on a manual clock. */
describe('source-stale alert', () => {
  let h: Harness;
  let maria: Connector;
  let pg: Connector;
  const people = { name: 'mons_people' };
  const xPeople = { name: 'mons_x_people' };
  const BRIDGE = 'mons-people';
  let nextId = 501;
  const check = () => h.call<CheckReport>('monitor/check', {});
  const openStale = async () => (await h.call<{ items: Alert[] }>('alerts/list', { kind: 'source-stale', open: true })).items;
  const run = async () => {
    const record = await h.call<RunRecord>('bridges/run', { name: BRIDGE, wait: true });
    expect(record.status).toBe('succeeded');
    await h.engine.monitor.idle();
    return record;
  };
  const changeAndRun = async () => {
    await insertPeople(maria, people, nextId++, 1);
    expect((await run()).sender.inserted).toBe(1);
  };
  /** The monitor's clock, `ahead` ms after the real time the runs were stamped with. */
  const clockAt = (ahead: number) => {
    h.engine.monitor.clock = new ManualClock(Date.now() + ahead);
  };

  beforeAll(async () => {
    h = await startHarness();
    await h.call('connections/save', { config: { ...CONFIGS.mysql, name: 'maria' } });
    await h.call('exchange/set', { config: { ...CONFIGS.postgres, name: 'pgx' } });
    maria = await h.connector('maria');
    pg = await h.connector('pgx');
    await pg.dropTable(xPeople);
    await createPeople(maria, people, 500);
    await h.call('bridges/save', { config: { name: BRIDGE, source: { connection: 'maria', table: people.name }, target: { table: xPeople.name }, mode: 'full' } });
    await h.call('schedules/set', { name: BRIDGE, spec: { kind: 'interval', every: '10m' } });
  });
  afterAll(async () => {
    await maria.dropTable(people);
    await pg.dropTable(xPeople);
    await h.close();
  });

  it('stays quiet with too little history, and for a bridge that is not deployed', async () => {
    await run();
    await changeAndRun();
    clockAt(24 * 60 * MIN);
    expect((await check()).sourceStale).toEqual([]);
    expect(await openStale()).toEqual([]);
  });

  it('alerts when a usually changing source has not changed for longer than usual, and resolves on the next change', async () => {
    for (let i = 0; i < 4; i++) await changeAndRun();
    await run(); // looked again: nothing changed
    // Not deployed: no alert, however old the last change.
    clockAt(24 * 60 * MIN);
    expect((await check()).sourceStale).toEqual([]);
    await h.call('schedules/deploy', { name: BRIDGE });

    clockAt(0);
    expect((await check()).sourceStale).toEqual([]);
    // Changes came seconds apart, so the limit is the minimum of 30 minutes.
    clockAt(29 * MIN);
    expect((await check()).sourceStale).toEqual([]);
    clockAt(32 * MIN);
    expect((await check()).sourceStale).toEqual([BRIDGE]);
    const [alert] = await openStale();
    expect(alert).toMatchObject({ bridge: BRIDGE, severity: 'warning', count: 1 });
    expect(render('en', alert!.message)).toMatch(/^The source of bridge "mons-people" has not changed for 3[12] minutes \(it usually changes about every 0 minutes; limit 30 minutes\)/);
    expect(render('zh-CN', alert!.message)).toContain('源数据已');
    // The dashboard's stale tile counts it with the freshness and stall alerts.
    expect((await h.call<{ tiles: { stale: number } }>('monitor/dashboard', {})).tiles.stale).toBe(1);

    // Another run without changes: still stale, the same alert seen again.
    await run();
    await check();
    expect((await openStale()).map((a) => a.count)).toEqual([2]);

    // A change: the run itself resolves the alert.
    await changeAndRun();
    expect(await openStale()).toEqual([]);
    clockAt(0);
    expect((await check()).sourceStale).toEqual([]);
    expect(await openStale()).toEqual([]);
  });

  it('learns a longer interval from a slower source: three times the typical gap between changes', async () => {
    // Space the recorded runs an hour apart (the newest a run without changes), as a source changing hourly would.
    const rows = await h.engine.db('monitor_run_stats').where({ bridge_name: BRIDGE }).orderBy('finished_at', 'desc').select('run_id') as { run_id: string }[];
    await changeAndRun();
    await run();
    const all = await h.engine.db('monitor_run_stats').where({ bridge_name: BRIDGE }).orderBy('finished_at', 'desc').select('run_id') as { run_id: string }[];
    expect(all.length).toBe(rows.length + 2);
    const now = Date.now();
    for (const [i, r] of all.entries()) {
      const at = new Date(now - i * 60 * MIN).toISOString();
      await h.engine.db('monitor_run_stats').where({ run_id: r.run_id }).update({ started_at: at, finished_at: at });
    }
    // The last change an hour ago, typical gap 60 minutes: limit 180.
    clockAt(100 * MIN);
    expect((await check()).sourceStale).toEqual([]);
    clockAt(125 * MIN);
    expect((await check()).sourceStale).toEqual([BRIDGE]);
    expect(render('en', (await openStale())[0]!.message)).toMatch(/has not changed for 18[45] minutes \(it usually changes about every 60 minutes; limit 180 minutes\)/);
  });

  it('takes a fixed limit or off per bridge', async () => {
    const set = (input: object) => h.call<BridgeMonitorSettings>('monitor/bridge-settings/set', { bridge: BRIDGE, ...input });
    expect(await set({ sourceStale: 'off' })).toMatchObject({ sourceStale: 'off' });
    clockAt(10 * 24 * 60 * MIN);
    expect((await check()).sourceStale).toEqual([]);
    expect(await openStale()).toEqual([]);

    expect(await set({ sourceStale: 600 })).toMatchObject({ sourceStale: 600, freshnessMinutes: null, reconcileCron: null });
    clockAt(500 * MIN);
    expect((await check()).sourceStale).toEqual([]);
    clockAt(600 * MIN);
    expect((await check()).sourceStale).toEqual([BRIDGE]);
    expect(render('en', (await openStale())[0]!.message)).toMatch(/longer than its limit of 600 minutes/);

    expect((await h.call<BridgeMonitorSettings>('monitor/bridge-settings', { bridge: BRIDGE })).sourceStale).toBe(600);
    await expect(set({ sourceStale: 5 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(set({ sourceStale: 'sometimes' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await set({ sourceStale: 'auto' })).toMatchObject({ sourceStale: 'auto' });
    h.engine.monitor.clock = new ManualClock(Date.now());
  });
});
