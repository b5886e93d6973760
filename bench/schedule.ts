/**
 * Bench scenario `schedule`: 200 bridges on 1-second schedules for 60 s against SQLite; fire delay
 * (planned time to the tick noted) median and p99, the hand-over (planned time to the run queued or the
 * skip recorded) median and p99, and the engine's CPU share while schedules
 * are deployed but nothing is due. Runnable alone: node --import tsx bench/schedule.ts [bridges] [seconds]
 * Prints one JSON line last. Targets: median < 50 ms, p99 < 500 ms, idle CPU < 2 %.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { Engine } from '../electron/engine/engine.js';
import { TEST_ACTOR } from '../test/support/actors.js';
import { tempDir } from '../test/support/temp.js';
import { allowTempSqliteFiles } from '../test/support/sqlite-dirs.js';

const bridges = Number(process.argv[2] ?? 200);
const seconds = Number(process.argv[3] ?? 60);
const IDLE_SECONDS = 15;

const tmp = tempDir('exnode-bench-schedule-');
const business = path.join(tmp.dir, 'business.sqlite');
const db = new Database(business);
db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
for (let i = 1; i <= 100; i++) db.prepare('INSERT INTO items VALUES (?, ?)').run(i, `item ${i}`);
db.close();

const engine = await Engine.open({ dataDir: path.join(tmp.dir, 'data'), runSchedules: true });
await allowTempSqliteFiles(engine);
const call = (op: string, input: unknown) => engine.call(op, input, TEST_ACTOR);
const names = Array.from({ length: bridges }, (_, i) => `b${String(i).padStart(3, '0')}`);
await call('connections/save', { config: { name: 'biz', dialect: 'sqlite', filename: business } });
for (const name of names) {
  await call('bridges/save', { config: { name, source: { connection: 'biz', table: 'items' }, target: { table: `t_${name}` } } });
  await call('schedules/set', { name, spec: { kind: 'interval', every: '1s' } });
}
for (const name of names) await call('schedules/deploy', { name });
const started = Date.now();
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));

// Idle: stop everything (queued runs are dropped, running ones end after their batch), then deploy the
// same bridges due once an hour: what the engine costs between fires.
const fireDelays = [...engine.schedules.fireDelays];
const handOver = [...engine.schedules.handOverDelays].sort((a, b) => a - b);
const counts = { ...engine.schedules.scheduler.counts };
for (const name of names) await call('schedules/stop', { name });
await engine.schedules.scheduler.settled();
for (let i = 0; i < 240; i++) {
  const open = await engine.db('runs').whereIn('status', ['queued', 'running']).count({ n: '*' }).first();
  if (Number(open?.n) === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 500));
}
for (const name of names) {
  await call('schedules/set', { name, spec: { kind: 'interval', every: '1h' } });
  await call('schedules/deploy', { name });
}
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await new Promise((resolve) => setTimeout(resolve, IDLE_SECONDS * 1000));
const cpu = process.cpuUsage(cpu0);
const idleCpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - t0)) * 100;

const delays = fireDelays.map((f) => f.delayMs).sort((a, b) => a - b);
const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? null;
const q = (p: number) => quantile(delays, p);
const byStatus = Object.fromEntries((await engine.db('runs').select('status').count({ n: '*' }).groupBy('status') as { status: string; n: number }[]).map((r) => [r.status, Number(r.n)]));
// Every fire accounted for: one audit entry per fire handed out, and the chain verifies.
const fireAudits = Number((await engine.db('audit_events').where({ operation: 'schedule/fire' }).count({ n: '*' }).first())?.n ?? 0);
const auditChainOk = (await engine.audit.verify()).ok;
await engine.close();
tmp.remove();

const result = {
  name: 'schedule', bridges, seconds, wallMs: Date.now() - started,
  plannedFires: counts.planned, handedOut: counts.handedOut, onTimeFires: delays.length,
  fireDelayMs: { median: q(0.5), p99: q(0.99), worst: delays.at(-1) ?? null },
  // Planned time to the run queued or the skip recorded (its record committed): what a fire really waits.
  handOverMs: { median: quantile(handOver, 0.5), p99: quantile(handOver, 0.99), worst: handOver.at(-1) ?? null },
  idleCpuPercent: Math.round(idleCpuPercent * 100) / 100,
  runs: byStatus, fireAudits, auditChainOk,
  targets: { medianMs: 50, p99Ms: 500, idleCpuPercent: 2 },
};
console.log(`schedule: ${bridges} bridges × ${seconds} s: fire delay median ${result.fireDelayMs.median} ms, p99 ${result.fireDelayMs.p99} ms; hand-over median ${result.handOverMs.median} ms, p99 ${result.handOverMs.p99} ms; idle CPU ${result.idleCpuPercent}%; runs ${JSON.stringify(byStatus)}; audit entries of fires ${fireAudits}, chain ${auditChainOk ? 'verifies' : 'BROKEN'}`);
console.log(JSON.stringify(result));
