/**
 * Profiles the re-run of one steady-state scenario:
 *   node --max-old-space-size=256 --import tsx bench/profile-rerun.ts rerun:composite:full:mysql-postgres 300000 [out.cpuprofile] [--first]
 * Prints wall and CPU time of the first load and of the re-run; `--first` profiles the first load instead. On a machine other developers load,
 * the process's CPU time is the figure to compare (wall time is mostly waiting for a core); the
 * profile (open it in Chrome's DevTools) says where that time goes. Needs the bench's source tables
 * of that many rows: run `npm run bench -- --only <scenario> --rows <rows>` once first.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { RunRecord } from '../shared/index.js';
import { Engine } from '../electron/engine/engine.js';
import { TEST_ACTOR } from '../test/support/actors.js';
import { tempDir } from '../test/support/temp.js';
import { dropEverywhere, MYSQL, POSTGRES } from './native.js';
import { TABLES } from './tables.js';
import { changeRerunSource, parseRerun, prepareRerunSource, RERUN_TABLE } from './rerun.js';

const args = process.argv.slice(2);
const profileFirst = args.includes('--first');
const [name, rowsArg, out] = args.filter((a) => a !== '--first');
const rows = Number(rowsArg);
const spec = parseRerun(name ?? '');
if (!spec) throw new Error(`usage: bench/profile-rerun.ts rerun:<single|composite>:<full|diff>:<pair> <rows> [out.cpuprofile]`);
await dropEverywhere([TABLES.exnodeTarget, 'exn_state', RERUN_TABLE]);
const tmp = tempDir('exnode-prof-');
const engine = await Engine.open({ dataDir: tmp.dir });
const call = <T>(op: string, input: unknown) => engine.call(op, input, TEST_ACTOR) as Promise<T>;
await call('connections/save', { config: { name: 'maria', dialect: 'mysql', ...MYSQL, password: undefined } });
await call('connections/save', { config: { name: 'pg', dialect: 'postgres', ...POSTGRES } });
await prepareRerunSource(spec);
if (spec.pair === 'mysql-postgres') await call('exchange/set', { config: { name: 'pgx', dialect: 'postgres', ...POSTGRES } });
const source = { connection: spec.pair === 'postgres-mysql' ? 'pg' : 'maria', table: RERUN_TABLE };
const target = spec.pair === 'postgres-mysql' ? { connection: 'maria', table: TABLES.exnodeTarget } : { table: TABLES.exnodeTarget };
await call('bridges/save', { config: { name: 'b', source, target, mode: spec.mode } });
/** One run, timed: wall and the process's user CPU (the SQLite write thread included). */
const run = async () => {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const r = await call<RunRecord>('bridges/run', { name: 'b', wait: true });
  if (r.status !== 'succeeded') throw new Error(r.error?.message ?? r.status);
  return { ms: Math.round(performance.now() - wall), cpuMs: Math.round(process.cpuUsage(cpu).user / 1000), sender: r.sender, deviation: r.deviation.total };
};
// Only one run is profiled (sampling costs some CPU of its own).
const session = new Session();
const profiled = async () => {
  if (!out) return run();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  const result = await run();
  fs.writeFileSync(out, JSON.stringify((await session.post('Profiler.stop')).profile));
  session.disconnect();
  return result;
};
const first = profileFirst ? await profiled() : await run();
const expectedChanges = await changeRerunSource(spec, rows);
const rerun = profileFirst ? await run() : await profiled();
console.log(JSON.stringify({ name, rows, first, rerun, expectedChanges, cpuRatio: Math.round((rerun.cpuMs / first.cpuMs) * 100) / 100 }));
await engine.close();
tmp.remove();
