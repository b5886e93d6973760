import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionConfigInput, Row, RunRecord } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { CONFIGS } from '../conformance/dialects.js';
import { createPeople, deletePeople, insertPeople, startHarness, updatePeople, type Harness } from './harness.js';

/**
 * A bridge may read a SELECT instead of a table: joined, computed and filtered rows, synced with the
 * same exact counts as a table, on each real database.
 */
const sources: [string, ConnectionConfigInput][] = [['SQLite', CONFIGS.sqlite], ['MariaDB', CONFIGS.mysql], ['PostgreSQL', CONFIGS.postgres]];

for (const [label, config] of sources) {
  describe(`bridges: a query source on ${label}`, () => {
    let h: Harness;
    let biz: Connector;
    const people = { name: 'exq_people' };
    const cities = { name: 'exq_cities' };
    const query = `SELECT p.id, p.name, c.province, p.amount * 100 AS cents
      FROM exq_people p JOIN exq_cities c ON c.city = p.city
      WHERE p.note IS NOT NULL -- people without a note aren't shared (why? a note is the consent; $1 here is no parameter)
      AND p.name <> 'who?'`;
    const run = (name: string) => h.call<RunRecord>('bridges/run', { name, wait: true });
    const exchangeRows = async (): Promise<Row[]> => {
      const x = await h.connector('exchange');
      const schema = await x.describeTable({ name: 'exq_shared' });
      const rows: Row[] = [];
      for await (const batch of x.readBatches({ table: { name: 'exq_shared' }, columns: schema.columns, keyColumns: ['id'], batchSize: 1000, filter: [{ column: 'exn_op', op: '!=', value: 'D' }] })) rows.push(...batch);
      return rows;
    };

    beforeAll(async () => {
      h = await startHarness();
      await h.call('connections/save', { config: { ...config, name: 'biz' } });
      biz = await h.connector('biz');
      await createPeople(biz, people, 500);
      await biz.dropTable(cities);
      await biz.createTable(cities, [
        { name: 'city', nativeType: 'string', type: 'string', length: 50, nullable: false, primaryKey: true },
        { name: 'province', nativeType: 'string', type: 'string', length: 50, nullable: false, primaryKey: false },
      ], ['city']);
      await biz.transaction((w) => w.insert(cities, [
        { name: 'city', nativeType: 'string', type: 'string', nullable: false, primaryKey: true },
        { name: 'province', nativeType: 'string', type: 'string', nullable: false, primaryKey: false },
      ], [['济南', '山东省'], ['青岛', '山东省'], ['肥城', '山东省'], ['广州', '广东省'], ['成都', '四川省']]).then(() => undefined));
    });
    afterAll(async () => {
      await biz.dropTable(people);
      await biz.dropTable(cities);
      await h.close();
    });

    it('describes the query, previews it and copies its rows, keyed as declared', async () => {
      const config = { name: 'shared', source: { connection: 'biz', query }, target: { table: 'exq_shared' }, primaryKey: ['id'], mode: 'diff' };
      await h.call('bridges/save', { config });
      const preview = await h.call<{ columns: { name: string; type: string }[]; rows: unknown[][]; sourceRows: number }>('bridges/preview', { config, limit: 2 });
      expect(preview.columns.map((c) => c.name)).toEqual(['id', 'name', 'province', 'cents']);
      expect(preview.sourceRows).toBe(400);
      const r = await run('shared');
      expect(r.status, r.error?.message).toBe('succeeded');
      expect(r.sender).toEqual({ total: 400, inserted: 400, updated: 0, deleted: 0 });
      expect(r.receiver).toEqual({ inserted: 400, updated: 0, deleted: 0, rejected: 0 });
      const rows = await exchangeRows();
      expect(rows).toHaveLength(400);
      expect(rows[0]).toMatchObject({ id: 1, province: '山东省' });
      expect(Number(rows[0]!.cents)).toBeCloseTo(Number('79.19') * 100, 6);
    });

    it('finds exactly the inserts, updates and deletes behind the query', async () => {
      await insertPeople(biz, people, 501, 10, 1); // ids 501..510; 505 and 510 have no note
      await updatePeople(biz, people, [1, 2, 3], 2);
      await deletePeople(biz, people, [4, 6]);
      const r = await run('shared');
      expect(r.status, r.error?.message).toBe('succeeded');
      expect(r.sender).toEqual({ total: 406, inserted: 8, updated: 3, deleted: 2 });
      expect(r.receiver).toEqual({ inserted: 8, updated: 3, deleted: 2, rejected: 0 });
      expect((await exchangeRows()).map((x) => Number(x.id))).not.toContain(4);
    });

    it('says what is wrong with a query that cannot be read, when the bridge is saved', async () => {
      await expect(h.call('bridges/save', { config: { name: 'broken', source: { connection: 'biz', query: 'SELECT id FROM exq_no_such_table' }, target: { table: 'exq_broken' }, primaryKey: ['id'] } }))
        .rejects.toThrow(/The source query cannot run on connection "biz": .*exq_no_such_table/);
    });
  });
}

describe('bridges: source queries are checked where they enter', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses a second statement, a write, a missing key and a missing target table', async () => {
    const save = (source: object, extra: object = {}) => h.call('bridges/save', {
      config: { name: 'q', source: { connection: 'exchange', ...source }, target: { table: 't' }, primaryKey: ['id'], ...extra },
    });
    await expect(save({ query: 'SELECT id FROM a; DROP TABLE a' })).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/only one statement/) });
    await expect(save({ query: 'WITH x AS (DELETE FROM a RETURNING id) SELECT id FROM x' })).rejects.toMatchObject({ message: expect.stringMatching(/"DELETE" is not allowed/) });
    await expect(save({ query: 'SELECT id FROM a', table: 'a' })).rejects.toMatchObject({ message: expect.stringMatching(/either "table" or "query"/) });
    await expect(h.call('bridges/save', { config: { name: 'q', source: { connection: 'exchange', query: 'SELECT id FROM a' }, target: { table: 't' } } }))
      .rejects.toMatchObject({ message: expect.stringMatching(/needs "primaryKey"/) });
    await expect(h.call('bridges/save', { config: { name: 'q', source: { connection: 'exchange', query: 'SELECT id FROM a' }, primaryKey: ['id'] } }))
      .rejects.toMatchObject({ message: expect.stringMatching(/needs "target.table"/) });
  });
});
