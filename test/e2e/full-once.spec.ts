import mysql from 'mysql2/promise';
import type { APIRequestContext } from '@playwright/test';
import type { RunRecord } from '../../shared/index.js';
import { expect, test } from './fixtures.js';
import { MYSQL_DB } from '../support/servers.js';

/** "Run once in full" of an incremental bridge, from the data check and from the bridge page (issue 14). */
const DATABASE = `${MYSQL_DB}_full_once`;

async function op<T = Record<string, unknown>>(request: APIRequestContext, name: string, data: unknown): Promise<T> {
  const response = await request.post(`/api/ops/${name}`, { data });
  expect(response.ok(), await response.text()).toBe(true);
  return await response.json() as T;
}

async function lastRun(request: APIRequestContext, bridge: string): Promise<RunRecord> {
  const [run] = await op<RunRecord[]>(request, 'runs/list', { bridge, limit: 1 });
  return run!;
}

test('the data check proposes a full run of an incremental bridge that missed deletes, and the button repairs it', async ({ page, request }) => {
  const db = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
  try {
    await db.query(`CREATE DATABASE IF NOT EXISTS \`${DATABASE}\``);
    await db.query(`DROP TABLE IF EXISTS \`${DATABASE}\`.residents`);
    await db.query(`CREATE TABLE \`${DATABASE}\`.residents (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, changed_at DATETIME NOT NULL)`);
    const rows = Array.from({ length: 50 }, (_, i) => [i + 1, `居民${i + 1}`, `2025-01-01 00:00:${String(i).padStart(2, '0')}`]);
    await db.query(`INSERT INTO \`${DATABASE}\`.residents VALUES ?`, [rows.map((r) => [r[0], r[1], r[2]])]);
    await op(request, 'connections/save', { config: { name: 'full-once-biz', dialect: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: DATABASE }, replace: true });
    await op(request, 'bridges/save', {
      config: { name: 'residents-incr', source: { connection: 'full-once-biz', table: 'residents' }, target: { table: 'residents_incr' }, mode: 'incremental', cursor: ['changed_at'] },
      replace: true,
    });
    expect((await op<RunRecord>(request, 'bridges/run', { name: 'residents-incr', wait: true })).sender.inserted).toBe(50);
    await db.query(`DELETE FROM \`${DATABASE}\`.residents WHERE id IN (7, 8)`);
    expect((await op<RunRecord>(request, 'bridges/run', { name: 'residents-incr', wait: true })).sender.deleted).toBe(0);

    // Only incremental send bridges offer it on the bridge page.
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto('/#/bridges');
    await expect(page.getByTestId('run-full-once-residents-incr')).toBeVisible();
    await op(request, 'bridges/save', {
      config: { name: 'residents-full', source: { connection: 'full-once-biz', table: 'residents' }, target: { table: 'residents_full' }, mode: 'full' }, replace: true,
    });
    await page.reload();
    await expect(page.getByTestId('run-residents-full')).toBeVisible();
    await expect(page.getByTestId('run-full-once-residents-full')).toHaveCount(0);

    await page.goto('/#/reconciliation?bridge=residents-incr');
    await page.getByTestId('data-check-start').click();
    await expect(page.getByTestId('data-check-verdict')).toHaveAttribute('data-deviation', '2');
    await expect(page.getByTestId('data-check-full-once')).toContainText('增量运行看不到来源表中删除的行');
    await page.getByTestId('data-check-run-full-once').click();
    await expect(page).toHaveURL(/#\/runs\/run_/);
    await expect(page.getByTestId('run-status')).toContainText('成功');
    const repaired = await lastRun(request, 'residents-incr');
    expect(repaired).toMatchObject({ mode: 'full', status: 'succeeded', sender: { total: 48, inserted: 0, updated: 0, deleted: 2 } });
    await expect(page.getByTestId('run-log')).toContainText('一次性全量运行');

    await page.goto('/#/reconciliation?bridge=residents-incr');
    await page.getByTestId('data-check-start').click();
    await expect(page.getByTestId('data-check-verdict')).toHaveAttribute('data-deviation', '0');
    await expect(page.getByTestId('data-check-full-once')).toHaveCount(0);

    // The bridge page's button runs it too, and the next incremental run reads only what is new.
    await db.query(`INSERT INTO \`${DATABASE}\`.residents VALUES (51, '居民51', '2025-02-01 00:00:00')`);
    await page.goto('/#/bridges');
    await page.getByTestId('run-full-once-residents-incr').click();
    await expect(page).toHaveURL(/#\/runs\/run_/);
    await expect(page.getByTestId('run-status')).toContainText('成功');
    expect((await lastRun(request, 'residents-incr')).sender).toEqual({ total: 49, inserted: 1, updated: 0, deleted: 0 });
    await db.query(`INSERT INTO \`${DATABASE}\`.residents VALUES (52, '居民52', '2025-03-01 00:00:00')`);
    expect((await op<RunRecord>(request, 'bridges/run', { name: 'residents-incr', wait: true })).sender).toEqual({ total: 1, inserted: 1, updated: 0, deleted: 0 });

    // The runs were this connection's successful uses: the connections page says when, in local time.
    await page.goto('/#/connections');
    await expect(page.getByRole('columnheader', { name: '上次成功使用' })).toBeVisible();
    await expect(page.getByTestId('last-use-full-once-biz')).toContainText(/\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(page.getByTestId('last-use-full-once-biz').locator('[title]').first()).toHaveAttribute('title', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{2}:\d{2}$/);
    await expect(page.getByTestId('last-use-failed-full-once-biz')).toHaveCount(0);
  } finally {
    await db.end();
  }
});
