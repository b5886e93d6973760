import mysql from 'mysql2/promise';
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { MYSQL_DB } from '../support/servers.js';

/** Regression tests of what a first-time technician hit (issue 14, item 4 and 5), in the zh-CN console. */
const DATABASE = `${MYSQL_DB}_batch`;

async function op(request: APIRequestContext, name: string, data: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await request.post(`/api/ops/${name}`, { data });
  return { status: response.status(), body: await response.json() as Record<string, unknown> };
}

async function demo(request: APIRequestContext): Promise<void> {
  const info = (await op(request, 'node/info', {})).body as { demoLoaded: boolean };
  if (!info.demoLoaded) expect((await op(request, 'demo/load', { rows: 2000 })).status).toBe(200);
}

/** Uncaught errors and failed requests the page's console reports. */
function watch(page: Page): { errors: string[] } {
  const seen = { errors: [] as string[] };
  page.on('pageerror', (e) => seen.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && seen.errors.push(`console: ${m.text()}`));
  return seen;
}

test('visiting 数据源 and 桥接任务 asks for no table list of a placeholder connection', async ({ page, request }) => {
  await demo(request);
  const seen = watch(page);
  const bodies: string[] = [];
  page.on('request', (r) => {
    if (/connections\/(tables|drift)/.test(r.url())) bodies.push(r.postData() ?? '');
  });
  await page.goto('/#/connections');
  await expect(page.getByTestId('test-exchange')).toBeVisible();
  await page.goto('/#/bridges');
  await expect(page.getByTestId('add-bridge')).toBeVisible();
  await page.getByTestId('add-bridge').click();
  await expect(page.getByTestId('bridge-name')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(bodies.filter((b) => b.includes('"-"'))).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('保存 and 测试连接 with empty required fields show the fields, no uncaught error', async ({ page }) => {
  const seen = watch(page);
  await page.goto('/#/connections');
  await page.getByTestId('add-connection').click();
  await page.getByTestId('form-save').click();
  await page.getByTestId('form-test').click();
  await expect(page.locator('.ant-form-item-explain-error').first()).toHaveText('必填');
  await page.keyboard.press('Escape');
  await page.goto('/#/bridges');
  await page.getByTestId('add-bridge').click();
  await page.getByTestId('bridge-save').click();
  await page.getByTestId('bridge-preview').click();
  await expect(page.locator('.ant-modal .ant-form-item-explain-error').first()).toBeVisible();
  await page.waitForTimeout(300);
  expect(seen.errors).toEqual([]);
});

test('a bad name is refused in the form, in Chinese, from the shared schema, before anything is sent', async ({ page }) => {
  const saves: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('connections/save')) saves.push(r.url());
  });
  await page.goto('/#/connections');
  await page.getByTestId('add-connection').click();
  await page.getByTestId('conn-name').fill('人口 库/1');
  await page.getByTestId('form-save').click();
  await expect(page.getByText('只能包含字母、数字、汉字和“_”“-”“.”，不能有空格或“/”')).toBeVisible();
  expect(saves).toEqual([]);
});

test('the settings page explains a bad column prefix in Chinese, not as a regular expression', async ({ page }) => {
  await page.goto('/#/settings');
  await page.getByTestId('settings-prefix').fill('Bad-');
  await page.getByTestId('settings-save').click();
  const error = page.locator('.ant-form-item-explain-error').first();
  await expect(error).toContainText('须以小写字母开头');
  await expect(page.locator('body')).not.toContainText('^[a-z]');
});

test('the reconciliation page follows a changed ?bridge=, back and forward included', async ({ page, request }) => {
  await demo(request);
  const copy = await op(request, 'bridges/save', {
    config: { name: 'demo-second', source: { connection: 'demo-birth-registry', table: 'birth_certificate' }, target: { table: 'birth_second' } }, replace: true,
  });
  expect(copy.status, JSON.stringify(copy.body)).toBe(200);
  const picked = page.getByTestId('data-check-bridge');
  await page.goto('/#/reconciliation?bridge=demo-birth-certificates');
  await expect(picked).toContainText('demo-birth-certificates');
  await page.goto('/#/reconciliation?bridge=demo-second');
  await expect(picked).toContainText('demo-second');
  await page.goBack();
  await expect(picked).toContainText('demo-birth-certificates');
  await page.goForward();
  await expect(picked).toContainText('demo-second');
});

