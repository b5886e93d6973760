import { TEST_ACTOR } from '../../support/actors.js';
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, RunRecord } from '../../../shared/index.js';
import { render } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { CONFIGS } from '../conformance/dialects.js';
import { PG_DB } from '../../support/servers.js';
import { exnode } from '../../support/cli.js';
import { readyNode } from '../../support/node-setup.js';
import { createPeople, PEOPLE, startHarness, type Harness } from '../bridges/harness.js';

/**
 * Alerts from what runs report (R4, R5), on real databases: a receiving business table whose trigger
 * silently drops rows, a bridge whose source table is gone, and the clean runs that clear them.
 */
describe('alerts raised by runs', () => {
  let h: Harness;
  let maria: Connector;
  let pgRaw: Knex;
  let env: NodeJS.ProcessEnv;
  const people = { name: 'mon_people' };
  const exchangeTable = 'mon_x_people';
  const back = 'mon_back';
  const run = (name: string) => h.call<RunRecord>('bridges/run', { name, wait: true });
  const alerts = (input: object) => h.call<{ total: number; items: Alert[] }>('alerts/list', input);
  const cli = (...args: string[]) => exnode(['--data-dir', h.engine.dataDir, ...args], { env: { ...env, LANG: 'en_US.UTF-8' } });

  beforeAll(async () => {
    h = await startHarness();
    env = await readyNode(h.engine.dataDir);
    await h.call('connections/save', { config: { ...CONFIGS.mysql, name: 'maria' } });
    await h.call('connections/save', { config: { ...CONFIGS.postgres, name: 'pgbiz' } });
    maria = await h.connector('maria');
    pgRaw = knexFactory({ client: 'pg', connection: { host: '127.0.0.1', port: 5432, user: 'postgres', database: PG_DB } });
    await createPeople(maria, people, 3000);
    const pgBiz = await h.connector('pgbiz');
    await pgBiz.dropTable({ name: back });
    await pgBiz.createTable({ name: back }, PEOPLE, ['id']);
    // The business system's trigger silently skips some rows: PostgreSQL drops a row whose BEFORE trigger returns NULL.
    await pgRaw.raw(`CREATE OR REPLACE FUNCTION mon_drop_some() RETURNS trigger AS $$
      BEGIN IF NEW.id % 100 = 7 THEN RETURN NULL; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await pgRaw.raw(`CREATE TRIGGER mon_drop_some BEFORE INSERT ON ${back} FOR EACH ROW EXECUTE FUNCTION mon_drop_some()`);
  });
  afterAll(async () => {
    await maria.dropTable(people).catch(() => undefined);
    await maria.dropTable({ name: 'mon_gone' }).catch(() => undefined);
    await pgRaw.raw(`DROP TABLE IF EXISTS ${back}`);
    await pgRaw.raw('DROP FUNCTION IF EXISTS mon_drop_some()');
    await pgRaw.destroy();
    await h.close();
  });

  it('gives the exact deviation of rows a receiving table silently dropped, and one alert', async () => {
    await h.call('bridges/save', { config: { name: 'people-out', source: { connection: 'maria', table: people.name }, target: { table: exchangeTable }, mode: 'full' } });
    const out = await run('people-out');
    expect(out.status).toBe('succeeded');
    expect(out.reconciliation.status).toBe('reconciled');

    await h.call('bridges/save', {
      config: { name: 'people-in', direction: 'receive', source: { connection: (await h.call<{ name: string }>('exchange/get', {})).name, table: exchangeTable }, target: { connection: 'pgbiz', table: back } },
    });
    const into = await run('people-in');
    expect(into.status).toBe('succeeded');
    expect(into.sender.inserted).toBe(3000);
    expect(into.receiver.inserted).toBe(2970);
    expect(into.deviation).toEqual({ inserted: 30, updated: 0, deleted: 0, total: 30 });
    expect(into.reconciliation).toMatchObject({ status: 'deviation', kinds: ['inserted'] });
    expect(Number((await pgRaw(back).count({ n: '*' }).first())?.n)).toBe(2970);

    const found = await alerts({ bridge: 'people-in' });
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ kind: 'deviation', severity: 'critical', status: 'open', count: 1, bridge: 'people-in', runId: into.id });
    expect(render('en', found.items[0]!.message)).toContain('deviation of 30 (inserted 30, updated 0, deleted 0, rejected 0)');
    expect((await alerts({ bridge: 'people-out' })).total).toBe(0);
  });

  it('acknowledges an alert with a comment, records who and when, and audits it', async () => {
    const [alert] = (await alerts({ bridge: 'people-in', open: true })).items;
    const acked = await h.call<Alert>('alerts/ack', { id: alert!.id, comment: '业务系统触发器丢弃了数据，已联系厂商' });
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledged: { by: TEST_ACTOR.name, comment: '业务系统触发器丢弃了数据，已联系厂商' } });
    const audit = await h.engine.db('audit_events').where({ operation: 'alerts/ack' }).orderBy('seq', 'desc').first();
    expect(audit).toMatchObject({ actor: TEST_ACTOR.name, outcome: 'ok' });
    expect(JSON.parse(audit.detail_json)).toMatchObject({ id: alert!.id, comment: '业务系统触发器丢弃了数据，已联系厂商' });
    await expect(h.call('alerts/ack', { id: alert!.id, comment: '' })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(h.call('alerts/ack', { id: 999_999, comment: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const listed = await cli('alerts', 'list', '--open', '--bridge', 'people-in', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const items = JSON.parse(listed.stdout) as Alert[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: alert!.id, kind: 'deviation', severity: 'critical', bridge: 'people-in', status: 'acknowledged', count: 1 });
    expect(items[0]).toHaveProperty('firstSeen');
    expect(items[0]).toHaveProperty('lastSeen');
  });

  it('resolves the deviation alert by itself after a clean run, and keeps it as history', async () => {
    await pgRaw.raw(`DROP TRIGGER mon_drop_some ON ${back}`);
    const clean = await run('people-in');
    expect(clean.reconciliation.status).toBe('reconciled');
    expect((await alerts({ bridge: 'people-in', open: true })).total).toBe(0);
    const history = await alerts({ bridge: 'people-in' });
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ status: 'resolved', acknowledged: { by: TEST_ACTOR.name } });
    expect(history.items[0]!.resolvedAt).not.toBeNull();
  });

  it('shows a failed run as not reconciled in the API and the CLI, alerts, escalates repeated failures and clears them', async () => {
    await maria.createTable({ name: 'mon_gone' }, PEOPLE, ['id']);
    await h.call('bridges/save', { config: { name: 'gone', source: { connection: 'maria', table: 'mon_gone' }, target: { table: 'mon_x_gone' } } });
    await maria.dropTable({ name: 'mon_gone' });
    const failed = await run('gone');
    expect(failed.status).toBe('failed');
    expect(failed.deviation.total).toBe(0);
    expect(failed.reconciliation.status).toBe('not-reconciled');
    expect(failed.reconciliation.phase).not.toBe('queued');
    expect(render('en', failed.reconciliation.summary)).toMatch(/^Not reconciled: the run failed at phase ".+": .+/);
    const fetched = await h.call<RunRecord>('runs/get', { id: failed.id });
    expect(fetched.reconciliation).toEqual(failed.reconciliation);

    const shown = await cli('run', 'show', failed.id);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/reconciliation: Not reconciled: the run failed at phase/);
    expect(shown.stdout).not.toMatch(/\(reconciled\)|deviation 0/);
    const json = JSON.parse((await cli('run', 'show', failed.id, '--json')).stdout) as RunRecord;
    expect(json.reconciliation).toMatchObject({ status: 'not-reconciled' });
    const zh = await exnode(['--data-dir', h.engine.dataDir, 'run', 'show', failed.id], { env: { ...env, LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toMatch(/核对结果: 未核对：运行在“.+”阶段失败/);

    expect((await alerts({ bridge: 'gone', open: true })).items.map((a) => a.kind)).toEqual(['run-failed']);
    await run('gone');
    await run('gone');
    const open = (await alerts({ bridge: 'gone', open: true })).items;
    expect(open.map((a) => a.kind).sort()).toEqual(['run-failed', 'run-retried']);
    expect(open.find((a) => a.kind === 'run-failed')!.count).toBe(3);

    await maria.createTable({ name: 'mon_gone' }, PEOPLE, ['id']);
    expect((await run('gone')).reconciliation.status).toBe('reconciled');
    expect((await alerts({ bridge: 'gone', open: true })).total).toBe(0);
    expect((await alerts({ bridge: 'gone', status: 'resolved' })).total).toBe(2);
  });
});
