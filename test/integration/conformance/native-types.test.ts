import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { Column, Row } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { openDirect } from '../bridges/harness.js';
import { CONFIGS } from './dialects.js';
import { MYSQL_DB, PG_DB } from '../../support/servers.js';

/**
 * Native types that sample databases use (Sakila's GEOMETRY and YEAR, Pagila's domains and arrays)
 * and that drivers hand over in surprising shapes: each must arrive as a canonical value.
 */
async function readAll(c: Connector, name: string): Promise<{ columns: Map<string, Column>; rows: Row[] }> {
  const schema = await c.describeTable({ name });
  const rows: Row[] = [];
  for await (const batch of c.readBatches({ table: { name }, columns: schema.columns, keyColumns: schema.primaryKey, batchSize: 100 })) rows.push(...batch);
  return { columns: new Map(schema.columns.map((col) => [col.name, col])), rows };
}

describe('native types: MariaDB', () => {
  let c: Connector;
  beforeAll(async () => {
    const root = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: MYSQL_DB, charset: 'utf8mb4' });
    await root.query('DROP TABLE IF EXISTS exn_native_m');
    await root.query(`CREATE TABLE exn_native_m (
      id INT PRIMARY KEY, loc GEOMETRY NULL, flags BIT(12) NULL, doc JSON NULL, yr YEAR NULL, kind SET('a','b','c') NULL, active BIT(1) NULL)`);
    await root.query(`INSERT INTO exn_native_m VALUES
      (1, ST_GeomFromText('POINT(116.4 39.9)'), b'101000000001', '{"名称": [1, 2.5, null], "id": 12345678901234567890}', 2006, 'a,c', b'1'),
      (2, NULL, NULL, NULL, NULL, '', b'0'),
      (3, NULL, NULL, NULL, NULL, '', NULL)`);
    await root.end();
    c = await openDirect(CONFIGS.mysql);
  });
  afterAll(async () => {
    await c.close();
  });

  it('reads spatial columns as WKT, BIT(n) as numbers, BIT(1) as booleans and MariaDB JSON (a checked LONGTEXT) as JSON', async () => {
    const { columns, rows } = await readAll(c, 'exn_native_m');
    expect(columns.get('loc')!.type).toBe('text');
    expect(columns.get('flags')!.type).toBe('bigint');
    expect(columns.get('doc')!.type).toBe('json');
    expect(columns.get('yr')!.type).toBe('integer');
    expect(columns.get('active')!.type).toBe('boolean');
    expect(rows[0]).toEqual({ id: 1, loc: 'POINT(116.4 39.9)', flags: String(0b101000000001), doc: '{"名称": [1, 2.5, null], "id": 12345678901234567890}', yr: 2006, kind: 'a,c', active: true });
    expect(rows[1]).toEqual({ id: 2, loc: null, flags: null, doc: null, yr: null, kind: '', active: false });
    expect(rows[2]!.active).toBeNull();
  });
});

describe('native types: PostgreSQL', () => {
  let c: Connector;
  const admin = async (...statements: string[]) => {
    const client = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: PG_DB });
    await client.connect();
    for (const sql of statements) await client.query(sql);
    await client.end();
  };
  const drop = 'DROP TABLE IF EXISTS exn_native_p; DROP DOMAIN IF EXISTS exn_year; DROP SCHEMA IF EXISTS exn_other CASCADE';
  beforeAll(async () => {
    await admin(
      drop,
      'CREATE DOMAIN exn_year AS integer CHECK (VALUE BETWEEN 1901 AND 2155)',
      'CREATE TABLE exn_native_p (id int PRIMARY KEY, yr exn_year, at timetz, tags text[], span interval)',
      `INSERT INTO exn_native_p VALUES (1, 2006, '12:00:00+08', '{甲,"乙 丙"}', '1 day 02:03:04.5'), (2, NULL, NULL, NULL, NULL)`,
      'CREATE SCHEMA exn_other',
      'CREATE TABLE exn_other."Customer" ("CustomerId" int PRIMARY KEY, "Name" text)',
    );
    c = await openDirect(CONFIGS.postgres);
  });
  afterAll(async () => {
    await c.close();
    await admin(drop);
  });

  it('maps a domain as its base type and keeps a time zone offset and arrays as text', async () => {
    const { columns, rows } = await readAll(c, 'exn_native_p');
    expect(columns.get('yr')!.type).toBe('integer');
    expect(columns.get('at')!.type).toBe('string');
    expect(columns.get('tags')!.type).toBe('text');
    expect(rows[0]).toEqual({ id: 1, yr: 2006, at: '12:00:00+08', tags: '{甲,"乙 丙"}', span: '1 day 02:03:04.5' });
    expect(rows[1]).toEqual({ id: 2, yr: null, at: null, tags: null, span: null });
  });

  it('lists tables of every user schema, naming the schema of those outside the current one', async () => {
    const tables = await c.listTables();
    expect(tables).toContainEqual(expect.objectContaining({ schema: 'exn_other', name: 'Customer', kind: 'table' }));
    const own = tables.find((t) => t.name === 'exn_native_p');
    expect(own).toBeDefined();
    expect(own!.schema).toBeUndefined();
    expect(tables.some((t) => t.schema === 'pg_catalog' || t.schema === 'information_schema')).toBe(false);
    expect((await c.describeTable({ schema: 'exn_other', name: 'Customer' })).primaryKey).toEqual(['CustomerId']);
  });
});
