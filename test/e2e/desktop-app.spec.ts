import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, test } from './fixtures.js';

const root = path.resolve(import.meta.dirname, '../..');

/** The Electron binary: ELECTRON_OVERRIDE_DIST_PATH, or the one `npm install` downloads; null with the reason when absent. */
function electronBinary(): { path: string } | { reason: string } {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = fs.statSync(override, { throwIfNoEntry: false })?.isDirectory() ? path.join(override, process.platform === 'win32' ? 'electron.exe' : 'electron') : override;
    return fs.existsSync(binary) ? { path: binary } : { reason: `ELECTRON_OVERRIDE_DIST_PATH=${override} holds no Electron binary` };
  }
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    if (typeof binary === 'string' && fs.existsSync(binary)) return { path: binary };
    return { reason: 'the electron package has no binary' };
  } catch (error) {
    return { reason: `the Electron binary is not installed (${(error as Error).message.split('\n')[0]}); install it with a network that reaches the Electron download site, or set ELECTRON_OVERRIDE_DIST_PATH` };
  }
}

const binary = electronBinary();
if ('reason' in binary) console.log(`[desktop-app.spec] NOT RUN: ${binary.reason}`);

test.describe('the desktop app', () => {
  test.skip('reason' in binary, 'reason' in binary ? `not run: ${binary.reason}` : '');

  test('launches, shows the console with the tray state, and restarts a killed engine', async () => {
    execFileSync(process.execPath, [path.join(root, 'scripts/build-electron.mjs')], { cwd: root, stdio: 'pipe' });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'exnode-desktop-'));
    const app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [root, '--no-sandbox'],
      env: { ...process.env, EXNODE_DATA_DIR: dataDir, EXNODE_SHELL_TEST_HOOKS: '1', LANG: 'zh_CN.UTF-8' },
    });
    try {
      const window = await app.firstWindow();
      await expect(window).toHaveTitle(/前置交换节点/);
      await expect(window.locator('#root')).not.toBeEmpty();
      const probe = <T>(name: string) => app.evaluate((_electron, n) => (globalThis as unknown as Record<string, Record<string, () => unknown>>).exnodeShell![n]!(), name) as Promise<T>;
      await expect.poll(() => probe<string>('trayState')).toBe('ok');
      const firstUrl = await probe<string>('engineUrl');
      expect(new URL(firstUrl).hostname).toBe('127.0.0.1');
      // The page got exactly the documented surface from the preload, and no Node.
      expect(await window.evaluate(() => Object.keys((window as unknown as { exnode: object }).exnode).sort())).toEqual(['desktop', 'engineUrl', 'session']);
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');

      const pid = await probe<number>('enginePid');
      process.kill(pid, 'SIGKILL');
      await expect.poll(() => probe<string | null>('engineUrl'), { timeout: 60_000 }).not.toBe(firstUrl);
      await expect.poll(() => probe<string | null>('engineUrl'), { timeout: 60_000 }).not.toBeNull();
      await expect(window.locator('#root')).not.toBeEmpty();
      await window.screenshot({ path: 'test/output/desktop-app-after-restart.png' });
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
