import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exnode } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { readyNode } from '../support/node-setup.js';

/** `exnode bridge run NAME --full-once` and the data check that proposes it (issue 14). */
const tmp = tempDir();
const dataDir = path.join(tmp.dir, 'data');
let env: NodeJS.ProcessEnv = {};
const cli = (...args: string[]) => exnode(['--data-dir', dataDir, ...args], { env });

beforeAll(async () => {
  env = await readyNode(dataDir);
});
afterAll(() => tmp.remove());

describe('exnode bridge run --full-once', () => {
  it('repairs the deletes an incremental bridge missed, after the data check proposed it', async () => {
    expect((await cli('demo', '--rows', '300', '--json')).code).toBe(0);
    const bridgeFile = path.join(tmp.dir, 'incr.json');
    fs.writeFileSync(bridgeFile, JSON.stringify({
      name: 'birth-incr', source: { connection: 'demo-birth-registry', table: 'birth_certificate' }, target: { table: 'birth_incr' }, mode: 'incremental', cursor: ['issue_time'],
    }));
    expect((await cli('bridge', 'add', '--file', bridgeFile)).code).toBe(0);
    expect(JSON.parse((await cli('bridge', 'run', 'birth-incr', '--json')).stdout)).toMatchObject({ status: 'succeeded', sender: { inserted: 300 } });

    const business = new Database(path.join(dataDir, 'demo', 'birth-registry.sqlite'));
    business.prepare('DELETE FROM birth_certificate WHERE cert_no IN (SELECT cert_no FROM birth_certificate ORDER BY cert_no LIMIT 3)').run();
    business.close();
    expect(JSON.parse((await cli('bridge', 'run', 'birth-incr', '--json')).stdout)).toMatchObject({ mode: 'incremental', sender: { total: 0, deleted: 0 } });

    const check = await cli('--lang', 'zh-CN', 'bridge', 'reconcile', 'birth-incr');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('增量桥接看不到来源表中删除的行');
    expect(check.stdout).toContain('exnode bridge run birth-incr --full-once');
    const checkJson = await cli('--lang', 'en', 'bridge', 'reconcile', 'birth-incr', '--json');
    expect(JSON.parse(checkJson.stdout)).toMatchObject({ extra: 3, deviation: 3, proposeFullOnce: true });

    const full = await cli('bridge', 'run', 'birth-incr', '--full-once', '--json');
    expect(full.code, full.stderr).toBe(0);
    expect(JSON.parse(full.stdout)).toMatchObject({ mode: 'full', status: 'succeeded', sender: { total: 297, inserted: 0, updated: 0, deleted: 3 }, receiver: { deleted: 3 } });
    const after = await cli('bridge', 'reconcile', 'birth-incr');
    expect(after.code, after.stdout).toBe(0);
    expect(after.stdout).not.toContain('--full-once');
  });

  it('refuses it for a bridge that reads every row anyway, in the language asked for', async () => {
    const zh = await cli('--lang', 'zh-CN', 'bridge', 'run', 'demo-birth-certificates', '--full-once');
    expect(zh.code).not.toBe(0);
    expect(zh.stderr).toContain('只适用于上报方向的增量桥接');
    const en = await cli('--lang', 'en', 'bridge', 'run', 'demo-birth-certificates', '--full-once');
    expect(en.stderr).toContain('applies to incremental send bridges only');
  });
});
