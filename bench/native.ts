import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import mysql from 'mysql2/promise';
import mysqlCallback from 'mysql2';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { columnsOf, mysqlDdl, postgresDdl, tsvStream, type Shape } from './data.js';

// The test databases' names (EXNODE_TEST_MYSQL_DB / EXNODE_TEST_PG_DB), so a bench on a shared machine keeps to its own.
export const MYSQL = { host: '127.0.0.1', port: 3306, user: 'root', password: '', database: process.env.EXNODE_TEST_MYSQL_DB ?? 'test' };
export const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres', database: process.env.EXNODE_TEST_PG_DB ?? 'test' };

export async function mysqlConnection() {
  return mysql.createConnection({ ...MYSQL, infileStreamFactory: () => new PassThrough(), multipleStatements: false });
}

export async function pgClient(): Promise<pg.Client> {
  const client = new pg.Client(POSTGRES);
  await client.connect();
  return client;
}

/** Creates `table` in MariaDB holding rows [1, rows] of the seeded data set, via LOAD DATA LOCAL INFILE. */
export async function loadMysql(table: string, rows: number, shape: Shape, from = 1): Promise<void> {
  const conn = await mysql.createConnection({ ...MYSQL, infileStreamFactory: () => tsvStream(from, from + rows, shape) });
  try {
    if (from === 1) {
      await conn.query(`DROP TABLE IF EXISTS ${table}`);
      await conn.query(mysqlDdl(table, shape));
    }
    await conn.query(`LOAD DATA LOCAL INFILE 'bench.tsv' INTO TABLE ${table} CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (${columnsOf(shape).join(', ')})`);
  } finally {
    await conn.end();
  }
}

/** Creates `table` in PostgreSQL holding rows [1, rows] of the seeded data set, via COPY FROM STDIN. */
export async function loadPostgres(table: string, rows: number, shape: Shape): Promise<void> {
  const client = await pgClient();
  try {
    await client.query(`DROP TABLE IF EXISTS ${table}`);
    await client.query(postgresDdl(table, shape));
    await pipeline(tsvStream(1, rows + 1, shape), client.query(copyFrom(`COPY ${table} (${columnsOf(shape).join(', ')}) FROM STDIN`)));
    await client.query(`ANALYZE ${table}`);
  } finally {
    await client.end();
  }
}

export async function dropEverywhere(tables: string[]): Promise<void> {
  const conn = await mysqlConnection();
  const client = await pgClient();
  try {
    for (const t of tables) {
      await conn.query(`DROP TABLE IF EXISTS ${t}`);
      await client.query(`DROP TABLE IF EXISTS ${t}`);
    }
  } finally {
    await conn.end();
    await client.end();
  }
}

export async function dropPostgres(tables: string[]): Promise<void> {
  const client = await pgClient();
  try {
    for (const t of tables) await client.query(`DROP TABLE IF EXISTS ${t}`);
  } finally {
    await client.end();
  }
}

/** A text-format COPY field: NULL as \N, the few special characters escaped. */
function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const s = value instanceof Date ? value.toISOString() : String(value);
  return s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);
}

/** The native path MariaDB → PostgreSQL: a streamed SELECT piped into COPY FROM STDIN. */
export async function nativeMysqlToPostgres(source: string, target: string, shape: Shape): Promise<void> {
  const client = await pgClient();
  const conn = mysqlCallback.createConnection({ ...MYSQL, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true });
  try {
    await client.query(`DROP TABLE IF EXISTS ${target}`);
    await client.query(postgresDdl(target, shape));
    const cols = columnsOf(shape);
    // Rows are joined into ~1000-row chunks: one COPY write per row would measure syscalls, not the path.
    let buffer = '';
    let buffered = 0;
    const toText = new Transform({
      writableObjectMode: true,
      transform(row: Record<string, unknown>, _enc, done) {
        buffer += `${cols.map((c) => copyField(row[c])).join('\t')}\n`;
        if (++buffered < 1000) return done();
        const chunk = buffer;
        buffer = '';
        buffered = 0;
        done(null, chunk);
      },
      flush(done) {
        done(null, buffer.length > 0 ? buffer : undefined);
      },
    });
    await pipeline(
      conn.query(`SELECT ${cols.join(', ')} FROM ${source}`).stream({ highWaterMark: 1000 }),
      toText,
      client.query(copyFrom(`COPY ${target} (${cols.join(', ')}) FROM STDIN`)),
    );
  } finally {
    conn.end();
    await client.end();
  }
}

/** The native path PostgreSQL → MariaDB: COPY TO STDOUT piped into LOAD DATA LOCAL INFILE. */
export async function nativePostgresToMysql(source: string, target: string, shape: Shape): Promise<void> {
  const client = await pgClient();
  const cols = columnsOf(shape);
  const stream = client.query(copyTo(`COPY ${source} (${cols.join(', ')}) TO STDOUT`));
  const conn = await mysql.createConnection({ ...MYSQL, infileStreamFactory: () => stream });
  try {
    await conn.query(`DROP TABLE IF EXISTS ${target}`);
    await conn.query(mysqlDdl(target, shape));
    await conn.query(`LOAD DATA LOCAL INFILE 'copy.tsv' INTO TABLE ${target} CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (${cols.join(', ')})`);
  } finally {
    await conn.end();
    await client.end();
  }
}

/** pgloader (Debian's package) copying one MariaDB table into PostgreSQL; null when it cannot run here. */
export function pgloaderMysqlToPostgres(source: string): { ms: number } | { error: string } {
  if (spawnSync('pgloader', ['--version']).status !== 0) {
    const install = spawnSync('bash', ['-c', 'apt-get install -y -qq pgloader || sudo apt-get install -y -qq pgloader'], { stdio: 'ignore' });
    if (install.status !== 0) return { error: 'pgloader is not installed and could not be installed' };
  }
  const file = path.join(os.tmpdir(), `exnode-bench-${process.pid}.load`);
  fs.writeFileSync(file, `LOAD DATABASE
  FROM mysql://${MYSQL.user}@${MYSQL.host}:${MYSQL.port}/${MYSQL.database}
  INTO postgresql://${POSTGRES.user}@${POSTGRES.host}:${POSTGRES.port}/${POSTGRES.database}
  WITH include drop, create tables, create no indexes, no foreign keys, workers = 2, concurrency = 1
  INCLUDING ONLY TABLE NAMES MATCHING '${source}'
  ALTER SCHEMA '${MYSQL.database}' RENAME TO 'public';
`);
  const started = performance.now();
  const result = spawnSync('pgloader', ['--quiet', file], { encoding: 'utf8' });
  const ms = performance.now() - started;
  fs.rmSync(file, { force: true });
  if (result.status !== 0) return { error: `pgloader failed: ${(result.stderr || result.stdout).split('\n').slice(-5).join(' ')}` };
  return { ms };
}
