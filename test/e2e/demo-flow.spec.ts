import { expect, test } from './fixtures.js';

test('a technician loads the demo, runs the bridge and sees 100,000 rows reconciled, in Chinese by default', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: '前置交换节点' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '桥接任务' })).toBeVisible();

  await page.getByTestId('load-demo').click();
  await expect(page.getByText('演示数据已加载', { exact: false }).first()).toBeVisible({ timeout: 120_000 });

  await page.getByRole('menuitem', { name: '桥接任务' }).click();
  await page.getByTestId('run-demo-birth-certificates').click();
  await expect(page).toHaveURL(/#\/runs\/run_/);
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 120_000 });

  await expect(page.getByTestId('sender-total')).toHaveText('100,000');
  await expect(page.getByTestId('receiver-inserted')).toHaveText('100,000');
  await expect(page.getByTestId('sender-inserted')).toHaveText('100,000');
  await expect(page.getByTestId('deviation-total')).toHaveText('0');
  await expect(page.getByTestId('reconciled')).toBeVisible();
  await page.screenshot({ path: 'test/output/demo-run.png', fullPage: true });

  // Data reconciliation, row by row, from the bridge list.
  await page.getByRole('menuitem', { name: '桥接任务' }).click();
  await page.getByTestId('check-demo-birth-certificates').click();
  await expect(page).toHaveURL(/#\/reconciliation\?bridge=demo-birth-certificates/);
  await page.getByTestId('data-check-start').click();
  await expect(page.getByTestId('data-check-verdict')).toHaveAttribute('data-deviation', '0', { timeout: 120_000 });
  await expect(page.getByText('两表一致', { exact: false })).toBeVisible();
  await expect(page.getByTestId('data-check-source-rows')).toHaveText('100,000');
  await expect(page.getByTestId('data-check-matched')).toHaveText('100,000');
  await page.getByTestId('data-check').screenshot({ path: 'test/output/data-check.png' });
  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId('reconciled')).toBeVisible();

  await page.getByTestId('language-switch').getByText('English').click();
  await expect(page.getByText('Reconciled: sender and receiver agree')).toBeVisible();
  await page.getByRole('menuitem', { name: 'Bridges' }).click();
  await expect(page.getByRole('button', { name: /Run/ })).toBeVisible();
  await page.screenshot({ path: 'test/output/bridges-en.png', fullPage: true });
});

test('connections page tests a connection and shows the classified result', async ({ page }) => {
  await page.goto('/#/connections');
  await page.getByTestId('test-exchange').click();
  await expect(page.getByTestId('test-result')).toContainText('SQLite');
});
