import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_ENV, ENGINE_EXEC_ARGV } from '../../electron/engine/memory.js';
import { EngineSupervisor } from '../../electron/main/engine-supervisor.js';
import { engineApi } from '../../electron/main/engine-api.js';
import { RestartPolicy } from '../../electron/main/restart-policy.js';
import { tailLines } from '../../electron/engine/logs/tail.js';
import { tempDir } from '../support/temp.js';
import { signIn } from '../support/node-setup.js';

const root = path.resolve(import.meta.dirname, '../..');
const secret = 'supervisor-test-secret-0123456789';

/**
 * The shell's engine supervision against the real bundled engine (forked by Node here, as Electron's
 * utilityProcess would): the engine is killed and comes back on a new address, its log tells both
 * lives, and diagnostics can be collected through the shell's API client.
 */
describe('engine supervisor with the real engine', () => {
  const tmp = tempDir('exnode-supervisor-');
  let supervisor: EngineSupervisor;

  beforeAll(() => {
    if (!fs.existsSync(path.join(root, 'dist/electron/engine-host.mjs'))) {
      execFileSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs')], { cwd: root, stdio: 'pipe' });
    }
  }, 120_000);
  afterAll(async () => {
    await supervisor?.stop();
    tmp.remove();
  });

  it('restarts a killed engine on a new address and keeps serving', async () => {
    const log = path.join(tmp.dir, 'logs/engine.log');
    supervisor = new EngineSupervisor({
      fork: () => fork(path.join(root, 'dist/electron/engine-host.mjs'), [], {
        execArgv: [...ENGINE_EXEC_ARGV], stdio: 'ignore',
        env: { ...process.env, ...ENGINE_ENV, EXNODE_SESSION_SECRET: secret, EXNODE_DATA_DIR: tmp.dir },
      }),
      policy: new RestartPolicy({ baseDelayMs: 200 }),
      lastLogLines: () => tailLines(log, 20),
    });
    const ready = () => new Promise<{ url: string; restarted: boolean }>((resolve) => supervisor.once('ready', (url, restarted) => resolve({ url, restarted })));
    const restarting = new Promise<{ delayMs: number; attempt: number }>((resolve) => supervisor.once('restarting', resolve));

    // The shell acts as a signed-in user; here a system administrator's token.
    const bearer = await signIn(tmp.dir, 'sysadmin');
    let next = ready();
    supervisor.start();
    const first = await next;
    expect(first.restarted).toBe(false);
    const api = engineApi(() => supervisor.url, secret, async () => ({ bearer }));
    const bundle = await api.call<{ entries: string[] }>('diagnostics/collect');
    expect(bundle.entries).toContain('logs/engine.log');

    next = ready();
    process.kill(supervisor.pid!, 'SIGKILL');
    expect(await restarting).toMatchObject({ attempt: 1, delayMs: 200 });
    const second = await next;
    expect(second.restarted).toBe(true);
    expect(second.url).not.toBe(first.url);
    expect(await api.call<{ product: string }>('node/info')).toMatchObject({ product: 'ExNode' });
    expect(fs.readFileSync(log, 'utf8').match(/Engine started/g)).toHaveLength(2);
  }, 120_000);
});
