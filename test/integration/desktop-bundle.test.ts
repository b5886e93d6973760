import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_ENV, ENGINE_EXEC_ARGV } from '../../electron/engine/memory.js';
import { tempDir } from '../support/temp.js';
import { TEST_ADMINS } from '../support/node-setup.js';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist/electron');
const secret = 'bundle-test-secret-0123456789abcdef';

/**
 * The desktop shell runs the engine from its esbuild bundle, not from the TypeScript sources the
 * other tests load: this builds it and runs a bridge through it (Electron itself cannot start here).
 */
describe('the bundled desktop engine', () => {
  const tmp = tempDir('exnode-bundle-');
  let host: ChildProcess;
  let url = '';
  let token = '';

  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs')], { cwd: root, stdio: 'pipe' });
    host = fork(path.join(dist, 'engine-host.mjs'), [], {
      execArgv: [...ENGINE_EXEC_ARGV], stdio: 'pipe',
      env: { ...process.env, ...ENGINE_ENV, EXNODE_SESSION_SECRET: secret, EXNODE_DATA_DIR: tmp.dir },
    });
    url = await new Promise<string>((resolve, reject) => {
      host.on('message', (m: { type: string; url?: string; message?: string }) => {
        if (m.type === 'ready') resolve(m.url!);
        if (m.type === 'failed') reject(new Error(m.message));
      });
      host.on('exit', (code) => reject(new Error(`the engine host exited with code ${code}`)));
    });
    const post = (name: string, body: unknown) => fetch(new URL(`/api/ops/${name}`, url), {
      method: 'POST', headers: { 'x-exnode-launch': secret, 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    expect((await post('auth/setup', TEST_ADMINS)).status).toBe(200);
    token = ((await (await post('auth/login', { ...TEST_ADMINS.sysadmin, bearer: true })).json()) as { token: string }).token;
  }, 60_000);

  afterAll(() => {
    host?.kill();
    tmp.remove();
  });

  const op = async <T>(name: string, input: unknown): Promise<T> => {
    const response = await fetch(new URL(`/api/ops/${name}`, url), {
      method: 'POST', headers: { 'x-exnode-launch': secret, authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(input),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as T;
  };

  it('loads each database driver only when a connection of its dialect is first used', () => {
    const entry = fs.readFileSync(path.join(dist, 'engine-host.mjs'), 'utf8');
    for (const driver of ['mssql', 'oracledb', 'mysql2', 'pg']) expect(entry).not.toMatch(new RegExp(`from "${driver}"`));
    const chunks = fs.readdirSync(dist).filter((f) => f.endsWith('.mjs'));
    expect(chunks.some((f) => /^mssql-.*\.mjs$/.test(f))).toBe(true);
    expect(chunks).toContain('write-worker.mjs');
  });

  it('refuses calls without the session secret', async () => {
    const json = { 'content-type': 'application/json' };
    expect((await fetch(new URL('/api/ops/node/info', url), { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: '{}' })).status).toBe(401);
  });

  it('runs a bridge into the embedded exchange through its SQLite write thread', async () => {
    const demo = await op<{ bridge: string }>('demo/load', { rows: 3000 });
    const run = await op<{ status: string; sender: { total: number }; receiver: { inserted: number } }>('bridges/run', { name: demo.bridge, wait: true });
    expect(run).toMatchObject({ status: 'succeeded', sender: { total: 3000 }, receiver: { inserted: 3000 } });
  }, 60_000);
});
