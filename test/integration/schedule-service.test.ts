import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { EXNODE_COMMAND, EXNODE_ENV, exnode } from '../support/cli.js';
import { readyNode } from '../support/node-setup.js';
import { tempDir } from '../support/temp.js';

const tmp = tempDir('exnode-service-');
const dataDir = path.join(tmp.dir, 'data');
let env: NodeJS.ProcessEnv = {};
const cli = (...args: string[]) => exnode(['--data-dir', dataDir, ...args], { env });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const services: ChildProcess[] = [];

afterAll(() => {
  for (const child of services) if (child.exitCode === null) child.kill('SIGKILL');
  tmp.remove();
});

/** `exnode serve` in a process of its own; resolves with its address once it listens. */
function startService(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...EXNODE_COMMAND, '--data-dir', dataDir, 'serve', '--port', '0', '--json'], { env: { ...EXNODE_ENV, ...env } });
    services.push(child);
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      try {
        resolve({ child, url: (JSON.parse(out) as { url: string }).url });
      } catch {
        // not all of it yet
      }
    });
    child.on('close', (code) => reject(new Error(`exnode serve exited with ${code}: ${err}`)));
  });
}

function stopService(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.on('close', () => resolve());
    child.kill('SIGTERM');
  });
}

interface Row {
  id: string;
  bridge_name: string;
  status: string;
  trigger: string;
  scheduled_for: string | null;
  started_at: string;
  finished_at: string | null;
  lease_owner: string | null;
}

function stateRuns(): Row[] {
  const db = new Database(path.join(dataDir, 'state.sqlite'), { readonly: true, timeout: 5000 });
  try {
    return db.prepare('SELECT id, bridge_name, status, trigger, scheduled_for, started_at, finished_at, lease_owner FROM runs ORDER BY started_at').all() as Row[];
  } finally {
    db.close();
  }
}

function missedRuns(): string[] {
  const db = new Database(path.join(dataDir, 'state.sqlite'), { readonly: true, timeout: 5000 });
  try {
    return (db.prepare(`SELECT DISTINCT run_id FROM run_logs WHERE message_key = 'schedule.runMissed'`).all() as { run_id: string }[]).map((r) => r.run_id);
  } finally {
    db.close();
  }
}

describe('schedules in the headless service', () => {
  it('keeps firing across a restart without running anything twice, and takes CLI runs into its own queue', async () => {
    env = await readyNode(dataDir);
    const business = path.join(tmp.dir, 'business.sqlite');
    const biz = new Database(business);
    biz.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    for (let i = 1; i <= 500; i++) biz.prepare('INSERT INTO items VALUES (?, ?)').run(i, `item ${i}`);
    biz.close();
    fs.writeFileSync(path.join(tmp.dir, 'c.json'), JSON.stringify({ name: 'biz', dialect: 'sqlite', filename: business }));
    fs.writeFileSync(path.join(tmp.dir, 't.json'), JSON.stringify({ name: 'ticker', source: { connection: 'biz', table: 'items' }, target: { table: 'items_ticker' } }));
    fs.writeFileSync(path.join(tmp.dir, 'm.json'), JSON.stringify({ name: 'by-hand', source: { connection: 'biz', table: 'items' }, target: { table: 'items_by_hand' } }));
    for (const f of ['c.json']) expect((await cli('connection', 'add', '--file', path.join(tmp.dir, f))).code).toBe(0);
    for (const f of ['t.json', 'm.json']) expect((await cli('bridge', 'add', '--file', path.join(tmp.dir, f))).code).toBe(0);

    const scheduled = await cli('bridge', 'schedule', 'ticker', '--every', '2s', '--json');
    expect(scheduled.code, scheduled.stderr).toBe(0);
    const view = JSON.parse(scheduled.stdout);
    expect(view).toMatchObject({ bridge: 'ticker', spec: { kind: 'interval', every: '2s' }, deployed: false, description: { 'zh-CN': '每 2 秒', en: 'every 2 seconds' } });
    const deployed = JSON.parse((await cli('bridge', 'deploy', 'ticker', '--json')).stdout);
    expect(deployed).toMatchObject({ deployed: true, deployedBy: 'sysadmin' });
    expect(deployed.nextFires).toHaveLength(5);

    const first = await startService();
    await sleep(7000);

    // A command-line run while the service runs goes through the service's queue: the service's process holds its lease.
    const manual = await cli('bridge', 'run', 'by-hand', '--json');
    expect(manual.code, manual.stderr).toBe(0);
    const manualRun = JSON.parse(manual.stdout);
    expect(manualRun).toMatchObject({ bridgeName: 'by-hand', status: 'succeeded', sender: { total: 500 } });
    const owner = stateRuns().find((r) => r.id === manualRun.id)!.lease_owner!;
    expect(owner.split('/')[1]).toBe(String(first.child.pid));

    await stopService(first.child);
    const downAt = Date.now();
    await sleep(5000);
    const second = await startService();
    const upAt = Date.now();
    await sleep(9000);
    const listed = await cli('run', 'list', '--bridge', 'ticker', '--trigger', 'schedule', '--limit', '1000', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const list = JSON.parse(listed.stdout) as { id: string; bridge: string; status: string; trigger: string; skippedReason: string | null }[];
    expect(list.every((r) => r.bridge === 'ticker' && r.trigger === 'schedule')).toBe(true);
    await stopService(second.child);

    const runs = stateRuns().filter((r) => r.bridge_name === 'ticker');
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((l) => runs.some((r) => r.id === l.id))).toBe(true);
    const planned = runs.map((r) => r.scheduled_for!);
    // Nothing ran twice: one record per planned fire.
    expect(new Set(planned).size).toBe(planned.length);
    // The outage's missed fires became one run (policy run-once), recorded after the restart and saying so in its log.
    const missed = missedRuns().filter((id) => runs.some((r) => r.id === id)).map((id) => Date.parse(runs.find((r) => r.id === id)!.scheduled_for!));
    expect(missed.filter((t) => t > downAt && t < upAt)).toHaveLength(1);
    // After the restart the fires go on, every 2 s.
    const after = runs.map((r) => Date.parse(r.scheduled_for!)).filter((t) => t >= upAt).sort((a, b) => a - b);
    expect(after.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < after.length; i++) expect((after[i]! - after[i - 1]!) % 2000).toBe(0);
    const before = runs.map((r) => Date.parse(r.scheduled_for!)).filter((t) => t < downAt);
    expect(before.length).toBeGreaterThanOrEqual(2);
    // No two runs of the bridge overlapped.
    const ran = runs.filter((r) => r.status !== 'skipped' && r.finished_at).sort((a, b) => a.started_at.localeCompare(b.started_at));
    for (let i = 1; i < ran.length; i++) expect(ran[i]!.started_at >= ran[i - 1]!.finished_at!).toBe(true);
    console.log(`schedule-service: ${runs.length} scheduled runs (${runs.filter((r) => r.status === 'skipped').length} skipped), fires after restart at +${after.map((t) => t - upAt).join(', +')} ms`);
  });
});
