/**
 * `npm run bench [-- --quick]`: ExNode's throughput and peak memory per scenario, next to the native
 * bulk path and pgloader measured in the same run on the same data. Writes bench/results/latest.{json,md}.
 * `-- --only <regex> [--rows n]` runs only the steady-state (re-run) scenarios whose name matches,
 * each next to its own first load, without the anchors (e.g. `--only 'rerun:composite:full' --rows 300000`).
 * `bench/profile-rerun.ts` times one re-run by CPU (the figure to compare on a loaded machine) and profiles it.
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
import { RERUN_TABLE } from './rerun.js';

/** Steady-state scenarios the issue names: each reports its re-run next to its own first load. */
const RERUN_SCENARIOS = [
  'rerun:single:full:mysql-postgres', 'rerun:composite:full:mysql-postgres', 'rerun:single:diff:mysql-postgres', 'rerun:composite:diff:mysql-postgres',
  'rerun:single:full:mysql-sqlite', 'rerun:composite:full:mysql-sqlite', 'rerun:single:diff:mysql-sqlite', 'rerun:composite:diff:mysql-sqlite',
  'rerun:single:full:postgres-mysql', 'rerun:composite:full:postgres-mysql',
  'rerun:composite:full:mysql-postgres:unchanged', 'rerun:composite:full:mysql-sqlite:unchanged',
];
import { benchDashboard, formatDashboardBench } from './dashboard.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const argAfter = (flag: string): string | undefined => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const only = argAfter('--only');
const ROWS = Number(argAfter('--rows') ?? (quick ? 100_000 : 1_000_000));
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
  firstLoad?: { ms: number; rows: number };
  expectedChanges?: number;
  ratio?: number;
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

/** The scheduler's scenario (bench/schedule.ts): fire delays and idle CPU, shown in the table's note. */
function scheduleScenario(): Row {
  const child = spawnSync(process.execPath, [...ENGINE_EXEC_ARGV, '--import', 'tsx', path.join(here, 'schedule.ts'), '200', quick ? '20' : '60'], {
    encoding: 'utf8', maxBuffer: 1 << 24, env: { ...process.env, ...ENGINE_ENV },
  });
  if (child.status !== 0) throw new Error(`scenario schedule failed:\n${child.stderr}`);
  const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as { fireDelayMs: { median: number; p99: number }; idleCpuPercent: number; plannedFires: number; wallMs: number };
  console.log(`schedule: fire delay median ${r.fireDelayMs.median} ms, p99 ${r.fireDelayMs.p99} ms, idle CPU ${r.idleCpuPercent}%`);
  return {
    name: 'schedule', rows: null, rowsPerSec: null, wallMs: r.wallMs, peakRssMb: null, rowsTransferred: null, ratios: { native: null, pgloader: null },
    note: `200 bridges on 1-second schedules: ${r.plannedFires} fires; delay median ${r.fireDelayMs.median} ms (target < 50), p99 ${r.fireDelayMs.p99} ms (< 500); idle CPU ${r.idleCpuPercent}% (< 2%)`,
  };
}

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
  if (only) return writeReport(results, rerunScenarios(results, new RegExp(only)));

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
  await rerunScenarios(results, /./);
  await dropEverywhere([TABLES.exnodeTarget, TABLES.mysqlReceive, 'exn_state', TABLES.mysqlIncremental, TABLES.mysqlDiff, TABLES.postgresSource]);
  results.push(scheduleScenario());
  const dashboard = await benchDashboard();
  console.log(formatDashboardBench(dashboard));
  for (const t of dashboard.timings) {
    results.push({ name: `dashboard: ${t.call}`, rows: dashboard.runs, rowsPerSec: null, wallMs: t.medianMs, peakRssMb: null, rowsTransferred: null,
      ratios: { native: null, pgloader: null }, note: `median of 20, target < ${t.targetMs} ms` });
  }
  await writeReport(results, Promise.resolve());
}

/** Runs the re-run scenarios matching `filter`, each in a fresh exchange, and adds them to `results`. */
async function rerunScenarios(results: Row[], filter: RegExp): Promise<void> {
  const rerunMs = new Map<string, number>();
  for (const name of RERUN_SCENARIOS.filter((n) => filter.test(n))) {
    await dropEverywhere([TABLES.exnodeTarget, 'exn_state', RERUN_TABLE]);
    const r = scenario(name, ROWS);
    rerunMs.set(name, r.ms);
    // The same table keyed on one column, measured earlier in this run: what the composite key costs.
    const single = rerunMs.get(name.replace(':composite:', ':single:'));
    const keyCost = name.includes(':composite:') && single ? `; ${Math.round((r.ms / single) * 100) / 100}× the single-key re-run` : '';
    const note = `first load ${r.firstLoad?.ms} ms; re-run ${r.ms} ms = ${r.ratio}× the first load${keyCost}; ${r.changes} changes counted ` +
      `(${r.expectedChanges} made), deviation ${r.deviation}`;
    results.push({
      name, rows: r.rows, rowsPerSec: Math.round(r.rows / (r.ms / 1000)), wallMs: r.ms, peakRssMb: r.peakRssMb, rowsTransferred: r.transferred,
      ratios: { native: null, pgloader: null }, note,
    });
    console.log(`${name}: ${note}, peak RSS ${r.peakRssMb} MB`);
  }
  await dropEverywhere([RERUN_TABLE]);
}

async function writeReport(results: Row[], pending: Promise<void>): Promise<void> {
  await pending;
  const report = { machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`, date: new Date().toISOString(), quick, scenarios: results };
  const dir = path.join(here, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${only ? 'rerun' : 'latest'}.json`), `${JSON.stringify(report, null, 2)}\n`);
  const md = [
    `# ExNode bench ${report.date} (${quick ? 'quick' : 'full'})`, '', `Machine: ${report.machine}`, '',
    '| scenario | rows | rows/s | wall ms | peak RSS MB | rows transferred | × native | × pgloader | note |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...results.map((r) => `| ${r.name} | ${r.rows ?? '-'} | ${r.rowsPerSec ?? '-'} | ${r.wallMs ?? '-'} | ${r.peakRssMb ?? '-'} | ${r.rowsTransferred ?? '-'} | ${r.ratios.native ?? '-'} | ${r.ratios.pgloader ?? '-'} | ${r.note ?? ''} |`),
  ].join('\n');
  fs.writeFileSync(path.join(dir, `${only ? 'rerun' : 'latest'}.md`), `${md}\n`);
  console.log(`\n${md}\n\nWritten to bench/results/${only ? 'rerun' : 'latest'}.json and .md`);
}

await main();
