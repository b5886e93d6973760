import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serve } from '../../../electron/server/serve.js';
import { tempDir } from '../../support/temp.js';

describe('the service on its data directory', () => {
  const tmp = tempDir();
  const dataDir = path.join(tmp.dir, 'data');
  afterAll(() => tmp.remove());

  it('makes the data directory 0700 and its files 0600, fixing existing ones', async () => {
    fs.mkdirSync(dataDir, { mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    fs.writeFileSync(path.join(dataDir, 'exchange.sqlite'), '');
    fs.chmodSync(path.join(dataDir, 'exchange.sqlite'), 0o644);
    fs.rmSync(path.join(dataDir, 'exchange.sqlite'));
    const node = await serve({ dataDir, host: '127.0.0.1', port: 0, consoleDir: '/nonexistent' });
    await node.close();
    fs.chmodSync(path.join(dataDir, 'state.sqlite'), 0o644);
    fs.chmodSync(dataDir, 0o755);
    const again = await serve({ dataDir, host: '127.0.0.1', port: 0, consoleDir: '/nonexistent' });
    await again.close();
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    // Every folder 0700 and every file 0600, the logs folder included.
    for (const f of fs.readdirSync(dataDir, { recursive: true }) as string[]) {
      const stat = fs.statSync(path.join(dataDir, f));
      expect({ f, mode: (stat.mode & 0o777).toString(8) }).toEqual({ f, mode: stat.isDirectory() ? '700' : '600' });
    }
  });

  it('refuses a second service on the same data directory', async () => {
    const first = await serve({ dataDir, host: '127.0.0.1', port: 0, consoleDir: '/nonexistent' });
    try {
      await expect(serve({ dataDir, host: '127.0.0.1', port: 0, consoleDir: '/nonexistent' })).rejects.toMatchObject({ code: 'CONFLICT', ref: { key: 'auth.instanceRunning' } });
    } finally {
      await first.close();
    }
    const after = await serve({ dataDir, host: '127.0.0.1', port: 0, consoleDir: '/nonexistent' });
    await after.close();
  });

  it('requires TLS beyond loopback unless plain HTTP is asked for', async () => {
    await expect(serve({ dataDir, host: '0.0.0.0', port: 0, consoleDir: '/nonexistent' })).rejects.toMatchObject({ ref: { key: 'auth.tlsRequired' } });
    const node = await serve({ dataDir, host: '0.0.0.0', port: 0, consoleDir: '/nonexistent', insecureHttp: true });
    await node.close();
  });
});
