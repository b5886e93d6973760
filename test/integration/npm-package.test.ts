import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp.js';

const root = path.resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/**
 * The headless build as a department installs it: `npm pack`, then `npm install <tarball>` into an
 * empty folder (dependencies from the registry, no dev dependencies, no Electron binary), then
 * `exnode serve` with Node alone: the API answers /healthz and the console is served without vite.
 */
describe('the npm package', () => {
  const tmp = tempDir('exnode-pack-');
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill();
    tmp.remove();
  });

  it('installs from its tarball into an empty folder and serves the node', async () => {
    const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', tmp.dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { filename: string; files: { path: string }[] }[];
    const tarball = path.join(tmp.dir, packed[0]!.filename);
    const shipped = packed[0]!.files.map((f) => f.path);
    expect(shipped).toEqual(expect.arrayContaining(['bin/exnode.mjs', 'dist/renderer/index.html', 'electron/server/serve.ts', 'connectors/sqlite/write-worker.mjs']));
    expect(shipped.filter((f) => f.startsWith('test/'))).toEqual([]);

    const app = path.join(tmp.dir, 'app');
    fs.mkdirSync(app);
    fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'clean-machine', private: true }));
    // The registry only: the cache the development install filled answers first; Electron's binary is not fetched.
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], {
      cwd: app, stdio: 'pipe', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    const installed = path.join(app, 'node_modules');
    expect(fs.existsSync(path.join(installed, 'exnode/dist/renderer/index.html'))).toBe(true);
    for (const devOnly of ['vite', 'vitest', 'typescript', 'electron-builder', '@playwright/test']) expect(fs.existsSync(path.join(installed, devOnly)), devOnly).toBe(false);

    const bin = path.join(installed, '.bin', process.platform === 'win32' ? 'exnode.cmd' : 'exnode');
    server = spawn(bin, ['--data-dir', path.join(tmp.dir, 'node'), '--json', 'serve', '--port', '0'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    server.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /"url":\s*"([^"]+)"/.exec(out);
        if (match) resolve(match[1]!);
      });
      server!.on('exit', (code) => reject(new Error(`exnode serve exited with ${code}: ${stderr}`)));
    });
    const health = await fetch(new URL('/healthz', url));
    expect(await health.json()).toMatchObject({ ok: true, product: 'ExNode' });
    const page = await (await fetch(url)).text();
    expect(page).toMatch(/<div id="root"><\/div>/);
    expect(page).not.toMatch(/has not been built/);
  }, 1_800_000); // npm install builds better-sqlite3 from source when its prebuilt binary cannot be downloaded: minutes
});
