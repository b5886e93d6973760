import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { ConfigImportResult } from '../../shared/config-doc.js';
import { passwordVariableFor } from '../../shared/config-doc.js';
import { ExNodeError } from '../../shared/index.js';
import { startHarness, type Harness } from './bridges/harness.js';

describe('configuration import, all or nothing', () => {
  let h: Harness;
  afterAll(async () => h?.close());

  it('names the password variable after the connection', () => {
    expect(passwordVariableFor('hr-pg')).toBe('EXNODE_PW_HR_PG');
    expect(passwordVariableFor('人口.库')).toBe('EXNODE_PW_____');
  });

  it('rolls every change back when applying fails half-way, and says where', async () => {
    h = await startHarness();
    // A department's SQLite files live in the data directory's files/ (the node's own files are not connections).
    fs.mkdirSync(path.join(h.engine.dataDir, 'files'), { recursive: true });
    const file = path.join(h.engine.dataDir, 'files', 'biz.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT); CREATE TABLE b (id INTEGER PRIMARY KEY, v TEXT)');
    db.close();
    await h.call('connections/save', { config: { name: 'biz', dialect: 'sqlite', filename: file } });
    await h.call('bridges/save', { config: { name: 'keep', source: { connection: 'biz', table: 'a' } } });
    const before = await h.call<{ yaml: string }>('config/export', {});

    // Valid on its own, but the two new bridges write the same exchange table: the second fails when applied.
    const doc = {
      version: 1,
      connections: [{ name: 'biz', dialect: 'sqlite', filename: file }, { name: 'extra', dialect: 'sqlite', filename: file }],
      bridges: [
        { name: 'one', source: { connection: 'extra', table: 'b' }, target: { table: 'same' } },
        { name: 'two', source: { connection: 'biz', table: 'b' }, target: { table: 'same' } },
      ],
    };
    const plan = await h.call<ConfigImportResult>('config/import', { yaml: stringify(doc) });
    expect(plan.plan.map((p) => `${p.action} ${p.section}/${p.name}`).sort()).toEqual([
      'added bridges/one', 'added bridges/two', 'added connections/extra', 'removed bridges/keep', 'unchanged connections/biz',
    ]);
    const failed = await h.call('config/import', { yaml: stringify(doc), apply: true }).catch((e: unknown) => e as ExNodeError);
    expect(failed).toBeInstanceOf(ExNodeError);
    expect((failed as ExNodeError).localized('zh-CN')).toContain('导入在“bridges/two”处失败，已全部撤销');
    expect((await h.call<{ yaml: string }>('config/export', {})).yaml).toBe(before.yaml);
  });

  it('rolls schedules, run limits, monitoring settings and alert channels back when a later step fails', async () => {
    await h.call('bridges/save', { config: { name: 'timed', source: { connection: 'biz', table: 'b' } } });
    await h.call('schedules/set', { name: 'timed', spec: { kind: 'cron', cron: '0 0 4 * * *', timezone: 'Asia/Shanghai' } });
    await h.call('schedules/deploy', { name: 'timed' });
    await h.call('schedules/set-limit', { connection: 'biz', maxRuns: 3 });
    await h.call('monitor/bridge-settings/set', { bridge: 'timed', freshnessMinutes: 90 });
    await h.call('alerts/channels/save', { name: 'ops', config: { kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=OLDKEY' } });
    const before = await h.call<{ yaml: string }>('config/export', {});
    const tables = async () => Object.fromEntries(await Promise.all(
      ['schedules', 'connection_run_limits', 'monitor_bridge_settings', 'monitor_channels'].map(async (t) => [t, await h.engine.db(t).select()] as const)));
    const rows = await tables();
    const timedId = ((await h.engine.db('bridges').where({ name: 'timed' }).first()) as { id: string }).id;
    // The scheduler keeps deployed schedules in memory: it must read the restored table again.
    await h.engine.schedules.start();
    await h.engine.schedules.scheduler.settled();
    const nextFire = h.engine.schedules.scheduler.nextFireOf(timedId);
    expect(nextFire).not.toBeNull();

    // Every section but the last applies; the new channel's address variable then names another address.
    const doc = parse(before.yaml) as Record<string, unknown>;
    doc.schedules = [{ bridge: 'timed', spec: { kind: 'interval', every: '1m' }, deployed: false }, { bridge: 'keep', spec: { kind: 'after', after: 'timed' } }];
    doc.runLimits = [{ connection: 'biz', maxRuns: 9 }];
    doc.monitoring = [{ bridge: 'keep', reconcileCron: '0 0 5 * * *' }];
    doc.channels = [{ name: 'ops', kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send', urlVariable: 'EXNODE_ALERT_URL_OPS', minSeverity: 'critical' }];
    const yaml = stringify(doc);
    const plan = await h.call<ConfigImportResult>('config/import', { yaml });
    expect(plan.plan.filter((p) => p.action !== 'unchanged').map((p) => `${p.action} ${p.section}/${p.name}`).sort()).toEqual([
      'added monitoring/keep', 'added schedules/keep', 'changed channels/ops', 'changed runLimits/biz', 'changed schedules/timed', 'removed monitoring/timed',
    ]);
    const secret = 'https://evil.example.com/steal?key=NEWKEY';
    const failing = yaml;
    const error = await h.call('config/import', { yaml: failing, apply: true, secrets: [{ variable: 'EXNODE_ALERT_URL_OPS', secret }] }).catch((e: unknown) => e as ExNodeError);
    expect(error).toBeInstanceOf(ExNodeError);
    const text = (error as ExNodeError).localized('zh-CN');
    expect(text).toContain('导入在“channels/ops”处失败，已全部撤销');
    expect(text).toContain('EXNODE_ALERT_URL_OPS');
    expect(text).not.toContain('NEWKEY');
    expect((await h.call<{ yaml: string }>('config/export', {})).yaml).toBe(before.yaml);
    expect(await tables()).toEqual(rows);
    // The cron schedule fires as before, not every minute.
    await h.engine.schedules.scheduler.settled();
    expect(h.engine.schedules.scheduler.nextFireOf(timedId)).toBe(nextFire);
    h.engine.schedules.halt();
  });

  it('refuses hostile files with a clear message and applies nothing', async () => {
    const before = (await h.call<{ yaml: string }>('config/export', {})).yaml;
    const refused = async (yaml: string) => {
      const e = await h.call('config/import', { yaml, apply: true }).catch((x: unknown) => x as ExNodeError);
      expect(e).toBeInstanceOf(ExNodeError);
      return (e as ExNodeError).localized('zh-CN');
    };
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...['b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`)].join('\n');
    expect(await refused(`version: 1\n${bomb}\n`)).toContain('别名（*引用）展开过多');
    expect(await refused(`version: 1\nbridges: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`)).toContain('嵌套层数过深');
    expect(await refused('x'.repeat(20_000_001))).toMatch(/20000000|20,000,000|过长|太大|不能超过/);

    const problemsOf = async (doc: Record<string, unknown>) => (await h.call<ConfigImportResult>('config/import', { yaml: stringify(doc) })).problems
      .map((p) => `${p.where.replace(/（第 \d+ 行）/, '')}: ${p.message}`);
    const problems = await problemsOf({
      version: 1,
      schedules: [
        { bridge: 'ghost', spec: { kind: 'interval', every: '5m' } },
        { bridge: 'keep', spec: { kind: 'cron', cron: '0 0 2 * * *', timezone: 'Asia/Shanghai' }, extra: 1 },
        { bridge: 'ke\u202eep', spec: { kind: 'interval', every: '5m' } },
      ],
      channels: [
        { name: 'local', kind: 'webhook', url: 'file:///etc/passwd' },
        { name: 'bell\u0007', kind: 'webhook', url: 'https://ops.example.gov.cn/hook' },
        { name: 'inline', kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=INLINE' },
        { name: 'mail', kind: 'email', host: 'smtp.example.gov.cn', from: 'a@example.gov.cn', to: ['b@example.gov.cn'], password: 'x' },
      ],
      monitoring: [{ bridge: 'keep', reconcileCron: 'every night' }],
      runLimits: [{ connection: 'nowhere', maxRuns: 2 }],
    });
    const expectProblem = (where: string, text: RegExp) => expect(problems.find((p) => p.startsWith(`${where}: `)), `${where} in ${problems.join('\n')}`).toMatch(text);
    expectProblem('schedules[0].bridge', /调度所属的桥接任务“ghost”既不在文件中，也不在本节点上/);
    expectProblem('schedules[1]', /extra/);
    expectProblem('schedules[2].bridge', /格式不正确|letters|字母/);
    expectProblem('channels[0].url', /http/);
    expectProblem('channels[1].name', /控制字符/);
    expectProblem('channels[2].url', /令牌/);
    expectProblem('channels[3]', /password/);
    expectProblem('monitoring[0].reconcileCron', /cron/);
    expectProblem('runLimits[0].connection', /连接“nowhere”/);
    expect((await h.call<{ yaml: string }>('config/export', {})).yaml).toBe(before);
  });

  it('exports a stored channel whose name the file refuses, and the import then names the problem instead of failing', async () => {
    await h.call('alerts/channels/save', { name: 'bell\u0007', config: { kind: 'webhook', url: 'https://ops.example.gov.cn/hook' } });
    const { yaml } = await h.call<{ yaml: string }>('config/export', {});
    const plan = await h.call<ConfigImportResult>('config/import', { yaml });
    expect(plan.problems.map((p) => p.message)).toEqual(['名称不能含控制字符或不可见字符']);
    await h.call('alerts/channels/delete', { name: 'bell\u0007' });
  });
});
