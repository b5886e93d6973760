/**
 * The key predicates each dialect builds, EXPLAINed on a real composite-key table of 300,000 rows:
 * every keyset page and key lookup must reach the rows through the primary key's index (an index
 * condition or range), never a filter over the whole table (issue 18: such a plan made a nightly
 * re-run 165× slower than the first load).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import pg from 'pg';
import Database from 'better-sqlite3';
import type { Column } from '../../../shared/index.js';
import { mysqlSql } from '../../../connectors/mysql/sql.js';
import { postgresSql } from '../../../connectors/postgres/sql.js';
import { sqliteSql } from '../../../connectors/sqlite/sql.js';
import { MYSQL_DB, PG_DB } from '../../support/servers.js';
import { tempDir } from '../../support/temp.js';

const ROWS = 300_000;
const TABLE = 't_connectors_shape';
const KEY = ['a', 'b'];
const KEY_TYPES: Column[] = [
  { name: 'a', type: 'integer', nativeType: 'integer', nullable: false, primaryKey: true },
  { name: 'b', type: 'date', nativeType: 'date', nullable: false, primaryKey: true },
];
/** `a` = id div 10, `b` = 2000-01-01 + id mod 10 days: 30,000 values of `a`, ten dates each. */
const keyOf = (id: number): [number, string] => [Math.floor(id / 10), new Date(Date.UTC(2000, 0, 1 + (id % 10))).toISOString().slice(0, 10)];
/** 5,000 keys from the middle of the table, as one batch of a run looks them up. */
const LOOKUP_KEYS = Array.from({ length: 5000 }, (_, i) => keyOf(150_000 + i * 3));
const MIDDLE = keyOf(150_005);
const UPPER = keyOf(160_005);

const COMPILERS = { postgres: postgresSql, mysql: mysqlSql, sqlite: sqliteSql };

/** The statements the connectors run for one keyset page and one lookup batch, as their compilers build them. */
function statements(dialect: 'postgres' | 'mysql' | 'sqlite') {
  const sql = COMPILERS[dialect];
  const page = sql.page({ name: TABLE }, KEY_TYPES, { keyColumns: KEY, after: MIDDLE, upTo: UPPER }, 5000);
  const lookup = sql.lookup({ name: TABLE }, KEY_TYPES, KEY, LOOKUP_KEYS, undefined, KEY_TYPES);
  return { page: { sql: page.sql, params: [...page.bindings] }, lookup: { sql: lookup.sql, params: [...lookup.bindings] } };
}