test('saving a connection tests it: 正常 after a good test, saved with the reason after a failed one', async ({ page, request }) => {
  await demo(request);
  const info = (await op(request, 'node/info', {})).body as { dataDir: string };
  await page.goto('/#/connections');
  await page.getByTestId('add-connection').click();
  await page.getByTestId('conn-name').fill('demo-copy-conn');
  await page.getByTestId('conn-preset').click();
  await page.getByTitle('SQLite', { exact: true }).click();
  await page.getByTestId('conn-filename').fill(`${info.dataDir}/demo/birth-registry.sqlite`);
  await page.getByTestId('form-save').click();
  await expect(page.getByText('已保存，连接测试通过')).toBeVisible();
  await expect(page.getByTestId('health-demo-copy-conn')).toHaveAttribute('data-status', 'ok');

  const failed = await op(request, 'connections/save', {
    config: { name: 'closed-port', dialect: 'mysql', host: '127.0.0.1', port: 1, database: 'x', user: 'root', connectTimeoutMs: 2000 },
  });
  expect(failed.status).toBe(200);
  expect(failed.body).toMatchObject({ health: 'failed' });
  expect(failed.body.lastError).toBeTruthy();
  expect(failed.body.lastErrorMessage).toMatchObject({ key: 'connectors.portClosed' });
  // The reason on the list is in the console's language, like the rest of the page.
  await page.reload();
  await expect(page.getByTestId('health-closed-port').locator('xpath=..')).toHaveAttribute('title', /^在 MySQL \/ MariaDB 数据源“closed-port”上连接：该主机和端口上没有数据库服务在监听/);
});

test('saving a bridge names a missing source table; editing a bridge whose table was dropped says so once, in the form', async ({ page, request }) => {
  const db = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
  await db.query(`CREATE DATABASE IF NOT EXISTS \`${DATABASE}\``);
  await db.query(`CREATE TABLE IF NOT EXISTS \`${DATABASE}\`.soon_gone (id INT PRIMARY KEY, v VARCHAR(10))`);
  expect((await op(request, 'connections/save', {
    config: { name: 'defect-biz', dialect: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: DATABASE }, replace: true,
  })).status).toBe(200);
  const missing = await op(request, 'bridges/save', { config: { name: 'defect-missing', source: { connection: 'defect-biz', table: 'no_such_table' } } });
  expect(missing.status).toBe(404);
  expect(missing.body).toMatchObject({ error: { key: 'bridges.sourceTableMissing', params: { table: 'no_such_table' } } });
  const badColumn = await op(request, 'bridges/save', {
    config: { name: 'defect-column', source: { connection: 'defect-biz', table: 'soon_gone' }, mode: 'incremental', cursor: ['updated_at'] },
  });
  expect(badColumn.body).toMatchObject({ error: { key: 'bridges.sourceColumnMissing' } });
  expect((await op(request, 'bridges/save', { config: { name: 'defect-gone', source: { connection: 'defect-biz', table: 'soon_gone' } }, replace: true })).status).toBe(200);
  await db.query(`DROP TABLE \`${DATABASE}\`.soon_gone`);
  await db.end();

  await page.goto('/#/bridges');
  await page.getByTestId('edit-defect-gone').click();
  await expect(page.getByTestId('describe-error')).toContainText('soon_gone');
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('describe-error')).toHaveCount(1);
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
});

test('incremental bridges say they do not see deletes; the run log has titled columns and translated levels', async ({ page, request }) => {
  await demo(request);
  await page.goto('/#/bridges');
  await page.getByTestId('add-bridge').click();
  // On CI's loaded machine the first choice in the list opened with the form sometimes did not take (the list stayed
  // open on 全量, the pointer over 增量): choose again until the form shows it. Noted on the issue to find why.
  await expect(async () => {
    await page.getByTestId('bridge-mode').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle('增量', { exact: true }).click({ timeout: 5000 });
    await expect(page.getByTestId('incremental-note')).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('incremental-note')).toContainText('看不到来源表中被删除的行');
  await page.keyboard.press('Escape');

  const run = (await op(request, 'bridges/run', { name: 'demo-birth-certificates', wait: true })).body as { id: string };
  await page.goto(`/#/runs/${run.id}`);
  const header = page.getByTestId('run-log').locator('thead');
  await expect(header).toContainText('时间');
  await expect(header).toContainText('级别');
  await expect(header).toContainText('内容');
  await expect(page.getByTestId('run-log').locator('tbody')).toContainText('信息');
  await expect(page.getByTestId('run-log').locator('tbody')).not.toContainText('info');
});

test('an unknown run says so in Chinese and points to the run list, not the bridge list', async ({ page }) => {
  await page.goto('/#/runs/run_nope');
  await expect(page.getByTestId('run-error')).toContainText('不存在编号为 run_nope 的运行记录');
  await expect(page.getByTestId('run-error')).not.toContainText('bridge list');
});
