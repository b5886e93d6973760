import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionConfig, Dialect } from '../../shared/index.js';
import { connectionConfigSchema, translate } from '../../shared/index.js';
import { openConnector } from '../../connectors/core/registry.js';

/**
 * A failed connection test says what the node was doing, and on which connection, in the reader's
 * language: the zh-CN text holds no English outside the driver's own words in brackets.
 */
let closedPort = 0;
beforeAll(async () => {
  // A port that was just free: nothing listens there, so every driver is refused at once.
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  closedPort = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
});

const SERVERS: Dialect[] = ['mysql', 'postgres', 'mssql', 'oracle'];

describe('a failed connection test, in both languages', () => {
  for (const dialect of SERVERS) {
    it(`names the action on a ${dialect} connection`, async () => {
      const config = connectionConfigSchema.parse({
        name: '业务库-1', dialect, host: '127.0.0.1', port: closedPort, user: 'u', password: 'pw-secret', connectTimeoutMs: 3000,
        ...(dialect === 'oracle' ? { serviceName: 'orcl' } : { database: 'd' }),
      }) as ConnectionConfig;
      const connector = await openConnector(config, { password: 'pw-secret' });
      try {
        const result = await connector.test();
        expect(result.ok).toBe(false);
        const zh = translate('zh-CN', result.key!, result.params);
        const en = translate('en', result.key!, result.params);
        expect(zh).toMatch(new RegExp(`^在 ${connector.capabilities.label} 数据源“业务库-1”上连接：`));
        expect(en).toMatch(new RegExp(`^Connecting on ${connector.capabilities.label} connection "业务库-1": `));
        // Outside the driver's words (the last bracket), the Chinese text has no English sentence.
        expect(zh.replace(/（[^（]*）$/, '').match(/[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}/g) ?? []).toEqual([]);
        expect(zh + en).not.toContain('pw-secret');
      } finally {
        await connector.close();
      }
    });
  }

  it('names the file on a SQLite connection', async () => {
    // A folder that cannot be made: its parent is a file.
    const parent = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'exn-actions-')), 'a-file');
    fs.writeFileSync(parent, '');
    const filename = path.join(parent, 'x.sqlite');
    const config = connectionConfigSchema.parse({ name: 'files', dialect: 'sqlite', filename, readOnly: false }) as ConnectionConfig;
    const connector = await openConnector(config, { password: undefined });
    const result = await connector.test();
    expect(result.ok).toBe(false);
    expect(translate('zh-CN', result.key!, result.params)).toMatch(new RegExp(`^打开 SQLite 文件 ${filename.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await connector.close();
  });
});
