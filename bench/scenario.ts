/**
 * One bench scenario in its own process, so that its peak memory is ExNode's alone.
 * Usage: node --import tsx bench/scenario.ts <name> <rows> ; prints one JSON line.
 */
import type { Reconciliation, RunRecord } from '../shared/index.js';
import { Engine } from '../electron/engine/engine.js';
import { TEST_ACTOR } from '../test/support/actors.js';
import { tempDir } from '../test/support/temp.js';
import { MYSQL, POSTGRES, mysqlConnection } from './native.js';
import { TABLES } from './tables.js';
import { changeRerunSource, parseRerun, prepareRerunSource, RERUN_TABLE } from './rerun.js';

const [name, rowsArg] = process.argv.slice(2);
const rows = Number(rowsArg);

const tmp = tempDir('exnode-bench-');
const engine = await Engine.open({ dataDir: tmp.dir });
const call = <T>(op: string, input: unknown) => engine.call(op, input, TEST_ACTOR) as Promise<T>;
const run = async (bridge: string) => {
  const record = await call<RunRecord>('bridges/run', { name: bridge, wait: true });
  if (record.status !== 'succeeded') throw new Error(`${bridge}: ${record.error?.message ?? record.status}`);
  return record;
};
/** What a scenario reports of the operation it timed. */
interface Measured {
  ms: number;
  rows: number;
  transferred: number;
  changes: number;
  deviation: number;
}
const measure = async (bridge: string): Promise<Measured> => {
  const started = performance.now();
  const record = await run(bridge);
  return {
    ms: performance.now() - started, rows: record.sender.total, transferred: record.progress.rowsTransferred ?? record.sender.total,
    changes: record.sender.inserted + record.sender.updated + record.sender.deleted, deviation: record.deviation.total,
  };
};

await call('connections/save', { config: { name: 'maria', dialect: 'mysql', ...MYSQL, password: undefined } });
await call('connections/save', { config: { name: 'pg', dialect: 'postgres', ...POSTGRES } });
const pgExchange = { name: 'pgx', dialect: 'postgres', ...POSTGRES };

