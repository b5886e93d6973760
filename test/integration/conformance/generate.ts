import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { MYSQL_DB, PG_DB } from '../../support/servers.js';

/** Fills (id, c_str, c_dec) with `rows` rows inside the database itself, so the test measures reading. */
export async function generateSqlite(file: string, table: string, rows: number): Promise<void> {
  const db = new Database(file);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})
    INSERT INTO "${table}" (id, c_str, c_dec) SELECT i, '居民' || i, printf('%d.%010d', i, i) FROM n`);
  db.close();
}

export async function generateMysql(table: string, rows: number): Promise<void> {
  const conn = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: MYSQL_DB });
  await conn.query(`INSERT INTO \`${table}\` (id, c_str, c_dec) SELECT seq, CONCAT('居民', seq), CONCAT(seq, '.', LPAD(seq, 10, '0')) FROM seq_1_to_${rows}`);
  await conn.end();
}

export async function generatePostgres(table: string, rows: number): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: PG_DB });
  await client.connect();
  await client.query(`INSERT INTO "${table}" (id, c_str, c_dec) SELECT i, '居民' || i, (i || '.' || lpad(i::text, 10, '0'))::numeric FROM generate_series(1, ${rows}) AS i`);
  await client.end();
}
