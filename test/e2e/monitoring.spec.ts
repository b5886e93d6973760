import ExcelJS from 'exceljs';
import type { Alert, RunRecord } from '../../shared/index.js';
import { expect, test } from './fixtures.js';

/** Monitoring in the console: dashboard, alert centre, a failed run's honest card, the reconciliation record and its export. */
test('dashboard, alerts, a failed run and the reconciliation record with its export', async ({ page, request }) => {
  const op = async <T>(name: string, input: unknown): Promise<T> => {
    const response = await request.post(`/api/ops/${name}`, { data: input });
    expect(response.ok(), await response.text()).toBe(true);
    return await response.json() as T;
  };
  await op('demo/load', { rows: 600 });
  // A bridge of this test's own: other specs run the demo bridge too, and the record below counts one run.
  const demo = await op<{ config: { source: { connection: string; table: string } } }>('bridges/get', { name: 'demo-birth-certificates' });
  await op('bridges/save', { config: { name: 'mon-good', source: demo.config.source, target: { table: 'mon_good' } } });
  const good = await op<RunRecord>('bridges/run', { name: 'mon-good', wait: true });
  expect(good.status).toBe('succeeded');
  // A run that fails: its receiver is a database nobody listens for (a bridge on a missing table is refused when saved).
  await op('connections/save', { config: { name: 'mon-down', dialect: 'mysql', host: '127.0.0.1', port: 1, user: 'nobody', database: 'none', connectTimeoutMs: 1000 } });
  await op('bridges/save', { config: { name: 'mon-broken', source: { connection: demo.config.source.connection, table: 'birth_certificate' }, target: { connection: 'mon-down', table: 'mon_broken' } } });
  const failed = await op<RunRecord>('bridges/run', { name: 'mon-broken', wait: true });
  expect(failed.status).toBe('failed');

  // The failed run: not reconciled, never green, with the phase it failed in.
  await page.goto(`/#/runs/${failed.id}`);
  await expect(page.getByTestId('not-reconciled')).toBeVisible();
  await expect(page.getByTestId('not-reconciled')).toContainText('未核对：运行在');
  await expect(page.getByTestId('reconciled')).toHaveCount(0);
  await expect(page.getByTestId('reconciliation-status')).toHaveText('未核对');
  await expect(page.getByTestId('deviation-total')).toHaveText('未核对');
  await page.screenshot({ path: 'test/output/monitoring-failed-run.png', fullPage: true });

  // Dashboard: tiles and charts.
  await page.goto('/#/dashboard');
  // Other specs on this node may have failed runs or open alerts too: the tiles show what the engine counts.
  const open = (await op<{ items: Alert[] }>('alerts/list', { open: true })).items;
  expect(open.some((a) => a.kind === 'run-failed' && a.bridge === 'mon-broken')).toBe(true);
  await expect(page.getByTestId('tile-alerts')).toContainText(String(open.length));
  await expect(page.getByTestId('tile-failed')).not.toContainText(/今日失败\s*0$/);
  await expect(page.locator('[data-testid="chart-throughput"] canvas')).toBeVisible();
  await expect(page.getByTestId('sparklines')).toContainText('mon-good');
  await page.screenshot({ path: 'test/output/monitoring-dashboard.png', fullPage: true });

  // Alert centre: acknowledge the failed run's alert with a comment.
  const alerts = await op<{ items: Alert[] }>('alerts/list', { open: true });
  const alert = alerts.items.find((a) => a.kind === 'run-failed' && a.bridge === 'mon-broken')!;
  await page.goto('/#/alerts');
  await expect(page.getByTestId(`alert-message-${alert.id}`)).toContainText('桥接任务“mon-broken”运行');
  // The run's reason inside the alert is in Chinese too, not the engine's English text.
  await expect(page.getByTestId(`alert-message-${alert.id}`)).toContainText('MySQL / MariaDB 数据源“mon-down”上');
  await expect(page.getByTestId(`alert-message-${alert.id}`)).not.toContainText('Nothing is listening');
  await page.getByTestId(`ack-${alert.id}`).click();
  await page.getByTestId('ack-comment').fill('源表已删除，已通知业务系统管理员');
  await page.getByTestId('ack-confirm').click();
  await expect(page.getByTestId(`alert-status-${alert.id}`)).toHaveText('已确认');
  const acked = (await op<{ items: Alert[] }>('alerts/list', { bridge: 'mon-broken' })).items[0]!;
  expect(acked.acknowledged).toMatchObject({ comment: '源表已删除，已通知业务系统管理员' });
  await page.screenshot({ path: 'test/output/monitoring-alerts.png', fullPage: true });

  // Reconciliation record: filter by bridge, export .xlsx, read it back.
  await page.goto('/#/reconciliation');
  await expect(page.locator('[data-testid="chart-rows-per-day"] canvas')).toBeVisible();
  await page.getByTestId('record-bridge').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'mon-good' }).click();
  const rows = page.getByTestId('record-table').locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('600');
  await page.screenshot({ path: 'test/output/monitoring-record.png', fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(await download.path());
  expect(book.worksheets.map((w) => w.name)).toEqual(['按日汇总', '按桥接任务汇总', '运行明细']);
  const detail = book.worksheets[2]!;
  expect(detail.rowCount).toBe(2);
  const header = (detail.getRow(1).values as unknown[]).slice(1);
  const values = (detail.getRow(2).values as unknown[]).slice(1);
  const cell = (name: string) => values[header.indexOf(name)];
  expect(cell('运行编号')).toBe(good.id);
  expect(cell('发送端读取')).toBe(good.sender.total);
  expect(cell('接收端新增')).toBe(good.receiver.inserted);
  expect(cell('偏差')).toBe(good.deviation.total);
  expect(cell('核对结果')).toBe('已核对');
  const daily = book.worksheets[0]!;
  const dailyHeader = (daily.getRow(1).values as unknown[]).slice(1);
  const dailyValues = (daily.getRow(2).values as unknown[]).slice(1);
  expect(dailyValues[dailyHeader.indexOf('发送端读取')]).toBe(600);
  expect(dailyValues[dailyHeader.indexOf('运行次数')]).toBe(1);
});

