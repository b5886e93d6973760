import path from 'node:path';
import Database from 'better-sqlite3';
import pgDriver from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { createPeople, startHarness, updatePeople, type Harness } from './harness.js';
import { tempDir } from '../../support/temp.js';
import { PG_DB } from '../../support/servers.js';
import { ALIKE_FAILURES_TO_STOP } from '../../../electron/engine/bridges/run/isolate-bad-rows.js';

/** What the receiver refuses: a bad row is rejected as the change it was; a broken receiver stops the run. */
describe('bridges: what the receiver refuses', () => {
  const tmp = tempDir('exnode-refused-');
  const businessFile = path.join(tmp.dir, 'business.sqlite');
  let h: Harness;
  let biz: Connector;
  let pg: Connector;
  const sql = async (text: string) => {
    const client = new pgDriver.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: PG_DB });
    await client.connect();
    try { await client.query(text); } finally { await client.end(); }
  };
  const run = (name: string) => h.call<RunRecord>('bridges/run', { name, wait: true });

  beforeAll(async () => {
    h = await startHarness();
    await h.call('connections/save', { config: { name: 'biz', dialect: 'sqlite', filename: businessFile } });
    await h.call('connections/save', { config: { name: 'pgx', dialect: 'postgres', host: '127.0.0.1', port: 5432, user: 'postgres', database: PG_DB } });
    biz = await h.connector('biz');
    pg = await h.connector('pgx');
  });
  afterAll(async () => {
    for (const name of ['rf_gone', 'rf_column']) await pg.dropTable({ name }).catch(() => undefined);
    await h.close();
    tmp.remove();
  });

  it('counts a rejected update as an update on the sender, not as an insert', async () => {
    await createPeople(biz, { name: 'upd_people' }, 20);
    await h.call('bridges/save', { config: { name: 'upd', source: { connection: 'biz', table: 'upd_people' }, target: { table: 'upd_people' } } });
    expect((await run('upd')).receiver).toMatchObject({ inserted: 20, rejected: 0 });
    // A rule of the exchange database that the new version of row 3 breaks.
    const exchange = new Database(path.join(h.engine.dataDir, 'exchange.sqlite'));
    exchange.exec(`CREATE TRIGGER upd_people_guard BEFORE UPDATE ON upd_people WHEN NEW.id = 3 AND NEW.exn_op = 'U'
      BEGIN SELECT RAISE(ABORT, 'row 3 is frozen'); END`);
    exchange.close();
    await updatePeople(biz, { name: 'upd_people' }, [3, 4], 1);

    const r = await run('upd');
    expect(r.status).toBe('succeeded');
    expect(r.sender).toMatchObject({ total: 20, inserted: 0, updated: 2, deleted: 0 });
    expect(r.receiver).toMatchObject({ inserted: 0, updated: 1, rejected: 1 });
    expect(r.deviation).toMatchObject({ inserted: 0, updated: 1 });
    const rejected = await h.call<{ key: Record<string, unknown>; reason: string }[]>('runs/rejected', { id: r.id });
    expect(rejected.map((x) => x.key.id)).toEqual([3]);
    expect(rejected[0]!.reason).toMatch(/row 3 is frozen/);
  });

  /** Starts a throttled run, does `damage` once rows are flowing, and returns the finished run. */
  async function damageDuringRun(bridge: string, table: string, damage: () => Promise<void>): Promise<RunRecord> {
    await createPeople(biz, { name: `${table}_src` }, 20_000);
    await pg.dropTable({ name: table });
    await h.call('bridges/save', {
      config: {
        name: bridge, source: { connection: 'biz', table: `${table}_src` }, target: { connection: 'pgx', table },
        batchSize: 500, rowsPerSecond: 5000,
      },
    });
    const started = await h.call<RunRecord>('bridges/run', { name: bridge });
    for (let i = 0; i < 200; i++) {
      const now = await h.call<RunRecord>('runs/get', { id: started.id });
      if (now.sender.total >= 1000 || now.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await damage();
    return h.engine.runner.wait(started.id);
  }

  it('fails the run at once, rejecting nothing, when the exchange table is dropped mid-run', async () => {
    const r = await damageDuringRun('gone', 'rf_gone', () => pg.dropTable({ name: 'rf_gone' }));
    expect(r.status).toBe('failed');
    expect(r.error?.code).toBe('NOT_FOUND');
    expect(r.error?.message).toMatch(/rf_gone/);
    expect(r.sender.total).toBeLessThan(20_000);
    expect(r.receiver.rejected).toBe(0);
  });

  it('stops after the first rows of a batch fail alike when a column is dropped mid-run', async () => {
    const r = await damageDuringRun('column', 'rf_column', () => sql('ALTER TABLE rf_column DROP COLUMN city'));
    expect(r.status).toBe('failed');
    expect(r.error?.message).toMatch(/city/);
    expect(r.receiver.rejected).toBeLessThanOrEqual(ALIKE_FAILURES_TO_STOP);
    expect(r.sender.total).toBeLessThan(20_000);
  });
});
