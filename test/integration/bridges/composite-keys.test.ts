/**
 * Steady-state runs over composite keys (issue 18): a full or diff re-run after 3 inserts, 2 updates
 * and 1 delete reports exactly 3/2/1 on both sides, whether the run compares by a merge in key order
 * (INT, DATE keys) or by lookups (text keys, which two databases may order differently), and the
 * exchange table ends equal to the source.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Column, RunRecord } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { startHarness, type Harness } from './harness.js';
import { MYSQL_DB, PG_DB } from '../../support/servers.js';

const col = (name: string, type: Column['type'], primaryKey: boolean, extra: Partial<Column> = {}): Column =>
  ({ name, nativeType: type, type, nullable: !primaryKey, primaryKey, ...extra });

interface KeyCase {
  readonly label: string;
  readonly columns: Column[];
  readonly key: string[];
  row(i: number, version: number): unknown[];
}

const DATE_KEY: KeyCase = {
  label: '(INT, DATE)',
  columns: [col('a', 'integer', true), col('b', 'date', true), col('v', 'string', false, { length: 40 }), col('amount', 'decimal', false, { precision: 12, scale: 2 })],
  key: ['a', 'b'],
  row: (i, version) => [Math.floor(i / 10), `2001-02-${String(1 + (i % 10)).padStart(2, '0')}`, `行${i}v${version}`, `${i}.${version}5`],
};

/** Mixed case, punctuation and Chinese: MariaDB's and PostgreSQL's collations order these differently. */
const WORDS = ['a', 'B', 'c', '_x', '-y', 'Z', 'é', '中', 'a b', 'ab'];
const TEXT_KEY: KeyCase = {
  label: '(VARCHAR, INT)',
  columns: [col('code', 'string', true, { length: 20 }), col('n', 'integer', true), col('v', 'string', false, { length: 40 })],
  key: ['code', 'n'],
  row: (i, version) => [WORDS[i % WORDS.length], Math.floor(i / WORDS.length), `值${i}v${version}`],
};

const MARIA = { dialect: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: MYSQL_DB } as const;
const PG = { dialect: 'postgres', host: '127.0.0.1', port: 5432, user: 'postgres', database: PG_DB } as const;

const PAIRS: { label: string; source: typeof MARIA | typeof PG; exchange?: typeof MARIA | typeof PG }[] = [
  { label: 'MariaDB → PostgreSQL', source: MARIA, exchange: PG },
  { label: 'MariaDB → SQLite', source: MARIA },
  { label: 'PostgreSQL → MariaDB', source: PG, exchange: MARIA },
];

const ROWS = 1500;

for (const pair of PAIRS) {
  describe(`composite keys: ${pair.label}`, () => {
    let h: Harness;
    let source: Connector;
    let exchange: Connector;
    const tables = (k: KeyCase, mode: string) => ({ source: { name: `ck_src_${k.key[0]}` }, target: { name: `ck_x_${k.key[0]}_${mode}` } });

    beforeAll(async () => {
      h = await startHarness();
      await h.call('connections/save', { config: { ...pair.source, name: 'biz' } });
      if (pair.exchange) await h.call('exchange/set', { config: { ...pair.exchange, name: 'xchg' } });
      source = await h.connector('biz');
      exchange = await h.connector(pair.exchange ? 'xchg' : 'exchange');
      await exchange.dropTable({ name: 'exn_state' });
    });
    afterAll(async () => {
      for (const k of [DATE_KEY, TEXT_KEY]) {
        for (const mode of ['full', 'diff']) {
          await source.dropTable(tables(k, mode).source);
          await exchange.dropTable(tables(k, mode).target);
        }
      }
      await h?.close();
    });

    const run = async (name: string) => {
      const r = await h.call<RunRecord>('bridges/run', { name, wait: true });
      expect(r.status, r.error?.message).toBe('succeeded');
      return r;
    };
    const liveTarget = async (k: KeyCase, mode: string) => {
      const rows: unknown[][] = [];
      for await (const page of exchange.readBatches({
        table: tables(k, mode).target, columns: [...k.columns, col('exn_op', 'string', false)], keyColumns: k.key, batchSize: 1000,
        filter: [{ column: 'exn_op', op: '!=', value: 'D' }],
      })) rows.push(...page.map((r) => k.columns.map((c) => (c.type === 'integer' ? Number(r[c.name]) : r[c.name]))));
      return rows.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    };
    const sourceRows = async (k: KeyCase) => {
      const rows: unknown[][] = [];
      for await (const page of source.readBatches({ table: tables(k, 'full').source, columns: k.columns, keyColumns: k.key, batchSize: 1000 })) {
        rows.push(...page.map((r) => k.columns.map((c) => (c.type === 'integer' ? Number(r[c.name]) : r[c.name]))));
      }
      return rows.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)));
    };

    for (const k of [DATE_KEY, TEXT_KEY]) {
      for (const mode of ['full', 'diff'] as const) {
        it(`${k.label} ${mode}: an unchanged re-run moves nothing, then 3/2/1 changes count 3/2/1 on both sides`, async () => {
          const { source: src, target } = tables(k, mode);
          await source.dropTable(src);
          await exchange.dropTable(target);
          await source.createTable(src, k.columns, k.key);
          const rows = Array.from({ length: ROWS }, (_, i) => k.row(i, 0));
          await source.transaction((w) => w.insert(src, k.columns, rows));
          const name = `ck-${k.key[0]}-${mode}`;
          await h.call('bridges/save', { config: { name, source: { connection: 'biz', table: src.name }, target: { table: target.name }, mode, batchSize: 200 }, replace: true });
          expect((await run(name)).sender).toMatchObject({ total: ROWS, inserted: ROWS });

          const same = await run(name);
          expect(same.sender).toMatchObject({ inserted: 0, updated: 0, deleted: 0 });
          expect(same.receiver).toEqual({ inserted: 0, updated: 0, deleted: 0, rejected: 0 });

          // Inserts in the middle, at the start and past the end of the key order; an update and a delete in the middle.
          const keyOf = (r: unknown[]) => k.key.map((_, i) => r[i]);
          await source.transaction(async (w) => {
            await w.insert(src, k.columns, [k.row(ROWS + 5, 0), k.row(ROWS * 3, 0), k.row(ROWS * 2 + 1, 0)]);
            await w.upsert(src, k.columns, k.key, [k.row(700, 1), k.row(1, 1)]);
            await w.deleteKeys(src, k.key, [keyOf(k.row(900, 0))]);
            return 0;
          });
          const changed = await run(name);
          expect(changed.sender).toMatchObject({ inserted: 3, updated: 2, deleted: 1 });
          expect(changed.receiver).toEqual({ inserted: 3, updated: 2, deleted: 1, rejected: 0 });
          expect(changed.deviation.total).toBe(0);
          expect(await liveTarget(k, mode)).toEqual(await sourceRows(k));
        }, 120_000);
      }
    }
  });
}