/** A bridge's watch settings from the alerts page, in zh-CN: saved as given, a bad schedule refused in Chinese. */
test('per-bridge watch settings on the alerts page', async ({ page, request }) => {
  const op = async <T>(name: string, input: unknown): Promise<T> => {
    const response = await request.post(`/api/ops/${name}`, { data: input });
    expect(response.ok(), await response.text()).toBe(true);
    return await response.json() as T;
  };
  await op('demo/load', { rows: 600 });
  const demo = await op<{ config: { source: { connection: string; table: string } } }>('bridges/get', { name: 'demo-birth-certificates' });
  await op('bridges/save', { config: { name: 'mon-watch', source: demo.config.source, target: { table: 'mon_watch' } } });

  await page.goto('/#/alerts');
  const card = page.getByTestId('bridge-watch');
  await expect(card).toContainText('桥接监控设置');
  await page.getByTestId('watch-bridge').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'mon-watch' }).click();
  await expect(card.getByText('自动', { exact: true })).toBeVisible();
  await page.getByTestId('watch-freshness').fill('90');
  await page.getByTestId('watch-reconcile').fill('每天凌晨两点核对一次');
  await card.getByText('固定时长', { exact: true }).click();
  await page.getByTestId('watch-stale-minutes').fill('360');
  await page.getByTestId('watch-save').click();
  await expect(page.locator('.ant-message')).toContainText('不是有效的 cron 表达式');

  await page.getByTestId('watch-reconcile').fill('0 0 2 * * *');
  await page.getByTestId('watch-save').click();
  await expect(page.locator('.ant-message')).toContainText('监控设置已保存');
  expect(await op('monitor/bridge-settings', { bridge: 'mon-watch' })).toEqual({ bridge: 'mon-watch', freshnessMinutes: 90, reconcileCron: '0 0 2 * * *', sourceStale: 360 });
  await card.screenshot({ path: 'test/output/monitoring-watch-settings.png' });

  await card.getByText('关闭', { exact: true }).click();
  await page.getByTestId('watch-freshness').fill('');
  await page.getByTestId('watch-save').click();
  await expect(page.locator('.ant-message')).toContainText('监控设置已保存');
  await expect.poll(() => op('monitor/bridge-settings', { bridge: 'mon-watch' })).toEqual({ bridge: 'mon-watch', freshnessMinutes: null, reconcileCron: '0 0 2 * * *', sourceStale: 'off' });
});