describe('query shapes on PostgreSQL', () => {
  let client: pg.Client;
  beforeAll(async () => {
    client = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: PG_DB });
    await client.connect();
    await client.query('SET jit = off');
    await client.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await client.query(`CREATE TABLE ${TABLE} AS SELECT (i / 10)::int AS a, DATE '2000-01-01' + (i % 10) AS b, md5(i::text) AS v FROM generate_series(1, ${ROWS}) i`);
    await client.query(`ALTER TABLE ${TABLE} ADD PRIMARY KEY (a, b)`);
    await client.query(`ANALYZE ${TABLE}`);
  }, 120_000);
  afterAll(async () => {
    await client.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await client.end();
  });
  const explain = async (s: { sql: string; params: unknown[] }) =>
    (await client.query({ text: `EXPLAIN ${s.sql}`, values: s.params })).rows.map((r) => String(r['QUERY PLAN'])).join('\n');

  it('seeks a keyset page with an index condition on both key columns', async () => {
    const plan = await explain(statements('postgres').page);
    expect(plan).toMatch(/Index (Only )?Scan using t_connectors_shape_pkey/);
    expect(plan).toMatch(/Index Cond: \(\(ROW\(a, b\) > ROW\(/);
    expect(plan).not.toMatch(/Seq Scan|Filter:/);
  });
  it('looks up 5,000 composite keys through the index, not a filter over the table', async () => {
    const plan = await explain(statements('postgres').lookup);
    expect(plan).toMatch(/Index (Only )?Scan using t_connectors_shape_pkey/);
    expect(plan).toMatch(/Function Scan on unnest/);
    expect(plan).not.toMatch(/Seq Scan on t_connectors_shape/);
    const found = await client.query({ text: statements('postgres').lookup.sql, values: statements('postgres').lookup.params });
    expect(found.rowCount).toBe(LOOKUP_KEYS.length);
  });
});

describe('query shapes on MariaDB', () => {
  let conn: mysql.Connection;
  beforeAll(async () => {
    conn = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', database: MYSQL_DB, dateStrings: true });
    await conn.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await conn.query(`CREATE TABLE ${TABLE} (a INT NOT NULL, b DATE NOT NULL, v CHAR(32), PRIMARY KEY (a, b))`);
    await conn.query(`INSERT INTO ${TABLE} SELECT seq DIV 10, DATE_ADD('2000-01-01', INTERVAL seq MOD 10 DAY), MD5(seq) FROM seq_1_to_${ROWS}`);
    await conn.query(`ANALYZE TABLE ${TABLE}`);
  }, 120_000);
  afterAll(async () => {
    await conn.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await conn.end();
  });
  const explain = async (s: { sql: string; params: unknown[] }) => ((await conn.query(`EXPLAIN ${s.sql}`, s.params))[0] as Record<string, unknown>[])[0]!;

  it('reads a keyset page as a range over both key columns', async () => {
    const plan = await explain(statements('mysql').page);
    expect(plan).toMatchObject({ type: 'range', key: 'PRIMARY', key_len: '7' });
    expect(Number(plan.rows)).toBeLessThan(ROWS / 4);
  });
  it('looks up 5,000 composite keys as ranges of the primary key', async () => {
    const plan = await explain(statements('mysql').lookup);
    expect(plan).toMatchObject({ type: 'range', key: 'PRIMARY', key_len: '7' });
    const [rows] = await conn.query(statements('mysql').lookup.sql, statements('mysql').lookup.params);
    expect((rows as unknown[]).length).toBe(LOOKUP_KEYS.length);
  });
});

describe('query shapes on SQLite', () => {
  const tmp = tempDir('exnode-shape-');
  let db: Database.Database;
  beforeAll(() => {
    db = new Database(`${tmp.dir}/shape.sqlite`);
    db.exec(`CREATE TABLE ${TABLE} (a INTEGER NOT NULL, b TEXT NOT NULL, v TEXT, PRIMARY KEY (a, b))`);
    db.exec(`WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < ${ROWS})
      INSERT INTO ${TABLE} SELECT i / 10, date('2000-01-01', '+' || (i % 10) || ' days'), hex(randomblob(16)) FROM s`);
    db.exec('ANALYZE');
  });
  afterAll(() => {
    db.close();
    tmp.remove();
  });
  const explain = (s: { sql: string; params: unknown[] }) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as { detail: string }[]).map((r) => r.detail).join('\n');

  it('seeks a keyset page on the primary key with both columns', () => {
    const plan = explain(statements('sqlite').page);
    // The table as the node creates it: a rowid table whose primary key is an automatic index.
    expect(plan).toMatch(/SEARCH t_connectors_shape USING (COVERING )?INDEX sqlite_autoindex_\w+ \(\(a,b\)>\(\?,\?\) AND \(a,b\)<\(\?,\?\)\)/);
    expect(plan).not.toMatch(/^SCAN t_connectors_shape/m);
  });
  it('looks up composite keys by probing the primary key', () => {
    const plan = explain(statements('sqlite').lookup);
    expect(plan).toMatch(/SEARCH t_connectors_shape USING (COVERING )?INDEX sqlite_autoindex_\w+ \(a=\? AND b=\?\)/);
    expect(plan).not.toMatch(/^SCAN t_connectors_shape/m);
    expect(db.prepare(statements('sqlite').lookup.sql).all(...statements('sqlite').lookup.params)).toHaveLength(LOOKUP_KEYS.length);
  });
});
