/**
 * Bench scenario `dashboard`: 1,000 bridges and 1,000,000 finished runs (a year of history) in the
 * state store, then the median of 20 calls of each API the dashboard and the reconciliation record
 * page make. Targets: dashboard and record calls < 200 ms, the runs table's first page < 100 ms.
 * Alone: `npm run bench -- dashboard` (or `node --import tsx bench/dashboard.ts [runs]`).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Engine } from '../electron/engine/engine.js';
import { TEST_ACTOR } from '../test/support/actors.js';
import { tempDir } from '../test/support/temp.js';
import { DAILY_COLUMNS, DAILY_SUMS } from '../electron/engine/monitor/daily-columns.js';

export interface DashboardTiming { call: string; medianMs: number; targetMs: number; ok: boolean }
export interface DashboardBench { bridges: number; runs: number; loadMs: number; timings: DashboardTiming[] }

const BRIDGES = 1000;
const DAY = 86_400_000;

function fill(file: string, runs: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  const now = Date.now();
  const bridge = db.prepare('INSERT INTO bridges (id, name, config_json, enabled, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)');
  const run = db.prepare(`INSERT INTO runs (id, bridge_id, bridge_name, mode, direction, trigger, status, started_at, finished_at, sender_json, receiver_json, progress_json, error_code, error_message, owner_pid, cancel_requested)
    VALUES (?, ?, ?, 'full', 'send', 'schedule', ?, ?, ?, ?, ?, '{"phase":"done","rowsRead":0,"estimatedTotal":null}', ?, ?, NULL, 0)`);
  const stat = db.prepare(`INSERT INTO monitor_run_stats VALUES (?, ?, ?, 'full', 'send', ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, 0, 0, ?, ?)`);
  const alert = db.prepare(`INSERT INTO alerts (kind, severity, subject, bridge, status, first_seen, last_seen, count, message_json)
    VALUES ('deviation', 'critical', ?, ?, ?, ?, ?, 1, '{"key":"alerts.deviation","params":{}}')`);
  db.transaction(() => {
    const created = new Date(now - 400 * DAY).toISOString();
    for (let b = 0; b < BRIDGES; b++) {
      bridge.run(`br_${b}`, `bridge-${b}`, JSON.stringify({ name: `bridge-${b}`, source: { connection: 'x', table: `t${b}` }, mode: 'full' }), created, created);
    }
  })();
  const perBatch = 50_000;
  for (let start = 0; start < runs; start += perBatch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(runs, start + perBatch); i++) {
        const b = i % BRIDGES;
        const started = now - Math.floor(((runs - i) / runs) * 365 * DAY);
        const startedAt = new Date(started).toISOString();
        const finishedAt = new Date(started + 1000 + (i % 600) * 100).toISOString();
        const failed = i % 97 === 0;
        const read = 1000 + (i % 5000);
        const ins = failed ? 0 : i % 50;
        const dropped = !failed && i % 331 === 0 ? 1 : 0;
        const status = failed ? 'failed' : 'succeeded';
        const recon = failed ? 'not-reconciled' : dropped ? 'deviation' : 'reconciled';
        run.run(`run_${i}`, `br_${b}`, `bridge-${b}`, status, startedAt, finishedAt,
          JSON.stringify({ total: read, inserted: ins, updated: 0, deleted: 0 }), JSON.stringify({ inserted: ins - dropped, updated: 0, deleted: 0, rejected: 0 }),
          failed ? 'CONNECTION_REFUSED' : null, failed ? 'connection refused' : null);
        stat.run(`run_${i}`, `br_${b}`, `bridge-${b}`, status, recon, startedAt, finishedAt, 1000 + (i % 600) * 100, read, ins, ins - dropped, 0, dropped);
      }
    })();
  }
  db.transaction(() => {
    for (let a = 0; a < 5000; a++) {
      const at = new Date(now - (5000 - a) * 3_600_000).toISOString();
      alert.run(`bridge:br_${a % BRIDGES}:${a}`, `bridge-${a % BRIDGES}`, a > 4900 ? 'open' : 'resolved', at, at);
    }
  })();
  // What the engine keeps as runs finish, summed once here for the loaded history.
  db.exec(`INSERT INTO monitor_daily_stats (day, bridge_name, ${DAILY_COLUMNS.join(', ')})
    SELECT substr(datetime(started_at, '+480 minutes'), 1, 10), bridge_name, ${DAILY_SUMS.join(', ')} FROM monitor_run_stats GROUP BY 1, 2`);
  db.pragma('optimize');
  db.close();
}

async function median(work: () => Promise<unknown>, times = 20): Promise<number> {
  const ms: number[] = [];
  await work();
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return Math.round(((ms[9]! + ms[10]!) / 2) * 10) / 10;
}

export async function benchDashboard(runs = 1_000_000): Promise<DashboardBench> {
  const tmp = tempDir('exnode-bench-dashboard-');
  try {
    let engine = await Engine.open({ dataDir: tmp.dir });
    await engine.close();
    const loadStarted = performance.now();
    fill(path.join(tmp.dir, 'state.sqlite'), runs);
    const loadMs = Math.round(performance.now() - loadStarted);
    engine = await Engine.open({ dataDir: tmp.dir });
    const call = (op: string, input: unknown) => () => engine.call(op, input, TEST_ACTOR);
    const month = { from: new Date(Date.now() - 30 * DAY).toISOString() };
    const timings: DashboardTiming[] = [];
    const time = async (name: string, targetMs: number, work: () => Promise<unknown>) => {
      const medianMs = await median(work);
      timings.push({ call: name, medianMs, targetMs, ok: medianMs < targetMs });
    };
    await time('monitor/dashboard', 200, call('monitor/dashboard', {}));
    await time('alerts/list (open)', 200, call('alerts/list', { open: true, limit: 20 }));
    await time('monitor/records (30 days, page 1)', 200, call('monitor/records', { ...month, limit: 50 }));
    await time('monitor/records (one bridge, deviation only)', 200, call('monitor/records', { bridge: 'bridge-7', deviationOnly: true, limit: 50 }));
    await time('monitor/aggregates by day (30 days)', 200, call('monitor/aggregates', { ...month, by: 'day' }));
    await time('monitor/aggregates by bridge (30 days)', 200, call('monitor/aggregates', { ...month, by: 'bridge' }));
    await time('runs/list (first page)', 100, call('runs/list', { limit: 50 }));
    await engine.close();
    return { bridges: BRIDGES, runs, loadMs, timings };
  } finally {
    tmp.remove();
  }
}

export function formatDashboardBench(r: DashboardBench): string {
  return [
    `dashboard: ${r.bridges.toLocaleString()} bridges, ${r.runs.toLocaleString()} runs (loaded in ${r.loadMs} ms); median of 20 calls:`,
    ...r.timings.map((t) => `  ${t.call.padEnd(48)} ${String(t.medianMs).padStart(7)} ms  (target < ${t.targetMs} ms) ${t.ok ? 'ok' : 'TOO SLOW'}`),
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = await benchDashboard(Number(process.argv[2] ?? 1_000_000));
  console.log(formatDashboardBench(result));
  process.exitCode = result.timings.every((t) => t.ok) ? 0 : 1;
}
