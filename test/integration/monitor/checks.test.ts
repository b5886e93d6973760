import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, BridgeMonitorSettings, CheckReport, DataReconciliationRecord, RunRecord } from '../../../shared/index.js';
import { render } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { nodeColumnDefs, nodeColumns } from '../../../electron/engine/bridges/exchange/checkpoint.js';
import { CONFIGS } from '../conformance/dialects.js';
import { createPeople, deletePeople, insertPeople, PEOPLE, personRow, startHarness, updatePeople, type Harness } from '../bridges/harness.js';

const exchangeColumns = [...PEOPLE, ...nodeColumnDefs(nodeColumns('exn_'))];

/** Scheduled checks: data reconciliation on a schedule, connection health, freshness and the stall watchdog. */
describe('scheduled checks', () => {
  let h: Harness;
  let maria: Connector;
  let pg: Connector;
  const people = { name: 'monc_people' };
  const xPeople = { name: 'monc_x_people' };
  const alerts = (input: object) => h.call<{ total: number; items: Alert[] }>('alerts/list', input);

  beforeAll(async () => {
    h = await startHarness();
    await h.call('connections/save', { config: { ...CONFIGS.mysql, name: 'maria' } });
    await h.call('exchange/set', { config: { ...CONFIGS.postgres, name: 'pgx' } });
    maria = await h.connector('maria');
    pg = await h.connector('pgx');
    await pg.dropTable(xPeople);
    await createPeople(maria, people, 2000);
    await h.call('bridges/save', { config: { name: 'monc-people', source: { connection: 'maria', table: people.name }, target: { table: xPeople.name }, mode: 'full' } });
    expect((await h.call<RunRecord>('bridges/run', { name: 'monc-people', wait: true })).status).toBe('succeeded');
  });
  afterAll(async () => {
    await maria.dropTable(people);
    await pg.dropTable(xPeople);
    await h.close();
  });

  it('reconciles MariaDB with a PostgreSQL exchange table on its schedule, names the missing, extra and changed keys and alerts', async () => {
    // Decimals, timestamps and Chinese text format differently in the two databases: none of them may count as a difference.
    const clean = await h.call<DataReconciliationRecord>('monitor/reconcile', { bridge: 'monc-people' });
    expect(clean).toMatchObject({ deviation: 0, error: null, result: { sourceRows: 2000, matched: 2000 } });
    expect((await alerts({ kind: 'data-reconciliation' })).total).toBe(0);

    await updatePeople(maria, people, [11], 3);
    await deletePeople(maria, people, [22]);
    await insertPeople(maria, people, 7001, 1);
    const exchangeRow = (values: unknown[], seq: number) => [...values, 'I', String(seq), String(seq), 'manual', '2026-01-01 00:00:00', 'x', null];
    await pg.transaction(async (w) => {
      await w.deleteKeys(xPeople, ['id'], [[33]]);
      const changed = personRow(44);
      changed[3] = '0.01';
      await w.upsert(xPeople, exchangeColumns, ['id'], [exchangeRow(changed, 900_001)]);
    });

    await h.call('monitor/bridge-settings/set', { bridge: 'monc-people', reconcileCron: '* * * * * *' });
    await h.engine.monitor.start();
    let stored: DataReconciliationRecord[] = [];
    for (let i = 0; i < 100 && stored.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 200));
      stored = await h.call<DataReconciliationRecord[]>('monitor/reconciliations', { bridge: 'monc-people' });
    }
    await h.call('monitor/bridge-settings/set', { bridge: 'monc-people', reconcileCron: null });
    const scheduled = stored[0]!;
    expect(scheduled.result).toMatchObject({ sourceRows: 2000, missing: 2, extra: 1, different: 2, deviation: 5 });
    const ids = (keys: Record<string, unknown>[]) => keys.map((k) => Number(k.id)).sort((a, b) => a - b);
    expect(ids(scheduled.result!.samples.missing)).toEqual([33, 7001]);
    expect(ids(scheduled.result!.samples.extra)).toEqual([22]);
    expect(ids(scheduled.result!.samples.different)).toEqual([11, 44]);

    const raised = (await alerts({ kind: 'data-reconciliation', open: true })).items;
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ bridge: 'monc-people', severity: 'critical' });
    expect(render('en', raised[0]!.message)).toBe('The data reconciliation of bridge "monc-people" found differences: 2 missing, 1 extra, 2 different rows');

    await expect(h.call('monitor/bridge-settings/set', { bridge: 'monc-people', reconcileCron: 'every night please' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await h.engine.monitor.idle();
  });

  it('checks connection health, storing latency and the last error, and alerts until it passes', async () => {
    await h.call('connections/save', { config: { ...CONFIGS.mysql, name: 'maria-down', port: 1 } });
    const report = await h.call<CheckReport>('monitor/check', {});
    const byName = new Map(report.connections.map((c) => [c.connection, c]));
    expect(byName.get('maria')).toMatchObject({ ok: true, error: null });
    expect(byName.get('maria')!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(byName.get('maria-down')).toMatchObject({ ok: false });
    expect(byName.get('maria-down')!.error).toBeTruthy();
    const connections = await h.call<{ name: string; health: string; lastTestedAt: string | null }[]>('connections/list', {});
    expect(connections.find((c) => c.name === 'maria')).toMatchObject({ health: 'ok' });
    expect(connections.find((c) => c.name === 'maria-down')).toMatchObject({ health: 'failed' });
    const down = (await alerts({ kind: 'connection-health', open: true })).items;
    expect(down.map((a) => a.connection)).toEqual(['maria-down']);
    expect(report.disk.freeMb).toBeGreaterThan(0);

    await h.call('connections/save', { config: { ...CONFIGS.mysql, name: 'maria-down' }, replace: true });
    await h.call('monitor/check', {});
    expect((await alerts({ kind: 'connection-health', open: true })).total).toBe(0);
    expect((await h.call<{ connection: string; ok: boolean }[]>('monitor/health', {})).find((c) => c.connection === 'maria-down')!.ok).toBe(true);
  });

  it('raises freshness and stall alerts for a bridge whose data is old, and clears them after a success', async () => {
    await h.call<BridgeMonitorSettings>('monitor/bridge-settings/set', { bridge: 'monc-people', freshnessMinutes: 1 });
    // The last success an hour ago; the schedule (as the scheduler would tell) expects one every 10 minutes.
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    await h.engine.db('runs').where({ bridge_name: 'monc-people' }).update({ finished_at: hourAgo, started_at: hourAgo });
    h.engine.monitor.expectedInterval = async (b) => (b.name === 'monc-people' ? 10 * 60_000 : null);
    const report = await h.call<CheckReport>('monitor/check', {});
    expect(report.stale).toEqual(['monc-people']);
    expect(report.stalled).toEqual(['monc-people']);
    const open = (await alerts({ bridge: 'monc-people', open: true })).items.map((a) => a.kind).sort();
    expect(open).toContain('freshness');
    expect(open).toContain('stall');

    expect((await h.call<RunRecord>('bridges/run', { name: 'monc-people', wait: true })).status).toBe('succeeded');
    await h.call('monitor/check', {});
    const still = (await alerts({ bridge: 'monc-people', open: true })).items.map((a) => a.kind);
    expect(still).not.toContain('freshness');
    expect(still).not.toContain('stall');
  });
});
