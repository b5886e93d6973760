import fs from 'node:fs';
import { expect, test } from './fixtures.js';
import { unzipAll } from '../support/unzip.js';

const CANARY = 'E2e-Canary-5b1d!pw';

test('a technician collects diagnostics from the settings page; the zip holds no password', async ({ page, request }) => {
  const saved = await request.post('/api/ops/connections/save', {
    data: { config: { name: 'diag-canary', dialect: 'postgres', host: '127.0.0.1', database: 'nowhere', user: 'u', password: CANARY }, replace: true },
  });
  expect(saved.ok()).toBe(true);

  await page.goto('/#/settings');
  const card = page.getByTestId('diagnostics-card');
  await expect(card).toContainText('诊断信息');
  await expect(card).toContainText('不含任何密码或密钥');
  const download = page.waitForEvent('download');
  await card.getByRole('button', { name: '收集诊断信息' }).click();
  const file = await (await download).path();
  await expect(card).toContainText('connections.json');
  await expect(page.getByText(/已生成 exnode-diagnostics-.*\.zip/)).toBeVisible();
  await page.screenshot({ path: 'test/output/desktop-diagnostics-zh-CN.png' });

  const entries = await unzipAll(fs.readFileSync(file));
  expect([...entries.keys()]).toEqual(expect.arrayContaining(['versions.json', 'connections.json', 'logs/engine.log']));
  expect(entries.get('connections.json')!.toString()).toContain('diag-canary');
  for (const [name, bytes] of entries) expect(bytes.indexOf(Buffer.from(CANARY)), name).toBe(-1);
});
