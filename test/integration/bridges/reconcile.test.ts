import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reconciliation, RunRecord } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { nodeColumnDefs, nodeColumns } from '../../../electron/engine/bridges/exchange/checkpoint.js';
import { tempDir } from '../../support/temp.js';
import { CONFIGS } from '../conformance/dialects.js';
import { createPeople, deletePeople, insertPeople, PEOPLE, personRow, startHarness, updatePeople, type Harness } from './harness.js';

const node = nodeColumns('exn_');
const exchangeColumns = [...PEOPLE, ...nodeColumnDefs(node)];
const tmp = tempDir('exnode-reconcile-');

describe('table reconciliation (数据核对)', () => {
  let h: Harness;
  let maria: Connector;
  let pg: Connector;
  let local: Connector;
  const people = { name: 'rc_people' };
  const xPeople = { name: 'rc_x_people' };
  const back = { name: 'rc_back' };
  const reconcile = (name: string) => h.call<Reconciliation>('bridges/reconcile', { name, samples: 5 });
  const run = (name: string) => h.call<RunRecord>('bridges/run', { name, wait: true });

  beforeAll(async () => {
    h = await startHarness();
    await h.call('connections/save', { config: { ...CONFIGS.mysql, name: 'maria' } });
    await h.call('connections/save', { config: { dialect: 'sqlite', name: 'local', filename: path.join(tmp.dir, 'business.sqlite') } });
    await h.call('exchange/set', { config: { ...CONFIGS.postgres, name: 'pgx' } });
    maria = await h.connector('maria');
    pg = await h.connector('pgx');
    local = await h.connector('local');
    await pg.dropTable(xPeople);
    await pg.dropTable({ name: 'exn_state' });
    await createPeople(maria, people, 3000);
  });
  afterAll(async () => {
    await maria.dropTable(people);
    await pg.dropTable(xPeople);
    await pg.dropTable({ name: 'exn_state' });
    await h.close();
    tmp.remove();
  });

  it('finds nothing to report once a MariaDB → PostgreSQL send bridge has run, masks included', async () => {
    await h.call('bridges/save', {
      config: {
        name: 'people', source: { connection: 'maria', table: people.name }, target: { table: xPeople.name }, mode: 'diff',
        columns: [{ source: 'id' }, { source: 'name', mask: { kind: 'name' } }, { source: 'city' }, { source: 'amount' }, { source: 'updated_at' }, { source: 'note' }],
      },
    });
    expect((await run('people')).status).toBe('succeeded');
    const progress: unknown[] = [];
    const unsubscribe = h.engine.events.subscribe((e) => e.type === 'reconcile.progress' && progress.push(e.payload));
    expect(await reconcile('people')).toMatchObject({
      direction: 'send', sourceRows: 3000, targetRows: 3000, matched: 3000, missing: 0, extra: 0, different: 0, deviation: 0,
      samples: { missing: [], extra: [], different: [] },
    });
    unsubscribe();
    expect(progress[0]).toEqual({ bridge: 'people', rows: 0, total: 3000 });
  });

  it('reports rows changed on either side after delivery, with their keys, and the next run repairs them', async () => {
    // The source changes without a run: an update, a delete and an insert.
    await updatePeople(maria, people, [10], 1);
    await deletePeople(maria, people, [20]);
    await insertPeople(maria, people, 5001, 1);
    // The exchange table is tampered with: a row lost, a value altered, a row from nowhere.
    const masked = (id: number) => { const row = personRow(id); row[1] = `${String(row[1])[0]}${'*'.repeat([...String(row[1])].length - 1)}`; return row; };
    const exchangeRow = (values: unknown[], seq: number) => [...values, 'I', String(seq), String(seq), 'manual', '2026-01-01 00:00:00', 'x', null];
    await pg.transaction(async (w) => {
      await w.deleteKeys(xPeople, ['id'], [[30]]);
      await w.upsert(xPeople, exchangeColumns, ['id'], [exchangeRow([...masked(40).slice(0, 3), '0.01', ...masked(40).slice(4)], 900_001)]);
      await w.insert(xPeople, exchangeColumns, [exchangeRow(masked(9000), 900_002)]);
    });

    const found = await reconcile('people');
    expect(found).toMatchObject({ sourceRows: 3000, targetRows: 3000, missing: 2, extra: 2, different: 2, deviation: 6 });
    expect(found.matched).toBe(2996);
    expect(found.samples.missing.map((k) => Number(k.id)).sort((a, b) => a - b)).toEqual([30, 5001]);
    expect(found.samples.extra.map((k) => Number(k.id)).sort((a, b) => a - b)).toEqual([20, 9000]);
    expect(found.samples.different.map((k) => Number(k.id)).sort((a, b) => a - b)).toEqual([10, 40]);

    // Diff does not see changes made behind its back in the exchange table (its range checksums
    // are the source's); a full run compares every row and repairs them all.
    await h.call('bridges/save', { config: { ...(await h.call<{ config: object }>('bridges/get', { name: 'people' })).config, mode: 'full' }, replace: true });
    expect((await run('people')).status).toBe('succeeded');
    expect(await reconcile('people')).toMatchObject({ matched: 3000, deviation: 0 });
  });

  it('reconciles a receive bridge against the business table it writes', async () => {
    await local.dropTable(back);
    await h.call('bridges/save', {
      config: { name: 'people-back', direction: 'receive', source: { connection: 'pgx', table: xPeople.name }, target: { connection: 'local', table: back.name } },
    });
    expect((await run('people-back')).status).toBe('succeeded');
    expect(await reconcile('people-back')).toMatchObject({ direction: 'receive', sourceRows: 3000, targetRows: 3000, deviation: 0 });

    await local.transaction((w) => w.deleteKeys(back, ['id'], [[1], [2]]));
    expect(await reconcile('people-back')).toMatchObject({ sourceRows: 3000, targetRows: 2998, missing: 2, extra: 0, different: 0, deviation: 2 });
  });

  it('says what to do when the receiving table does not exist yet', async () => {
    await h.call('bridges/save', { config: { name: 'never-run', source: { connection: 'maria', table: people.name }, target: { table: 'rc_never' } } });
    await expect(reconcile('never-run')).rejects.toThrow(/does not exist yet: run bridge "never-run" first/);
  });
});
