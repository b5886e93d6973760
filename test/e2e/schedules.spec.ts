import { expect, test } from './fixtures.js';

test('a technician schedules a bridge in its form, sees the next fire times, deploys it, and a scheduled run appears by itself', async ({ page, request }) => {
  const info = await (await request.post('/api/ops/node/info', { data: {} })).json();
  if (!info.demoLoaded) await request.post('/api/ops/demo/load', { data: { rows: 2000 } });
  const bridge = 'demo-birth-certificates';

  await page.goto('/#/bridges');
  await page.getByRole('row', { name: new RegExp(bridge) }).getByRole('button', { name: /编辑/ }).click();
  const editor = page.getByTestId('schedule-editor');
  await editor.getByText('cron 表达式', { exact: true }).click();
  await page.getByTestId('schedule-cron').fill('not a cron');
  // Refusals read in Chinese, without the cron library's English words.
  await expect(page.getByTestId('schedule-problem')).toContainText('不是有效的 cron 表达式');
  await expect(page.getByTestId('schedule-problem')).not.toContainText('CronPattern');
  await page.getByTestId('schedule-cron').fill('0 0 0 30 2 *');
  await expect(page.getByTestId('schedule-problem')).toContainText('永远不会触发');
  await page.screenshot({ path: 'test/output/e2e-results/schedule-editor-refusal.png' });
  await page.getByTestId('schedule-cron').fill('0 30 2 * * *');
  await expect(page.getByTestId('schedule-description')).toHaveText('每天 02:30（Asia/Shanghai）');
  await expect(page.getByTestId('schedule-next-fires').locator('.ant-list-item')).toHaveCount(5);
  await expect(page.getByTestId('schedule-next-fires')).toContainText('02:30:00 (Asia/Shanghai)');

  await editor.getByText('固定间隔', { exact: true }).click();
  await page.getByTestId('schedule-every').fill('3s');
  await expect(page.getByTestId('schedule-description')).toHaveText('每 3 秒');
  await expect(page.getByTestId('schedule-next-fires').locator('.ant-list-item')).toHaveCount(5);
  await page.screenshot({ path: 'test/output/e2e-results/schedule-editor.png' });
  await page.getByTestId('bridge-save').click();
  await expect(page.getByTestId('schedule-editor')).toBeHidden();

  await page.goto('/#/schedules');
  const row = page.getByRole('row', { name: new RegExp(bridge) });
  await expect(row).toContainText('每 3 秒');
  await expect(row).toContainText('未部署');
  await page.getByTestId(`deploy-${bridge}`).click();
  await expect(page.getByTestId(`deployed-${bridge}`)).toBeVisible();

  await page.goto('/#/runs');
  await page.getByTestId('runs-filter-trigger').click();
  await page.getByTitle('定时').click();
  // No reload: the page follows the event stream.
  await expect(page.getByTestId('run-trigger').filter({ hasText: '定时' }).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('runs-table')).toContainText(bridge);
  await page.screenshot({ path: 'test/output/e2e-results/runs-page.png' });

  await page.goto('/#/schedules');
  await page.getByTestId(`stop-${bridge}`).click();
  await page.getByRole('button', { name: /OK|确/ }).click();
  await expect(page.getByTestId(`deployed-${bridge}`)).toBeHidden();
  await page.screenshot({ path: 'test/output/e2e-results/schedules-page.png' });
});
