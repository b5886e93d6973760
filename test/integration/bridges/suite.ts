import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionConfigInput, RunRecord } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { nodeColumnDefs, nodeColumns } from '../../../electron/engine/bridges/exchange/checkpoint.js';
import {
  business, createPeople, deletePeople, insertPeople, PEOPLE, readAll, startHarness, updatePeople, type Harness,
} from './harness.js';

export interface SyncSuiteOptions {
  /** Label of the dialect pair, e.g. `mysql → sqlite`. */
  readonly label: string;
  /** A business database connection (name is set by the suite). */
  readonly source: () => Omit<ConnectionConfigInput, 'name'>;
  /** The exchange database; the embedded SQLite default when absent. */
  readonly exchange?: () => Omit<ConnectionConfigInput, 'name'>;
  /** A second business database that receives from the exchange database. */
  readonly receiver: () => Omit<ConnectionConfigInput, 'name'>;
  /** A prefix keeping this suite's tables apart from other suites on the same server. */
  readonly prefix: string;
}

const node = nodeColumns('exn_');
const exchangeColumns = [...PEOPLE, ...nodeColumnDefs(node)];

/**
 * Every sync mode and both directions against one pair of real databases: a scripted mix of inserts,
 * updates and deletes must be reported exactly on both sides, and the target must equal the source.
 * Each test builds its own tables and bridges, so any one of them runs alone or in any order.
 */
