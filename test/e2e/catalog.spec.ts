import ExcelJS from 'exceljs';
import { expect, test } from './fixtures.js';

test('a technician fills a catalog entry from a table, is refused a wrong resource code in Chinese, and exports the workbook', async ({ page, request }) => {
  const demo = await request.post('/api/ops/demo/load', { data: { rows: 50 } });
  expect(demo.ok()).toBe(true);
  const { bridge } = await demo.json() as { bridge: string };

  await page.goto('/#/catalog');
  await expect(page.getByRole('menuitem', { name: '资源目录' })).toBeVisible();
  await page.getByTestId('catalog-add').click();
  const form = page.getByRole('dialog');
  await form.getByTestId('catalog-bridge').click();
  await page.locator('.ant-select-item-option', { hasText: bridge }).click();
  await form.getByTestId('catalog-fill').click();
  await expect(page.getByText('个信息项', { exact: false }).first()).toBeVisible();
  const itemNames = form.getByPlaceholder('信息项名称');
  const filled = await itemNames.count();
  expect(filled).toBeGreaterThan(2);

  await form.getByTestId('catalog-category').fill('1');
  await form.getByTestId('catalog-item').fill('01');
  await form.getByTestId('catalog-subitem').fill('001');
  await form.getByTestId('catalog-code').fill('102001/000001');
  await form.getByTestId('catalog-name').fill('出生医学证明信息');
  await form.getByTestId('catalog-provider').fill('肥城市卫生健康局');
  await form.getByTestId('catalog-provider-code').fill('11370983MB1234567Y');
  await form.getByTestId('catalog-abstract').fill('本市出生医学证明的签发信息，每日更新。');
  await form.getByTestId('catalog-share-conditions').fill('仅限公安、民政部门办理户籍业务使用');
  await form.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(form.getByText('与分类代码“101001”不符', { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: 'test/output/catalog-refused.png', fullPage: true });

  await form.getByTestId('catalog-code').fill('101001/000001');
  await form.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(page.getByTestId('catalog-table').getByText('出生医学证明信息')).toBeVisible();
  await page.screenshot({ path: 'test/output/catalog-list.png', fullPage: true });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('catalog-export-xlsx').click()]);
  const file = await download.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const resources = wb.getWorksheet('信息资源')!;
  expect(resources.getRow(2).getCell(1).value).toBe('101001/000001');
  expect(resources.getRow(2).getCell(2).value).toBe('出生医学证明信息');
  expect(resources.getRow(2).getCell(3).value).toBe('部门信息资源');
  expect(wb.getWorksheet('信息项')!.actualRowCount - 1).toBe(filled);
});
