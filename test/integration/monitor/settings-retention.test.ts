import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, BridgeMonitorSettings, CheckReport } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { CONFIGS } from '../conformance/dialects.js';
import { actorWith } from '../../support/actors.js';
import { exnode } from '../../support/cli.js';
import { readyNode } from '../../support/node-setup.js';
import { ManualClock } from '../../support/manual-clock.js';
import { createPeople, startHarness, type Harness } from '../bridges/harness.js';

const DAY = 86_400_000;

/** Per-bridge watch settings (who may set them, what is refused, the CLI verb) and the alert history's retention. */
describe('monitoring settings and alert retention', () => {
  let h: Harness;
  let maria: Connector;
  let env: NodeJS.ProcessEnv;
  const people = { name: 'monr_people' };
  const BRIDGE = 'monr-people';
  const set = (input: object, actor = actorWith('operator')) => h.engine.call('monitor/bridge-settings/set', { bridge: BRIDGE, ...input }, actor);
  const cli = (lang: string, ...args: string[]) => exnode(['--data-dir', h.engine.dataDir, '--lang', lang, ...args], { env });

  beforeAll(async () => {
    h = await startHarness();
    env = await readyNode(h.engine.dataDir);
    await h.call('connections/save', { config: { ...CONFIGS.mysql, name: 'maria' } });
    maria = await h.connector('maria');
    await createPeople(maria, people, 10);
    await h.call('bridges/save', { config: { name: BRIDGE, source: { connection: 'maria', table: people.name }, target: { table: 'monr_x_people' }, mode: 'full' } });
  });
  afterAll(async () => {
    await maria.dropTable(people);
    await h.close();
  });

  it('lets an operator set a bridge\'s watch settings and refuses a viewer in the engine', async () => {
    await expect(set({ freshnessMinutes: 120 }, actorWith('viewer'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(set({ freshnessMinutes: 120 }, actorWith('auditor'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await set({ freshnessMinutes: 120, sourceStale: 360 })).toMatchObject({ freshnessMinutes: 120, reconcileCron: null, sourceStale: 360 });
    // A viewer may read them.
    expect(await h.engine.call('monitor/bridge-settings', { bridge: BRIDGE }, actorWith('viewer'))).toMatchObject({ freshnessMinutes: 120 });
  });

  it('refuses hostile values in every field and keeps what was stored', async () => {
    const hostile: object[] = [
      { freshnessMinutes: -1 }, { freshnessMinutes: 0 }, { freshnessMinutes: 1e12 }, { freshnessMinutes: 1.5 }, { freshnessMinutes: '60' },
      { reconcileCron: "'; DROP TABLE alerts; --" }, { reconcileCron: '* * * * * * * *' }, { reconcileCron: 'x'.repeat(101) }, { reconcileCron: '* *' },
      { sourceStale: 'auto; rm -rf /' }, { sourceStale: 9 }, { sourceStale: -5 }, { sourceStale: null }, { sourceStale: { limit: 1 } },
      { owner: 'me' },
    ];
    for (const input of hostile) await expect(set(input), JSON.stringify(input)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(h.engine.call('monitor/bridge-settings/set', { bridge: '../../etc/passwd', freshnessMinutes: 5 }, actorWith('operator'))).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(h.engine.call('monitor/bridge-settings/set', { bridge: 'no-such-bridge', freshnessMinutes: 5 }, actorWith('operator'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.call<BridgeMonitorSettings>('monitor/bridge-settings', { bridge: BRIDGE })).toEqual({ bridge: BRIDGE, freshnessMinutes: 120, reconcileCron: null, sourceStale: 360 });
  });

  it('shows and changes them from the CLI, with --json and in both languages', async () => {
    const changed = await cli('en', 'monitor', 'settings', BRIDGE, '--freshness', '2h', '--reconcile', '0 0 2 * * *', '--source-stale', '6h', '--json');
    expect(changed.code, changed.stderr).toBe(0);
    expect(JSON.parse(changed.stdout)).toEqual({ bridge: BRIDGE, freshnessMinutes: 120, reconcileCron: '0 0 2 * * *', sourceStale: 360 });

    const zh = await cli('zh-CN', 'monitor', 'settings', BRIDGE, '--no-reconcile', '--source-stale', 'off');
    expect(zh.code, zh.stderr).toBe(0);
    expect(zh.stdout).toBe(`桥接任务“${BRIDGE}”的监控设置\n  数据时限：120 分钟\n  定时数据核对：未设置\n  源数据停止变化告警：关闭\n`);

    const shown = await cli('en', 'monitor', 'settings', BRIDGE);
    expect(shown.stdout).toContain('Nothing to change was given');
    expect(shown.stdout).toContain('"source stopped changing" alert: off');

    const bad = await cli('zh-CN', 'monitor', 'settings', BRIDGE, '--freshness', 'soon');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--freshness 的值“soon”无效');
    const badCron = await cli('en', 'monitor', 'settings', BRIDGE, '--reconcile', 'every night please', '--json');
    expect(badCron.code).not.toBe(0);
    expect(`${badCron.stdout}${badCron.stderr}`).toContain('INVALID_INPUT');
  });

  it('prunes resolved alerts and stored data reconciliations past the retention limit, never active ones', async () => {
    const alerts = h.engine.monitor.alerts;
    const resolved = await alerts.raise({ kind: 'disk-space', severity: 'critical', subject: 'node:test-resolved', message: { key: 'alerts.notFound', params: { id: 1 } } });
    await alerts.resolve('disk-space', 'node:test-resolved');
    const acknowledged = await alerts.raise({ kind: 'disk-space', severity: 'critical', subject: 'node:test-acked', message: { key: 'alerts.notFound', params: { id: 2 } } });
    await alerts.acknowledge(acknowledged.id, 'someone', 'on it');
    const open = await alerts.raise({ kind: 'disk-space', severity: 'critical', subject: 'node:test-open', message: { key: 'alerts.notFound', params: { id: 3 } } });
    await h.engine.db('monitor_data_reconciliations').insert({ bridge_id: 'x', bridge_name: BRIDGE, started_at: new Date().toISOString(), deviation: 0, result_json: null, error: null });
    const ids = async () => (await h.call<{ items: Alert[] }>('alerts/list', { kind: 'disk-space', limit: 1000 })).items.map((a) => a.id).sort((a, b) => a - b);
    const check = async (daysAhead: number) => {
      h.engine.monitor.clock = new ManualClock(Date.now() + daysAhead * DAY);
      return (await h.call<CheckReport>('monitor/check', {})).pruned;
    };

    expect(await check(364)).toEqual({ alerts: 0, reconciliations: 0 });
    expect(await ids()).toEqual(expect.arrayContaining([resolved.id, acknowledged.id, open.id]));

    // Below six months is refused; 180 days is allowed and applies at the next check.
    await expect(h.call('settings/set', { alertRetentionDays: 90 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(h.engine.call('settings/set', { alertRetentionDays: 200 }, actorWith('operator'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await h.call('settings/set', { alertRetentionDays: 180 });
    expect(await check(179)).toEqual({ alerts: 0, reconciliations: 0 });
    expect(await check(181)).toEqual({ alerts: 1, reconciliations: 1 });
    const left = await ids();
    expect(left).not.toContain(resolved.id);
    expect(left).toEqual(expect.arrayContaining([acknowledged.id, open.id]));
    // Years later the active ones are still there.
    expect((await check(3000)).alerts).toBe(0);
    expect(await ids()).toEqual(expect.arrayContaining([acknowledged.id, open.id]));
    h.engine.monitor.clock = new ManualClock(Date.now());
  });
});