let result: Measured;
let extra: Record<string, unknown> = {};
switch (name) {
  case 'full-mysql-postgres':
    await call('exchange/set', { config: pgExchange });
    await call('bridges/save', { config: { name: 'b', source: { connection: 'maria', table: TABLES.mysqlSource }, target: { table: TABLES.exnodeTarget } } });
    result = await measure('b');
    break;
  case 'full-mysql-sqlite':
    await call('bridges/save', { config: { name: 'b', source: { connection: 'maria', table: TABLES.mysqlSource }, target: { table: TABLES.exnodeTarget } } });
    result = await measure('b');
    break;
  case 'full-postgres-mysql':
    await call('bridges/save', { config: { name: 'b', source: { connection: 'pg', table: TABLES.postgresSource }, target: { connection: 'maria', table: TABLES.exnodeTarget } } });
    result = await measure('b');
    break;
  case 'incremental': {
    await call('bridges/save', { config: { name: 'b', source: { connection: 'maria', table: TABLES.mysqlIncremental }, target: { table: TABLES.exnodeTarget }, mode: 'incremental', cursor: ['created_at'] } });
    await run('b');
    const conn = await mysqlConnection();
    const changed = Math.max(1, Math.round(rows * 0.001));
    await conn.query(`UPDATE ${TABLES.mysqlIncremental} SET created_at = '2030-01-01 00:00:00', amount = amount + 1 ORDER BY id DESC LIMIT ?`, [changed]);
    await conn.end();
    result = await measure('b');
    break;
  }
  case 'diff': {
    await call('bridges/save', { config: { name: 'b', source: { connection: 'maria', table: TABLES.mysqlDiff }, target: { table: TABLES.exnodeTarget }, mode: 'diff' } });
    await run('b');
    const conn = await mysqlConnection();
    const step = 300; // 1/300 updated, 1/300 deleted, 1/300 inserted: 1% in all
    await conn.query(`UPDATE ${TABLES.mysqlDiff} SET amount = amount + 1 WHERE id % ${step} = 7`);
    await conn.query(`DELETE FROM ${TABLES.mysqlDiff} WHERE id % ${step} = 11`);
    await conn.query(`INSERT INTO ${TABLES.mysqlDiff} SELECT id + ${rows}, name, citizen_id, amount, created_at, note FROM ${TABLES.mysqlDiff} WHERE id % ${step} = 13`);
    result = await measure('b');
    // The same amount of change where applications usually make it: among the newest 1% of keys.
    // Reported next to the spread case, which is the worst case for key ranges (every range changes).
    const newest = Math.floor(rows * 0.99);
    await conn.query(`UPDATE ${TABLES.mysqlDiff} SET amount = amount + 1 WHERE id > ? AND id % 3 = 0`, [newest]);
    await conn.query(`DELETE FROM ${TABLES.mysqlDiff} WHERE id > ? AND id <= ? AND id % 3 = 1`, [newest, rows]);
    await conn.query(`INSERT INTO ${TABLES.mysqlDiff} SELECT id + ${2 * rows}, name, citizen_id, amount, created_at, note FROM ${TABLES.mysqlDiff} WHERE id > ? AND id <= ? AND id % 3 = 2`, [newest, rows]);
    await conn.end();
    extra = { clustered: await measure('b').then((m) => ({ ms: Math.round(m.ms), transferred: m.transferred })) };
    break;
  }
  case 'reconcile': {
    await call('exchange/set', { config: pgExchange });
    await call('bridges/save', { config: { name: 'b', source: { connection: 'maria', table: TABLES.mysqlSource }, target: { table: TABLES.exnodeTarget } } });
    await run('b');
    const started = performance.now();
    const r = await call<Reconciliation>('bridges/reconcile', { name: 'b' });
    result = { ms: performance.now() - started, rows: r.sourceRows, transferred: r.sourceRows + r.targetRows, changes: 0, deviation: r.deviation };
    break;
  }
  case 'receive': {
    // The business table already holds every row; then 10% of the source changes (a third each
    // updated, deleted, inserted) and is sent: the measured receive run applies those changes.
    const conn = await mysqlConnection();
    await conn.query(`DROP TABLE IF EXISTS ${TABLES.mysqlReceiveSource}`);
    await conn.query(`CREATE TABLE ${TABLES.mysqlReceiveSource} LIKE ${TABLES.mysqlSource}`);
    await conn.query(`INSERT INTO ${TABLES.mysqlReceiveSource} SELECT * FROM ${TABLES.mysqlSource}`);
    await call('bridges/save', { config: { name: 'out', source: { connection: 'maria', table: TABLES.mysqlReceiveSource }, target: { table: TABLES.exnodeTarget } } });
    await run('out');
    await call('bridges/save', { config: { name: 'b', direction: 'receive', source: { connection: 'exchange', table: TABLES.exnodeTarget }, target: { connection: 'maria', table: TABLES.mysqlReceive } } });
    await run('b');
    await conn.query(`UPDATE ${TABLES.mysqlReceiveSource} SET amount = amount + 1 WHERE id % 30 = 3`);
    await conn.query(`DELETE FROM ${TABLES.mysqlReceiveSource} WHERE id % 30 = 13`);
    await conn.query(`INSERT INTO ${TABLES.mysqlReceiveSource} SELECT id + ${rows}, name, citizen_id, amount, created_at, note FROM ${TABLES.mysqlReceiveSource} WHERE id % 30 = 23`);
    await run('out');
    await conn.query(`DROP TABLE ${TABLES.mysqlReceiveSource}`);
    await conn.end();
    result = await measure('b');
    break;
  }
  default: {
    const spec = parseRerun(name!);
    if (!spec) throw new Error(`unknown scenario ${name}`);
    await prepareRerunSource(spec);
    if (spec.pair === 'mysql-postgres') await call('exchange/set', { config: pgExchange });
    const source = { connection: spec.pair === 'postgres-mysql' ? 'pg' : 'maria', table: RERUN_TABLE };
    const target = spec.pair === 'postgres-mysql' ? { connection: 'maria', table: TABLES.exnodeTarget } : { table: TABLES.exnodeTarget };
    await call('bridges/save', { config: { name: 'b', source, target, mode: spec.mode } });
    const first = await measure('b');
    const expected = await changeRerunSource(spec, rows);
    result = await measure('b');
    extra = { firstLoad: { ms: Math.round(first.ms), rows: first.rows }, expectedChanges: expected, ratio: Math.round((result.ms / first.ms) * 100) / 100 };
  }
}

process.stdout.write(`${JSON.stringify({
  name, rows: result.rows, ms: Math.round(result.ms), transferred: result.transferred, changes: result.changes, deviation: result.deviation,
  peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  ...extra,
})}\n`);
await engine.close();
tmp.remove();
