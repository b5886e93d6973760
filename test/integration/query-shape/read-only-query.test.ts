/**
 * A source query is the user's own SQL and may call functions with side effects: it runs inside a
 * read-only transaction that is rolled back, so the database refuses writes (a sequence's next
 * value) and whatever it does allow (PostgreSQL's `lo_from_bytea`, `pg_notify`) never persists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import mysql from 'mysql2/promise';
import type { Column, SourceRef } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { openDirect } from '../bridges/harness.js';
import { MYSQL_DB, PG_DB } from '../../support/servers.js';

const ID: Column = { name: 'id', nativeType: 'bigint', type: 'bigint', nullable: false, primaryKey: false };
const SEQ = 't_connectors_ro_seq';

async function readAll(c: Connector, table: SourceRef): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const rows of c.readBatches({ table, columns: [ID], keyColumns: ['id'], batchSize: 100 })) out.push(...rows.map((r) => r.id));
  return out;
}

describe('source queries run read-only: PostgreSQL', () => {
  let connector: Connector;
  let direct: pg.Client;
  beforeAll(async () => {
    connector = await openDirect({ name: 'pg', dialect: 'postgres', host: '127.0.0.1', port: 5432, user: 'postgres', database: PG_DB });
    direct = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: PG_DB });
    await direct.connect();
    await direct.query(`DROP SEQUENCE IF EXISTS ${SEQ}`);
    await direct.query(`CREATE SEQUENCE ${SEQ}`);
  });
  afterAll(async () => {
    await direct.query(`DROP SEQUENCE IF EXISTS ${SEQ}`);
    await direct.end();
    await connector.close();
  });
  const largeObjects = async () => Number((await direct.query('SELECT count(*) AS n FROM pg_largeobject_metadata')).rows[0].n);

  it('refuses a write (nextval) in a query source, in reads and counts', async () => {
    await expect(readAll(connector, { name: 'q', query: `SELECT nextval('${SEQ}') AS id` })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(connector.count({ name: 'q', query: `SELECT nextval('${SEQ}') AS id` })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    expect((await direct.query(`SELECT last_value, is_called FROM ${SEQ}`)).rows[0]).toMatchObject({ is_called: false });
  });
  it('lo_from_bytea leaves no large object behind', async () => {
    const before = await largeObjects();
    await readAll(connector, { name: 'q', query: "SELECT lo_from_bytea(0, '\\x41'::bytea)::bigint AS id" }).catch(() => undefined);
    expect(await largeObjects()).toBe(before);
  });
  it('pg_notify sends nothing', async () => {
    const heard: string[] = [];
    direct.on('notification', (n) => heard.push(String(n.payload)));
    await direct.query('LISTEN exn_ro_test');
    await readAll(connector, { name: 'q', query: "SELECT 1::bigint AS id, pg_notify('exn_ro_test', 'leak') AS n" }).catch(() => undefined);
    await direct.query("SELECT pg_notify('exn_ro_test', 'control')");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard).toEqual(['control']);
  });
  it('still reads a plain query', async () => {
    expect(await readAll(connector, { name: 'q', query: 'SELECT generate_series(1, 3)::bigint AS id' })).toEqual(['1', '2', '3']);
  });
});

describe('source queries run read-only: MariaDB', () => {
  let connector: Connector;
  let direct: mysql.Connection;
  beforeAll(async () => {
    connector = await openDirect({ name: 'maria', dialect: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: MYSQL_DB });
    direct = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', database: MYSQL_DB });
    await direct.query(`CREATE OR REPLACE SEQUENCE ${SEQ}`);
  });
  afterAll(async () => {
    await direct.query(`DROP SEQUENCE IF EXISTS ${SEQ}`);
    await direct.end();
    await connector.close();
  });
  it('refuses a write (NEXTVAL) in a query source and still reads a plain one', async () => {
    await expect(readAll(connector, { name: 'q', query: `SELECT NEXTVAL(${SEQ}) AS id` })).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    const [rows] = await direct.query(`SELECT NEXTVAL(${SEQ}) AS n`);
    expect(Number((rows as { n: number }[])[0]!.n)).toBe(1);
    expect(await readAll(connector, { name: 'q', query: 'SELECT 7 AS id' })).toEqual(['7']);
  });
});
