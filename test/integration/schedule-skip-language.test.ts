import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../electron/engine/engine.js';
import { exnode } from '../support/cli.js';
import { readyNode } from '../support/node-setup.js';
import { tempDir } from '../support/temp.js';

const tmp = tempDir('exnode-skip-lang-');
const dataDir = path.join(tmp.dir, 'data');
let env: NodeJS.ProcessEnv = {};
const cli = (...args: string[]) => exnode(['--data-dir', dataDir, ...args], { env });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterAll(() => tmp.remove());

describe('reasons of skipped runs', () => {
  it('are stored as message keys and read in the viewer\'s language; a reason stored as text before still shows', async () => {
    env = await readyNode(dataDir);
    const business = path.join(tmp.dir, 'business.sqlite');
    const biz = new Database(business);
    biz.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    biz.close();
    fs.writeFileSync(path.join(tmp.dir, 'c.json'), JSON.stringify({ name: 'biz', dialect: 'sqlite', filename: business }));
    fs.writeFileSync(path.join(tmp.dir, 'b.json'), JSON.stringify({ name: 'nightly', source: { connection: 'biz', table: 'items' }, target: { table: 'items_nightly' } }));
    expect((await cli('connection', 'add', '--file', path.join(tmp.dir, 'c.json'))).code).toBe(0);
    expect((await cli('bridge', 'add', '--file', path.join(tmp.dir, 'b.json'))).code).toBe(0);
    expect((await cli('bridge', 'schedule', 'nightly', '--every', '1s', '--missed', 'skip')).code).toBe(0);
    expect((await cli('bridge', 'deploy', 'nightly')).code).toBe(0);

    // No service runs: the fires of the next seconds are missed, and the next start skips them by policy.
    await sleep(2500);
    const engine = await Engine.open({ dataDir, runSchedules: true });
    await engine.schedules.scheduler.settled();
    await engine.call('schedules/stop', { name: 'nightly' }, { name: 'sysadmin', roles: ['sysadmin'], shell: 'cli' });
    await engine.schedules.scheduler.settled();
    await engine.close();

    const state = new Database(path.join(dataDir, 'state.sqlite'), { timeout: 5000 });
    const skippedRow = state.prepare(`SELECT id, skipped_key, skipped_params FROM runs WHERE status = 'skipped' AND skipped_key = 'schedule.skipMissed'`).get() as
      { id: string; skipped_key: string; skipped_params: string } | undefined;
    expect(skippedRow, 'the missed fires are recorded as one skipped run with its key').toBeDefined();
    expect(JSON.parse(skippedRow!.skipped_params)).toMatchObject({ count: expect.any(Number) });
    // A record written before reasons were keys: its zh-CN text is all there is.
    state.prepare(`INSERT INTO runs (id, bridge_id, bridge_name, mode, direction, trigger, status, started_at, finished_at, sender_json, receiver_json, progress_json, skipped_reason)
      SELECT 'run_old_text', bridge_id, bridge_name, mode, direction, trigger, 'skipped', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', sender_json, receiver_json, progress_json,
      '桥接正在运行或排队（运行 run_x），本次触发跳过' FROM runs WHERE id = ?`).run(skippedRow!.id);
    state.close();

    const en = await cli('run', 'list', '--bridge', 'nightly', '--status', 'skipped', '--lang', 'en');
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/skipped \(schedule\).*Missed \d+ fire\(s\) while the node was off or asleep/);
    expect(en.stdout).not.toMatch(/错过/);
    expect(en.stdout).toContain('桥接正在运行或排队（运行 run_x），本次触发跳过');

    const zh = await cli('run', 'list', '--bridge', 'nightly', '--status', 'skipped', '--lang', 'zh-CN');
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toMatch(/已跳过（定时）.*节点停机或休眠期间错过 \d+ 次触发/);
    expect(zh.stdout).not.toMatch(/Missed|skipped/);

    // --json is the same in every language: the English text, and the key and parameters to render it.
    const json = JSON.parse((await cli('run', 'list', '--bridge', 'nightly', '--status', 'skipped', '--json', '--lang', 'zh-CN')).stdout) as
      { id: string; skippedReason: string; skippedReasonRef?: { key: string; params: Record<string, unknown> } }[];
    const fresh = json.find((r) => r.id === skippedRow!.id)!;
    expect(fresh.skippedReason).toMatch(/^Missed \d+ fire\(s\)/);
    expect(fresh.skippedReasonRef).toMatchObject({ key: 'schedule.skipMissed', params: { count: expect.any(Number) } });
    expect(json.find((r) => r.id === 'run_old_text')).toMatchObject({ skippedReason: '桥接正在运行或排队（运行 run_x），本次触发跳过' });
    expect(json.find((r) => r.id === 'run_old_text')!.skippedReasonRef).toBeUndefined();
  }, 300_000);
});