export function syncSuite(options: SyncSuiteOptions): void {
  describe(`bridges: ${options.label}`, () => {
    let h: Harness;
    let source: Connector;
    let exchange: Connector;
    let receiver: Connector;
    const t = (name: string) => ({ name: `${options.prefix}${name}` });
    const created: { connector: () => Connector; table: { name: string } }[] = [];

    const run = (name: string) => h.call<RunRecord>('bridges/run', { name, wait: true });

    /** A source table of 1,000 people and an exchange table name of its own, neither left from an earlier run. */
    const fresh = async (name: string) => {
      const people = t(name);
      // Exchange tables get their own names: the exchange database may be the source's own server.
      const x = t(`x_${name}`);
      created.push({ connector: () => source, table: people }, { connector: () => exchange, table: x });
      await exchange.dropTable(x);
      await createPeople(source, people, 1000);
      return { people, x };
    };

    /** Saves a send bridge from `people` into `x` and runs it once: the first load every later run compares with. */
    const firstLoad = async (bridge: string, tables: { people: { name: string }; x: { name: string } }, mode: 'full' | 'diff') => {
      await h.call('bridges/save', { config: { name: bridge, source: { connection: 'biz', table: tables.people.name }, target: { table: tables.x.name }, mode, batchSize: 300 } });
      const r = await run(bridge);
      expect(r.status, r.error?.message).toBe('succeeded');
      expect(r.sender).toEqual({ total: 1000, inserted: 1000, updated: 0, deleted: 0 });
      return r;
    };

    beforeAll(async () => {
      h = await startHarness();
      await h.call('connections/save', { config: { ...options.source(), name: 'biz' } });
      await h.call('connections/save', { config: { ...options.receiver(), name: 'biz2' } });
      if (options.exchange) await h.call('exchange/set', { config: { ...options.exchange(), name: 'xchg' } });
      source = await h.connector('biz');
      receiver = await h.connector('biz2');
      exchange = await h.connector(options.exchange ? 'xchg' : 'exchange');
      await exchange.dropTable({ name: 'exn_state' });
    });
    afterAll(async () => {
      for (const { connector, table } of created) await connector().dropTable(table);
      await h?.close();
    });

    const expectEqual = async (sourceTable: { name: string }, targetConnector: Connector, targetTable: { name: string }, liveOnly: boolean) => {
      const want = business(await readAll(source, sourceTable, PEOPLE));
      const got = business(await readAll(targetConnector, targetTable, liveOnly ? exchangeColumns : PEOPLE,
        liveOnly ? [{ column: node.op, op: '!=', value: 'D' }] : undefined));
      expect(got.length).toBe(want.length);
      expect(got).toEqual(want);
    };

    it('full: first run inserts everything, counted on both sides', async () => {
      const tables = await fresh('first');
      const r = await firstLoad('people-first', tables, 'full');
      expect(r.receiver).toEqual({ inserted: 1000, updated: 0, deleted: 0, rejected: 0 });
      await expectEqual(tables.people, exchange, tables.x, true);
      const { indexes } = await exchange.describeTable(tables.x);
      expect(indexes.some((ix) => ix.columns[0]?.toLowerCase() === node.seq && !ix.primary), 'an index on exn_seq for consumers').toBe(true);
    });

    it('full: an unchanged source moves nothing', async () => {
      await firstLoad('people-same', await fresh('same'), 'full');
      const r = await run('people-same');
      expect(r.sender).toEqual({ total: 1000, inserted: 0, updated: 0, deleted: 0 });
      expect(r.receiver).toEqual({ inserted: 0, updated: 0, deleted: 0, rejected: 0 });
      // The table the node created fits its source exactly: no type warnings on later runs.
      const log = await h.call<{ message: string }[]>('runs/log', { id: r.id });
      expect(log.map((l) => l.message).filter((m) => m.startsWith('Target column'))).toEqual([]);
    });

    it('full: finds exactly the inserts, updates and deletes', async () => {
      const tables = await fresh('changes');
      await firstLoad('people-changes', tables, 'full');
      await insertPeople(source, tables.people, 1001, 30, 1);
      await updatePeople(source, tables.people, Array.from({ length: 20 }, (_, i) => i + 1), 2);
      await deletePeople(source, tables.people, Array.from({ length: 10 }, (_, i) => 100 + i));
      const r = await run('people-changes');
      expect(r.sender).toEqual({ total: 1020, inserted: 30, updated: 20, deleted: 10 });
      expect(r.receiver).toEqual({ inserted: 30, updated: 20, deleted: 10, rejected: 0 });
      expect(r.deviation.total).toBe(0);
      await expectEqual(tables.people, exchange, tables.x, true);
      const deleted = await exchange.count(tables.x, [{ column: node.op, op: '=', value: 'D' }]);
      expect(deleted).toBe(10);
    });

    it('diff: a re-inserted key comes back as an insert', async () => {
      const tables = await fresh('diff');
      await firstLoad('people-diff', tables, 'diff');
      await deletePeople(source, tables.people, [100, 101]);
      expect((await run('people-diff')).sender).toMatchObject({ inserted: 0, updated: 0, deleted: 2 });
      await insertPeople(source, tables.people, 100, 2, 3);
      await deletePeople(source, tables.people, [500]);
      const r = await run('people-diff');
      expect(r.sender).toMatchObject({ inserted: 2, updated: 0, deleted: 1 });
      expect(r.receiver).toMatchObject({ inserted: 2, updated: 0, deleted: 1, rejected: 0 });
      await expectEqual(tables.people, exchange, tables.x, true);
    });

    it('incremental: reads past the (cursor, key) watermark only', async () => {
      const { people: incr, x: xIncr } = await fresh('incr');
      await h.call('bridges/save', {
        config: { name: 'people-incr', source: { connection: 'biz', table: incr.name }, target: { table: xIncr.name }, mode: 'incremental', cursor: ['updated_at'], batchSize: 250 },
      });
      const first = await run('people-incr');
      expect(first.sender).toEqual({ total: 1000, inserted: 1000, updated: 0, deleted: 0 });
      await insertPeople(source, incr, 1001, 30, 1);
      await updatePeople(source, incr, Array.from({ length: 20 }, (_, i) => i + 1), 2);
      const second = await run('people-incr');
      expect(second.sender).toEqual({ total: 50, inserted: 30, updated: 20, deleted: 0 });
      expect(second.receiver).toEqual({ inserted: 30, updated: 20, deleted: 0, rejected: 0 });
      await expectEqual(incr, exchange, xIncr, true);
      const third = await run('people-incr');
      expect(third.sender).toEqual({ total: 0, inserted: 0, updated: 0, deleted: 0 });
    });

    it('receive: applies exchange changes to a business table, deletes included', async () => {
      const tables = await fresh('out');
      const back = t('back');
      created.push({ connector: () => receiver, table: back });
      await receiver.dropTable(back);
      await firstLoad('people-out', tables, 'full');
      const exchangeName = options.exchange ? 'xchg' : 'exchange';
      await h.call('bridges/save', {
        config: { name: 'people-back', direction: 'receive', source: { connection: exchangeName, table: tables.x.name }, target: { connection: 'biz2', table: back.name }, batchSize: 400 },
      });
      const first = await run('people-back');
      expect(first.status, first.error?.message).toBe('succeeded');
      expect(first.sender).toMatchObject({ inserted: 1000, updated: 0, deleted: 0 });
      expect(first.deviation.total).toBe(0);
      await expectEqual(tables.people, receiver, back, false);

      await insertPeople(source, tables.people, 2001, 5, 4);
      await updatePeople(source, tables.people, [1, 2, 3], 5);
      await deletePeople(source, tables.people, [7, 8]);
      await run('people-out');
      const second = await run('people-back');
      expect(second.sender).toEqual({ total: 10, inserted: 5, updated: 3, deleted: 2 });
      expect(second.receiver).toEqual({ inserted: 5, updated: 3, deleted: 2, rejected: 0 });
      await expectEqual(tables.people, receiver, back, false);
      const log = await h.call<{ message: string }[]>('runs/log', { id: second.id });
      expect(log.map((l) => l.message).filter((m) => m.startsWith('Target column'))).toEqual([]);
    });
  });
}
