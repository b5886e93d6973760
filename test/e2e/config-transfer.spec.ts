import fs from 'node:fs';
import { parse, stringify } from 'yaml';
import { expect, test } from './fixtures.js';

const CANARY = 'E2eCanaryToken71q';

test('the settings page exports the configuration without secrets and plans an import that keeps a deployed schedule stopped', async ({ page, request }) => {
  const info = await (await request.post('/api/ops/node/info', { data: {} })).json();
  if (!info.demoLoaded) await request.post('/api/ops/demo/load', { data: { rows: 2000 } });
  const channel = await request.post('/api/ops/alerts/channels/save', {
    data: { name: 'e2e-值班群', config: { kind: 'dingtalk', url: `https://oapi.dingtalk.com/robot/send?access_token=${CANARY}` }, enabled: false },
  });
  expect(channel.ok(), await channel.text()).toBe(true);

  await page.goto('/#/settings');
  const download = page.waitForEvent('download');
  await page.getByTestId('config-export').click();
  const yaml = fs.readFileSync((await (await download).path())!, 'utf8');
  expect(yaml).not.toContain(CANARY);
  expect(yaml).toContain('urlVariable: EXNODE_ALERT_URL_E2E_U503CU73EDU7FA4');

  // The same file with a deployed schedule for a bridge that has none: the plan says it arrives stopped.
  const doc = parse(yaml) as { bridges: { name: string }[]; schedules?: { bridge: string }[] };
  const scheduled = new Set((doc.schedules ?? []).map((s) => s.bridge));
  const bridge = doc.bridges.map((b) => b.name).find((name) => !scheduled.has(name));
  expect(bridge).toBeDefined();
  doc.schedules = [...(doc.schedules ?? []), { bridge: bridge!, spec: { kind: 'interval', every: '1h' }, deployed: true } as never];
  await page.locator('input[type=file][accept=".yaml,.yml"]').setInputFiles({ name: 'node.yaml', mimeType: 'application/yaml', buffer: Buffer.from(stringify(doc)) });
  const dialog = page.getByRole('dialog', { name: '配置导入计划' });
  await expect(dialog).toContainText(`新增`);
  await expect(dialog).toContainText(`schedules/${bridge}`);
  await expect(dialog.getByTestId('config-not-deployed')).toContainText(`桥接“${bridge}”的调度在文件中为已部署，导入后为停止状态`);
  await page.screenshot({ path: 'test/output/e2e-results/config-import-plan.png' });
  await dialog.getByRole('button', { name: /取\s*消/ }).click();
  await expect(dialog).toBeHidden();
});
