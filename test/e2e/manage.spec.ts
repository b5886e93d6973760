import { expect, test } from './fixtures.js';

test('a technician adds a connection, browses its schema, and builds a masked bridge with a preview', async ({ page, request }) => {
  let info = await (await request.post('/api/ops/node/info', { data: {} })).json();
  if (!info.demoLoaded) await request.post('/api/ops/demo/load', { data: { rows: 100000 } });
  info = await (await request.post('/api/ops/node/info', { data: {} })).json();
  const demoFile = `${info.dataDir}/demo/birth-registry.sqlite`;

  await page.goto('/#/connections');
  await page.getByTestId('add-connection').click();
  await page.getByTestId('conn-name').fill('registry-copy');
  await page.getByTestId('conn-preset').click();
  await page.keyboard.type('SQLite');
  await page.keyboard.press('Enter');
  await page.getByTestId('conn-filename').fill(demoFile);
  await page.getByTestId('form-test').click();
  await expect(page.getByTestId('form-test-result')).toContainText('SQLite');
  await page.getByTestId('form-save').click();
  await expect(page.getByRole('cell', { name: 'registry-copy' })).toBeVisible();

  await page.getByTestId('browse-registry-copy').click();
  await page.getByText('birth_certificate').first().click();
  await expect(page.getByRole('cell', { name: 'mother_id_no' })).toBeVisible();
  await page.getByTestId('snapshot').click();
  await expect(page.getByText('已采集首个快照')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.goto('/#/bridges');
  await page.getByTestId('add-bridge').click();
  await page.getByTestId('bridge-name').fill('masked-certs');
  await page.getByTestId('bridge-source').click();
  await page.getByTitle('registry-copy (sqlite)').click();
  await page.getByTestId('bridge-table').click();
  await page.keyboard.type('birth_certificate');
  await page.keyboard.press('Enter');
  await page.getByPlaceholder('birth_certificate').fill('birth_certificate_masked');
  await page.getByTestId('mask-mother_id_no').click();
  await page.getByTitle('身份证号').last().click();
  await page.getByTestId('bridge-preview').click();
  const preview = page.getByTestId('preview-table');
  await expect(preview).toContainText('********');
  await page.screenshot({ path: 'test/output/bridge-form.png', fullPage: true });
  await page.getByTestId('bridge-save').click();

  await page.getByTestId('run-masked-certs').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 120_000 });
  await expect(page.getByTestId('sender-total')).toHaveText('100,000');
  await expect(page.getByTestId('deviation-total')).toHaveText('0');
});

test('a technician shares the result of an SQL query: joined or filtered rows, keyed as declared', async ({ page, request }) => {
  const info = await (await request.post('/api/ops/node/info', { data: {} })).json();
  if (!info.demoLoaded) await request.post('/api/ops/demo/load', { data: { rows: 100000 } });

  await page.goto('/#/bridges');
  await page.getByTestId('add-bridge').click();
  await page.getByTestId('bridge-name').fill('girls-born');
  await page.getByTestId('bridge-source').click();
  await page.getByTitle('demo-birth-registry (sqlite)').click();
  await page.getByTestId('bridge-source-kind').getByText('SQL 查询').click();
  await page.getByTestId('bridge-query').fill("SELECT cert_no, newborn_name, birth_time FROM birth_certificate WHERE sex_code = '2'");
  await page.getByTestId('bridge-describe-query').click();
  await expect(page.getByRole('cell', { name: 'newborn_name string' })).toBeVisible();
  await page.getByTestId('bridge-primary-key').click();
  await page.getByTitle('cert_no · string').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('bridge-target-table').fill('girls_born');
  await page.getByTestId('bridge-preview').click();
  await expect(page.getByTestId('preview-table')).toContainText('A3');
  await page.screenshot({ path: 'test/output/bridge-query-form.png', fullPage: true });
  await page.getByTestId('bridge-save').click();

  await page.getByTestId('run-girls-born').click();
  await expect(page.getByTestId('run-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 120_000 });
  await expect(page.getByTestId('deviation-total')).toHaveText('0');
  const total = Number((await page.getByTestId('sender-total').textContent())!.replace(/,/g, ''));
  expect(total).toBeGreaterThan(40_000);
  expect(total).toBeLessThan(60_000);
});
