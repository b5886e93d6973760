import { expect, test } from './fixtures.js';
import { createBatchTables } from '../support/batch-tables.js';
import { MYSQL_DB } from '../support/servers.js';

// A database of its own: the wizard lists every table of the connection.
const DATABASE = `${MYSQL_DB}_batch`;

test('the batch wizard bridges 18 of 20 MariaDB tables, lists the 2 without a key with the reason, and runs them all', async ({ page, request }) => {
  const { names, keyless } = await createBatchTables('wz_', 20, 2, DATABASE);
  const saved = await request.post('/api/ops/connections/save', {
    data: { config: { name: 'wizard-biz', dialect: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: DATABASE }, replace: true },
  });
  expect(saved.ok(), await saved.text()).toBe(true);

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/#/bridges');
  await page.getByTestId('add-many').click();
  await page.getByTestId('batch-connection').click();
  await page.getByTitle('wizard-biz (mysql)').click();
  await page.getByTestId('batch-prefix').fill('ods_');
  await page.getByTestId('batch-plan').click();

  const unusable = page.getByTestId('batch-unusable');
  await expect(unusable).toContainText('2 个表没有可用主键');
  for (const name of keyless) await expect(page.getByTestId(`unusable-${name}`)).toContainText('没有主键或非空唯一键');
  await expect(page.getByTestId('batch-selected')).toHaveText('已选 18 个表');
  await page.screenshot({ path: 'test/output/batch-wizard-tables.png' });

  await page.getByTestId('batch-next').click();
  await expect(page.getByTestId('batch-preview').locator('tbody tr.ant-table-row')).toHaveCount(18);
  await expect(page.getByTestId('batch-preview')).toContainText('ods_wz_01');
  await page.getByTestId('batch-create').click();
  await expect(page.getByText('已创建 18 个桥接任务').first()).toBeVisible();

  await page.getByTestId('batch-run-all').click();
  await expect(page.getByTestId('batch-done')).toHaveText('18 个成功，0 个失败', { timeout: 120_000 });
  await page.screenshot({ path: 'test/output/batch-wizard-run.png' });

  const list = await (await request.post('/api/ops/bridges/list', { data: {} })).json() as { name: string; targetTable: string; lastRun: { status: string } | null }[];
  const ours = list.filter((b) => b.targetTable.startsWith('ods_wz_'));
  expect(ours).toHaveLength(18);
  expect(ours.every((b) => b.lastRun?.status === 'succeeded')).toBe(true);
  expect(list.some((b) => keyless.some((k) => b.targetTable.endsWith(k)))).toBe(false);
  expect(names).toHaveLength(20);
});
