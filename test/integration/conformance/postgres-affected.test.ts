/**
 * PostgreSQL writes report the server's own counts, never the number of rows handed in: a trigger
 * that silently skips odd ids makes the two differ, for COPY, multi-row INSERT and DELETE alike.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Column } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { openDirect } from '../bridges/harness.js';
import { CONFIGS } from './dialects.js';
import { PG_DB } from '../../support/servers.js';

const TABLE = { name: 'cf_pg_affected' };
const COLUMNS: Column[] = [
  { name: 'id', nativeType: 'integer', type: 'integer', nullable: false, primaryKey: true },
  { name: 'v', nativeType: 'text', type: 'text', nullable: true, primaryKey: false },
];
const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => [from + i, `v${from + i}`]);

describe('PostgreSQL affected counts', () => {
  let c: Connector;
  let admin: pg.Client;
  beforeAll(async () => {
    c = await openDirect(CONFIGS.postgres);
    admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: PG_DB });
    await admin.connect();
    await admin.query(`CREATE OR REPLACE FUNCTION cf_pg_skip_odd() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.id % 2 = 1 THEN RETURN NULL; END IF; RETURN NEW; END $$`);
  });
  beforeEach(async () => {
    await c.dropTable(TABLE);
    await c.createTable(TABLE, COLUMNS, ['id']);
    await admin.query(`CREATE TRIGGER cf_pg_skip_odd BEFORE INSERT ON ${TABLE.name} FOR EACH ROW EXECUTE FUNCTION cf_pg_skip_odd()`);
  });
  afterAll(async () => {
    await c.dropTable(TABLE);
    await admin.query('DROP FUNCTION IF EXISTS cf_pg_skip_odd()');
    await admin.end();
    await c.close();
  });

  it('counts what COPY wrote', async () => {
    expect(await c.transaction((w) => w.bulkInsert!(TABLE, COLUMNS, rows(1, 101)))).toBe(50);
  });
  it('counts what a multi-row INSERT wrote', async () => {
    expect(await c.transaction((w) => w.insert(TABLE, COLUMNS, rows(1001, 11)))).toBe(5);
  });
  it('counts what DELETE removed', async () => {
    await c.transaction((w) => w.insert(TABLE, COLUMNS, rows(1, 10)));
    expect(await c.transaction((w) => w.deleteKeys(TABLE, ['id'], [[2], [3], [4], [99_999]]))).toBe(2);
    expect(await c.count(TABLE)).toBe(3);
  });
});
