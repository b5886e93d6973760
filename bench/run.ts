/**
 * `npm run bench [-- --quick]`: ExNode's throughput and peak memory per scenario, next to the native
 * bulk path and pgloader measured in the same run on the same data. Writes bench/results/latest.{json,md}.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import mysql from 'mysql2';
import {
  dropEverywhere, dropPostgres, loadMysql, loadPostgres, MYSQL, nativeMysqlToPostgres, nativePostgresToMysql, pgloaderMysqlToPostgres,
} from './native.js';
import { TABLES } from './tables.js';
import { columnsOf } from './data.js';
import { ENGINE_ENV, ENGINE_EXEC_ARGV } from '../electron/engine/memory.js';
import { benchDashboard, formatDashboardBench } from './dashboard.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const ROWS = quick ? 100_000 : 1_000_000;
const INCREMENTAL_ROWS = quick ? 100_000 : 10_000_000;

interface ScenarioResult {
  name: string;
  rows: number;
  ms: number;
  transferred: number;
  changes: number;
  deviation: number;
  peakRssMb: number;
  clustered?: { ms: number; transferred: number };
}

interface Row {
  name: string;
  rows: number | null;
  rowsPerSec: number | null;
  wallMs: number | null;
  peakRssMb: number | null;
  rowsTransferred: number | null;
  ratios: { native: number | null; pgloader: number | null };
  note?: string;
}

const timed = async (work: () => Promise<unknown> | unknown): Promise<number> => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

/** A scenario runs in a process of its own, started with the flags and environment every launcher of the engine uses. */
function scenario(name: string, rows: number): ScenarioResult {
  const child = spawnSync(process.execPath, [...ENGINE_EXEC_ARGV, '--import', 'tsx', path.join(here, 'scenario.ts'), name, String(rows)], {
    encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, ...ENGINE_ENV },
  });
  if (child.status !== 0) throw new Error(`scenario ${name} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as ScenarioResult;
}

/** The embedded target's native path: a streamed SELECT into one prepared-insert transaction. */
async function nativeMysqlToSqlite(rows: number): Promise<number> {
  const file = path.join(os.tmpdir(), `exnode-bench-native-${process.pid}.sqlite`);
  fs.rmSync(file, { force: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const cols = columnsOf('narrow');
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, citizen_id TEXT, amount TEXT, created_at TEXT, note TEXT)`);
  const insert = db.prepare(`INSERT INTO t VALUES (${cols.map(() => '?').join(', ')})`);
  const conn = mysql.createConnection({ ...MYSQL, dateStrings: true, supportBigNumbers: true, bigNumberStrings: true });
  const ms = await timed(() => new Promise<void>((resolve, reject) => {
    let batch: unknown[][] = [];
    const flush = db.transaction((list: unknown[][]) => { for (const r of list) insert.run(...r); });
    conn.query(`SELECT ${cols.join(', ')} FROM ${TABLES.mysqlSource}`)
      .on('result', (row: Record<string, unknown>) => {
        batch.push(cols.map((c) => row[c] as unknown));
        if (batch.length === 10_000) { flush(batch); batch = []; }
      })
      .on('error', reject)
      .on('end', () => { flush(batch); resolve(); });
  }));
  conn.end();
  db.close();
  fs.rmSync(file, { force: true });
  void rows;
  return ms;
}

