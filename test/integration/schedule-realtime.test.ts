import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineEvent, RunRecord } from '../../shared/index.js';
import { Engine } from '../../electron/engine/engine.js';
import { TEST_ACTOR } from '../support/actors.js';
import { allowTempSqliteFiles } from '../support/sqlite-dirs.js';
import { tempDir } from '../support/temp.js';

const BRIDGES = 50;
const SECONDS = 30;
const tmp = tempDir('exnode-schedule-');
afterAll(() => tmp.remove());

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

describe('the scheduler in real time', () => {
  it(`runs ${BRIDGES} bridges on 1-second schedules for ${SECONDS} s: no overlap, every fire accounted for`, async () => {
    const business = path.join(tmp.dir, 'business.sqlite');
    const db = new Database(business);
    db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, qty INTEGER NOT NULL)');
    const insert = db.prepare('INSERT INTO items VALUES (?, ?, ?)');
    for (let i = 1; i <= 200; i++) insert.run(i, `item ${i}`, i % 7);
    db.close();

    const engine = await Engine.open({ dataDir: path.join(tmp.dir, 'data'), runSchedules: true });
    await allowTempSqliteFiles(engine);
    const call = <T>(op: string, input: unknown) => engine.call(op, input, TEST_ACTOR) as Promise<T>;
    await call('settings/set', { runnerConcurrency: 4 });
    await call('connections/save', { config: { name: 'biz', dialect: 'sqlite', filename: business } });
    for (let i = 0; i < BRIDGES; i++) {
      const name = `b${String(i).padStart(2, '0')}`;
      await call('bridges/save', { config: { name, source: { connection: 'biz', table: 'items' }, target: { table: `items_${name}` } } });
      await call('schedules/set', { name, spec: { kind: 'interval', every: '1s' } });
    }

    // Overlap is watched live: a bridge must never be seen running while its previous run is unfinished.
    const active = new Map<string, string>();
    const overlaps: string[] = [];
    const off = engine.events.subscribe((event: EngineEvent) => {
      if (event.type !== 'run.updated') return;
      const run = event.payload as RunRecord;
      const holder = active.get(run.bridgeName);
      if (run.status === 'running') {
        if (holder && holder !== run.id) overlaps.push(`${run.bridgeName}: ${holder} and ${run.id}`);
        active.set(run.bridgeName, run.id);
      } else if (run.finishedAt && holder === run.id) {
        active.delete(run.bridgeName);
      }
    });

    for (let i = 0; i < BRIDGES; i++) await call('schedules/deploy', { name: `b${String(i).padStart(2, '0')}` });
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    for (let i = 0; i < BRIDGES; i++) await call('schedules/stop', { name: `b${String(i).padStart(2, '0')}` });
    await engine.schedules.scheduler.settled();
    // Let the runs under way end.
    for (let waited = 0; waited < 60_000; waited += 250) {
      const open = await engine.db('runs').whereIn('status', ['queued', 'running']).count({ n: '*' }).first();
      if (Number(open?.n) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    off();

    const fires = engine.schedules.fireDelays;
    const counts = engine.schedules.scheduler.counts;
    const runs = await engine.db('runs').where({ trigger: 'schedule' }).select('bridge_name', 'status', 'scheduled_for', 'started_at', 'finished_at') as
      { bridge_name: string; status: string; scheduled_for: string; started_at: string; finished_at: string | null }[];
    const byStatus = runs.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});
    const delays = fires.map((f) => f.delayMs).sort((a, b) => a - b);
    console.log(`schedule-realtime: ${counts.planned} planned fires handed out as ${counts.handedOut} (late ones merged by the missed-fire policy) in ${((Date.now() - started) / 1000).toFixed(1)} s; runs by status ${JSON.stringify(byStatus)}; `
      + `fire delay median ${quantile(delays, 0.5)} ms, p99 ${quantile(delays, 0.99)} ms, worst ${delays[delays.length - 1]} ms`);

    expect(overlaps).toEqual([]);
    // Every planned instant of every bridge is covered; each fire handed out is one run record (ran, or skipped with its reason).
    expect(counts.planned).toBeGreaterThanOrEqual(BRIDGES * (SECONDS - 2));
    expect(runs.length).toBe(counts.handedOut);
    expect(runs.filter((r) => r.status === 'queued' || r.status === 'running')).toEqual([]);
    expect(runs.filter((r) => r.status === 'failed')).toEqual([]);
    expect((byStatus.succeeded ?? 0) + (byStatus.skipped ?? 0) + (byStatus.cancelled ?? 0)).toBe(runs.length);
    // One record per bridge and planned time: no fire handed out twice.
    expect(new Set(runs.map((r) => `${r.bridge_name}@${r.scheduled_for}`)).size).toBe(runs.length);
    const skipped = await engine.db('runs').where({ status: 'skipped' }).whereNull('skipped_reason').count({ n: '*' }).first();
    expect(Number(skipped?.n)).toBe(0);
    await engine.close();
  });
});
