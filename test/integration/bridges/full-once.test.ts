import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionConfigInput, Reconciliation, RunLogEntry, RunRecord } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { tempDir } from '../../support/temp.js';
import { CONFIGS } from '../conformance/dialects.js';
import { createPeople, deletePeople, insertPeople, startHarness, updatePeople, type Harness } from './harness.js';

/**
 * "Run once in full" of an incremental bridge: an incremental run does not see rows deleted at the
 * source, the data check finds them and proposes a full run, the one-off full run applies the
 * deletes, and the incremental runs after it carry on from the right watermark.
 */
const cases: { label: string; source: (dir: string) => ConnectionConfigInput; exchange?: ConnectionConfigInput }[] = [
  { label: 'MariaDB → PostgreSQL exchange', source: () => CONFIGS.mysql, exchange: CONFIGS.postgres },
  { label: 'SQLite → embedded SQLite exchange', source: (dir) => ({ dialect: 'sqlite', name: 'biz', filename: path.join(dir, 'business.sqlite') }) },
];

describe.each(cases)('run once in full: $label', ({ source, exchange }) => {
  const tmp = tempDir('exnode-full-once-');
  let h: Harness;
  let biz: Connector;
  let x: Connector;
  const people = { name: 'fo_people' };
  const xPeople = { name: 'fo_x_people' };
  const run = (name: string, fullOnce = false) => h.call<RunRecord>('bridges/run', { name, wait: true, fullOnce });
  const reconcile = () => h.call<Reconciliation>('bridges/reconcile', { name: 'fo', samples: 5 });
  const logKeys = async (id: string) => (await h.call<RunLogEntry[]>('runs/log', { id })).map((e) => e.key);

  beforeAll(async () => {
    h = await startHarness();
    await h.call('connections/save', { config: { ...source(tmp.dir), name: 'biz' } });
    if (exchange) await h.call('exchange/set', { config: { ...exchange, name: 'xchg' } });
    biz = await h.connector('biz');
    x = await h.connector(exchange ? 'xchg' : 'exchange');
    await x.dropTable(xPeople);
    await x.dropTable({ name: 'exn_state' });
    await createPeople(biz, people, 400);
    await h.call('bridges/save', {
      config: { name: 'fo', source: { connection: 'biz', table: people.name }, target: { table: xPeople.name }, mode: 'incremental', cursor: ['updated_at'], batchSize: 150 },
    });
  });
  afterAll(async () => {
    await biz.dropTable(people);
    await x.dropTable(xPeople);
    await x.dropTable({ name: 'exn_state' });
    await h.close();
    tmp.remove();
  });

  it('an incremental run misses deletes and says so; the data check proposes a full run', async () => {
    expect((await run('fo')).sender).toEqual({ total: 400, inserted: 400, updated: 0, deleted: 0 });
    await deletePeople(biz, people, [3, 4, 5]);
    await insertPeople(biz, people, 401, 10, 1);
    const incremental = await run('fo');
    expect(incremental.sender).toEqual({ total: 10, inserted: 10, updated: 0, deleted: 0 });
    expect(await logKeys(incremental.id)).toContain('bridges.incrementalNoDeletes');
    expect(await reconcile()).toMatchObject({ sourceRows: 407, targetRows: 410, extra: 3, missing: 0, different: 0, proposeFullOnce: true });
  });

  it('the one-off full run applies the deletes and sets the watermark to the highest cursor it copied', async () => {
    // Rows changed past the current watermark: a full run that left the watermark behind would make
    // the next incremental run read them again.
    await updatePeople(biz, people, [10, 11], 3);
    const full = await run('fo', true);
    expect(full.status, full.error?.message).toBe('succeeded');
    expect(full.mode).toBe('full');
    expect(full.sender).toEqual({ total: 407, inserted: 0, updated: 2, deleted: 3 });
    expect(full.receiver).toMatchObject({ inserted: 0, updated: 2, deleted: 3, rejected: 0 });
    expect(full.deviation.total).toBe(0);
    const keys = await logKeys(full.id);
    expect(keys).toContain('bridges.fullOnce');
    expect(keys).not.toContain('bridges.incrementalNoDeletes');
    expect(await reconcile()).toMatchObject({ extra: 0, missing: 0, different: 0, deviation: 0 });
    expect((await reconcile()).proposeFullOnce).toBe(false);
  });

  it('the next incremental runs pick up new rows exactly once', async () => {
    await insertPeople(biz, people, 411, 7, 4);
    const next = await run('fo');
    expect(next.mode).toBe('incremental');
    expect(next.sender).toEqual({ total: 7, inserted: 7, updated: 0, deleted: 0 });
    expect((await run('fo')).sender).toEqual({ total: 0, inserted: 0, updated: 0, deleted: 0 });
    expect(await reconcile()).toMatchObject({ sourceRows: 414, deviation: 0 });
  });

  it('is refused for a bridge that reads every row anyway, with a message naming it', async () => {
    await h.call('bridges/save', { config: { name: 'fo-full', source: { connection: 'biz', table: people.name }, target: { table: 'fo_x_other' }, mode: 'full' } });
    await expect(run('fo-full', true)).rejects.toMatchObject({ code: 'INVALID_INPUT', ref: { key: 'runs.fullOnceOnlyIncremental', params: { name: 'fo-full' } } });
    await h.call('bridges/delete', { name: 'fo-full' });
  });
});