async function main(): Promise<void> {
  const rps = (rows: number, ms: number) => Math.round(rows / (ms / 1000));
  const results: Row[] = [];
  // `npm run bench -- dashboard`: the monitoring scenario alone (no bulk data needed).
  if (process.argv.includes('dashboard')) return void console.log(formatDashboardBench(await benchDashboard()));
  console.log(`ExNode bench (${quick ? 'quick' : 'full'}): ${ROWS.toLocaleString()} rows; incremental on ${INCREMENTAL_ROWS.toLocaleString()} rows`);

  await dropEverywhere([TABLES.exnodeTarget, TABLES.nativeTarget, TABLES.mysqlReceive, 'exn_state']);
  await loadMysql(TABLES.mysqlSource, ROWS, 'narrow');
  await loadPostgres(TABLES.postgresSource, ROWS, 'narrow');

  // Anchors, on the same data, in the same run.
  const nativeMP = await timed(() => nativeMysqlToPostgres(TABLES.mysqlSource, TABLES.nativeTarget, 'narrow'));
  await dropEverywhere([TABLES.nativeTarget]);
  const nativePM = await timed(() => nativePostgresToMysql(TABLES.postgresSource, TABLES.nativeTarget, 'narrow'));
  await dropEverywhere([TABLES.nativeTarget]);
  const nativeMS = await nativeMysqlToSqlite(ROWS);
  const pgl = pgloaderMysqlToPostgres(TABLES.mysqlSource);
  await dropEverywhere([TABLES.nativeTarget]);
  const pgloaderMs = 'ms' in pgl ? pgl.ms : null;
  console.log(`anchors: native MariaDB→PostgreSQL ${rps(ROWS, nativeMP)} rows/s, PostgreSQL→MariaDB ${rps(ROWS, nativePM)} rows/s, ` +
    `MariaDB→SQLite ${rps(ROWS, nativeMS)} rows/s, pgloader ${pgloaderMs ? `${rps(ROWS, pgloaderMs)} rows/s` : ('error' in pgl ? pgl.error : '')}`);
  // pgloader's copy of the source table sits in PostgreSQL under the source's name: remove it.
  await dropPostgres([TABLES.mysqlSource]);

  const add = (r: ScenarioResult, anchors: { native?: number | null; pgloader?: number | null }, note?: string) => {
    const rate = rps(r.rows, r.ms);
    results.push({
      name: r.name, rows: r.rows, rowsPerSec: rate, wallMs: r.ms, peakRssMb: r.peakRssMb, rowsTransferred: r.transferred,
      ratios: {
        native: anchors.native ? Math.round((rate / anchors.native) * 100) / 100 : null,
        pgloader: anchors.pgloader ? Math.round((rate / anchors.pgloader) * 100) / 100 : null,
      },
      ...(note ? { note } : {}),
    });
    console.log(`${r.name}: ${rate.toLocaleString()} rows/s, ${r.ms} ms, peak RSS ${r.peakRssMb} MB, ${r.transferred} rows transferred, deviation ${r.deviation}`);
  };

  const fresh = async () => {
    await dropEverywhere([TABLES.exnodeTarget, TABLES.mysqlReceive, 'exn_state']);
  };
  await fresh();
  const fullMP = scenario('full-mysql-postgres', ROWS);
  add(fullMP, { native: rps(ROWS, nativeMP), pgloader: pgloaderMs ? rps(ROWS, pgloaderMs) : null });
  await fresh();
  // Diff and incremental write to the embedded SQLite exchange: their "full copy" is this one.
  const fullMS = scenario('full-mysql-sqlite', ROWS);
  add(fullMS, { native: rps(ROWS, nativeMS) });
  await fresh();
  add(scenario('full-postgres-mysql', ROWS), { native: rps(ROWS, nativePM) });

  await fresh();
  await loadMysql(TABLES.mysqlIncremental, INCREMENTAL_ROWS, 'narrow');
  await new Promise<void>((resolve, reject) => {
    const c = mysql.createConnection(MYSQL);
    c.query(`CREATE INDEX exb_incr_cursor ON ${TABLES.mysqlIncremental} (created_at, id)`, (e) => { c.end(); if (e) reject(e); else resolve(); });
  });
  const incr = scenario('incremental', INCREMENTAL_ROWS);
  add({ ...incr, rows: incr.transferred }, {}, `0.1% of ${INCREMENTAL_ROWS.toLocaleString()} rows changed: ${incr.ms} ms wall`);

  await fresh();
  await loadMysql(TABLES.mysqlDiff, ROWS, 'narrow');
  const diff = scenario('diff', ROWS);
  const share = diff.transferred / ROWS;
  const clustered = diff.clustered
    ? `; the same 1% among the newest keys: ${diff.clustered.ms} ms, ${Math.round((diff.clustered.ms / fullMS.ms) * 100)}% of the full copy's time, ${diff.clustered.transferred} rows transferred`
    : '';
  add(diff, {}, `1% changed, spread over every key range; ${(share * 100).toFixed(2)}% of rows transferred; ${Math.round((diff.ms / fullMS.ms) * 100)}% of the full copy's time${clustered}`);

  await fresh();
  const rec = scenario('reconcile', ROWS);
  add(rec, {}, `MariaDB source against the PostgreSQL exchange table, value by value; rows transferred = rows read from both sides; ${Math.round((rec.ms / fullMP.ms) * 100)}% of the full copy's time; deviation ${rec.deviation}`);

  await fresh();
  const receive = scenario('receive', ROWS);
  add(receive, { native: rps(ROWS, nativePM) }, `${receive.rows.toLocaleString()} changes (a third each update, delete, insert) applied to a business table of ${ROWS.toLocaleString()} rows; native is a bulk load into an empty table`);
  await dropEverywhere([TABLES.exnodeTarget, TABLES.mysqlReceive, 'exn_state', TABLES.mysqlIncremental, TABLES.mysqlDiff, TABLES.postgresSource]);

  const dashboard = await benchDashboard();
  console.log(formatDashboardBench(dashboard));
  for (const t of dashboard.timings) {
    results.push({ name: `dashboard: ${t.call}`, rows: dashboard.runs, rowsPerSec: null, wallMs: t.medianMs, peakRssMb: null, rowsTransferred: null,
      ratios: { native: null, pgloader: null }, note: `median of 20, target < ${t.targetMs} ms` });
  }
  const report = { machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`, date: new Date().toISOString(), quick, scenarios: results };
  const dir = path.join(here, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  const md = [
    `# ExNode bench ${report.date} (${quick ? 'quick' : 'full'})`, '', `Machine: ${report.machine}`, '',
    '| scenario | rows | rows/s | wall ms | peak RSS MB | rows transferred | × native | × pgloader | note |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...results.map((r) => `| ${r.name} | ${r.rows ?? '-'} | ${r.rowsPerSec ?? '-'} | ${r.wallMs ?? '-'} | ${r.peakRssMb ?? '-'} | ${r.rowsTransferred ?? '-'} | ${r.ratios.native ?? '-'} | ${r.ratios.pgloader ?? '-'} | ${r.note ?? ''} |`),
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'latest.md'), `${md}\n`);
  console.log(`\n${md}\n\nWritten to bench/results/latest.json and latest.md`);
}

await main();
