import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { channelVariableFor, type ConfigImportResult } from '../../shared/config-doc.js';
import { Engine } from '../../electron/engine/engine.js';
import { MYSQL_DB, PG_DB } from '../support/servers.js';
import { TEST_ACTOR } from '../support/actors.js';
import { exnode } from '../support/cli.js';
import { readyNode } from '../support/node-setup.js';
import { tempDir } from '../support/temp.js';
import { sampleEntry } from './catalog-sample.js';

const CANARY = 'CANARY-pw-7f3k9q';
const CANARY_TOKEN = 'CANARYtoken8d2e';
const CANARY_SIGN = 'SECcanarySign41x';
const CANARY_SMTP = 'CANARY-smtp-pw-55';
/** The variables the file names for the secrets of node A's connection and channels, with their values. */
const SECRETS = {
  EXNODE_PW_HR_PG: CANARY,
  [channelVariableFor('值班群', 'url')]: `https://oapi.dingtalk.com/robot/send?access_token=${CANARY_TOKEN}`,
  [channelVariableFor('值班群', 'secret')]: CANARY_SIGN,
  [channelVariableFor('mail', 'secret')]: CANARY_SMTP,
};
const CANARIES = [CANARY, CANARY_TOKEN, CANARY_SIGN, CANARY_SMTP];
const TABLE = 'cfg_people';

describe('configuration as code', () => {
  const tmp = tempDir('exnode-config-');
  const dirA = path.join(tmp.dir, 'a');
  const dirB = path.join(tmp.dir, 'b');
  const file = path.join(tmp.dir, 'node.yaml');
  const servers = {
    mysql: knexFactory({ client: 'mysql2', connection: { host: '127.0.0.1', user: 'root', database: MYSQL_DB } }),
    postgres: knexFactory({ client: 'pg', connection: { host: '127.0.0.1', user: 'postgres', database: PG_DB } }),
  };
  let envA: NodeJS.ProcessEnv;
  let envB: NodeJS.ProcessEnv;
  const cli = (dir: string, env: NodeJS.ProcessEnv, ...args: string[]) => exnode(['--data-dir', dir, ...args], { env });
  /** A node's schedules and alert channels as the engine holds them. */
  const inspect = async (dir: string) => {
    const engine = await Engine.open({ dataDir: dir });
    try {
      return { schedules: (await engine.call('schedules/list', {}, TEST_ACTOR)).schedules, channels: await engine.call('alerts/channels', {}, TEST_ACTOR) };
    } finally {
      await engine.close();
    }
  };

  beforeAll(async () => {
    for (const k of Object.values(servers)) {
      await k.raw(`DROP TABLE IF EXISTS ${TABLE}`);
      await k.schema.createTable(TABLE, (t) => {
        t.integer('id').primary();
        t.string('name', 40).notNullable();
        t.string('city', 20);
      });
      await k(TABLE).insert(Array.from({ length: 250 }, (_, i) => ({ id: i + 1, name: `居民${i + 1}号`, city: ['济南', '肥城', '泰安'][i % 3] })));
    }
    // Node A: connections (one with a password), bridges, a catalog entry; its bridges have run.
    const a = await Engine.open({ dataDir: dirA });
    await a.call('connections/save', { config: { name: 'hr-pg', dialect: 'postgres', host: '127.0.0.1', user: 'postgres', database: PG_DB, password: CANARY } }, TEST_ACTOR);
    await a.call('connections/save', { config: { name: 'hr.my', dialect: 'mysql', host: '127.0.0.1', user: 'root', database: MYSQL_DB } }, TEST_ACTOR);
    await a.call('bridges/save', { config: { name: 'people-pg', source: { connection: 'hr-pg', table: TABLE }, target: { table: 'people_pg' } } }, TEST_ACTOR);
    await a.call('bridges/save', { config: { name: 'people-my', source: { connection: 'hr.my', table: TABLE }, target: { table: 'people_my' }, mode: 'diff', primaryKey: ['id'] } }, TEST_ACTOR);
    await a.call('catalog/save', { entry: sampleEntry({ bridge: 'people-pg' }) }, TEST_ACTOR);
    // Schedules (one deployed), a run limit, monitoring settings and alert channels with secrets.
    await a.call('schedules/set', { name: 'people-pg', spec: { kind: 'cron', cron: '0 30 2 * * *', timezone: 'Asia/Shanghai' } }, TEST_ACTOR);
    await a.call('schedules/deploy', { name: 'people-pg' }, TEST_ACTOR);
    await a.call('schedules/set', { name: 'people-my', spec: { kind: 'after', after: 'people-pg' }, missedPolicy: 'skip' }, TEST_ACTOR);
    await a.call('schedules/set-limit', { connection: 'hr-pg', maxRuns: 2 }, TEST_ACTOR);
    await a.call('monitor/bridge-settings/set', { bridge: 'people-pg', freshnessMinutes: 1500, reconcileCron: '0 0 3 * * *' }, TEST_ACTOR);
    await a.call('alerts/channels/save', { name: '值班群', config: { kind: 'dingtalk', url: `https://oapi.dingtalk.com/robot/send?access_token=${CANARY_TOKEN}` }, secret: CANARY_SIGN }, TEST_ACTOR);
    await a.call('alerts/channels/save', { name: 'mail', config: { kind: 'email', host: 'smtp.example.gov.cn', user: 'alert', from: 'alert@example.gov.cn', to: ['duty@example.gov.cn'] }, secret: CANARY_SMTP, minSeverity: 'critical' }, TEST_ACTOR);
    await a.call('alerts/channels/save', { name: 'hook', config: { kind: 'webhook', url: 'https://ops.example.gov.cn/exnode/alerts' }, enabled: false }, TEST_ACTOR);
    for (const name of ['people-pg', 'people-my']) expect((await a.call('bridges/run', { name, wait: true }, TEST_ACTOR)).status).toBe('succeeded');
    await a.close();
    envA = await readyNode(dirA);
    envB = await readyNode(dirB);
  });
  afterAll(async () => {
    for (const k of Object.values(servers)) {
      await k.raw(`DROP TABLE IF EXISTS ${TABLE}`);
      await k.destroy();
    }
    tmp.remove();
  });

  it('exports without any secret: each connection names its password variable', async () => {
    const out = await cli(dirA, envA, 'config', 'export', '--out', file);
    expect(out.code, out.stderr).toBe(0);
    const yaml = fs.readFileSync(file, 'utf8');
    const schema = fs.readFileSync(path.join(tmp.dir, 'exnode-config.schema.json'), 'utf8');
    for (const text of [yaml, schema, out.stdout, out.stderr]) for (const canary of CANARIES) expect(text).not.toContain(canary);
    expect(yaml).toContain('passwordVariable: EXNODE_PW_HR_PG');
    expect(channelVariableFor('值班群', 'url')).toBe('EXNODE_ALERT_URL_U503CU73EDU7FA4');
    expect(yaml).toContain(`urlVariable: ${channelVariableFor('值班群', 'url')}`);
    expect(yaml).toContain('url: https://oapi.dingtalk.com/robot/send\n');
    expect(yaml).toContain(`secretVariable: ${channelVariableFor('mail', 'secret')}`);
    expect(yaml).not.toContain(channelVariableFor('hook', 'url'));
    const doc = parse(yaml) as Record<string, unknown>;
    expect(doc.schedules).toEqual([
      { bridge: 'people-my', spec: { kind: 'after', after: 'people-pg' }, missedPolicy: 'skip', deployed: false },
      { bridge: 'people-pg', spec: { kind: 'cron', cron: '0 30 2 * * *', timezone: 'Asia/Shanghai' }, missedPolicy: 'run-once', deployed: true },
    ]);
    expect(doc.runLimits).toEqual([{ connection: 'hr-pg', maxRuns: 2 }]);
    expect(doc.monitoring).toEqual([{ bridge: 'people-pg', freshnessMinutes: 1500, reconcileCron: '0 0 3 * * *' }]);
    expect(JSON.parse(schema)).toMatchObject({ properties: { schedules: { type: 'array' }, channels: { type: 'array' }, monitoring: { type: 'array' }, runLimits: { type: 'array' } } });
    expect(yaml).not.toContain('EXNODE_PW_HR_MY');
    expect(yaml).toContain('${DATA_DIR}/exchange.sqlite');
    expect(yaml).toContain('常住人口基本信息');
    expect(JSON.parse(schema)).toMatchObject({ type: 'object', properties: { bridges: { type: 'array' } } });
    const audit = new Database(path.join(dirA, 'state.sqlite'), { readonly: true });
    const trail = JSON.stringify(audit.prepare('SELECT * FROM audit_events').all());
    for (const canary of [CANARY, CANARY_SIGN, CANARY_SMTP]) expect(trail).not.toContain(canary);
    audit.close();
  });

  it('plans an import into an empty node without changing it, then applies it and the bridges run to the same result', async () => {
    const dry = await cli(dirB, envB, '--json', 'config', 'import', file);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = JSON.parse(dry.stdout) as ConfigImportResult;
    expect(plan.applied).toBe(false);
    expect(plan.plan.filter((p) => p.action === 'added').map((p) => `${p.section}/${p.name}`).sort()).toEqual([
      'bridges/people-my', 'bridges/people-pg', 'catalog/101001/000001', 'channels/hook', 'channels/mail', 'channels/值班群',
      'connections/hr-pg', 'connections/hr.my', 'monitoring/people-pg', 'runLimits/hr-pg', 'schedules/people-my', 'schedules/people-pg',
    ]);
    // Without --deploy the deployed schedule arrives stopped, and the plan says so.
    expect(plan.notDeployed).toEqual(['people-pg']);
    expect(plan.variables.map((v) => v.variable).sort()).toEqual(Object.keys(SECRETS).sort());
    const list = await cli(dirB, envB, '--json', 'bridge', 'list');
    expect(JSON.parse(list.stdout)).toEqual([]);

    const applied = await cli(dirB, { ...envB, ...SECRETS }, '--json', 'config', 'import', file, '--yes', '--deploy');
    expect(applied.code, applied.stderr).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ applied: true, withoutPassword: [], withoutSecret: [], notDeployed: [] });
    for (const canary of CANARIES) expect(applied.stdout + applied.stderr).not.toContain(canary);
    for (const name of ['people-pg', 'people-my']) {
      const run = await cli(dirB, envB, 'bridge', 'run', name);
      expect(run.code, run.stderr + run.stdout).toBe(0);
    }
    const rows = (dir: string, table: string) => {
      const db = new Database(path.join(dir, 'exchange.sqlite'), { readonly: true });
      const all = db.prepare(`SELECT id, name, city FROM ${table} ORDER BY id`).all();
      db.close();
      return all;
    };
    for (const table of ['people_pg', 'people_my']) {
      expect(rows(dirB, table)).toHaveLength(250);
      expect(rows(dirB, table)).toEqual(rows(dirA, table));
    }
    const catalog = await cli(dirB, envB, '--json', 'catalog', 'list');
    expect(JSON.parse(catalog.stdout)[0].entry).toMatchObject({ code: '101001/000001', bridge: 'people-pg', name: '常住人口基本信息' });
  });

  it('exports the imported node to the identical file, schedules deployed and channels with their secrets', async () => {
    const again = path.join(tmp.dir, 'again.yaml');
    const out = await cli(dirB, envB, 'config', 'export', '--out', again);
    expect(out.code, out.stderr).toBe(0);
    expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(file, 'utf8'));
    const { schedules, channels } = await inspect(dirB);
    expect(schedules.find((x) => x.bridge === 'people-pg')).toMatchObject({ deployed: true, deployedBy: 'sysadmin' });
    expect(channels.map((c) => [c.name, c.hasSecret, c.enabled])).toEqual([['hook', false, false], ['mail', true, true], ['值班群', true, true]]);
  });

  it('plans no change when the same file is imported again', async () => {
    const again = await cli(dirB, envB, '--json', 'config', 'import', file);
    const plan = JSON.parse(again.stdout) as ConfigImportResult;
    expect(plan.plan.filter((p) => p.action !== 'unchanged')).toEqual([]);
    expect(plan.plan.length).toBe(13);
    expect(plan.notDeployed).toEqual([]);
  });

  it('imports a connection whose variable is unset without a password, and flags it', async () => {
    const dirC = path.join(tmp.dir, 'c');
    const envC = await readyNode(dirC);
    const out = await cli(dirC, { ...envC, EXNODE_PW_HR_PG: undefined }, '--json', 'config', 'import', file, '--yes');
    expect(out.code, out.stderr).toBe(0);
    const result = JSON.parse(out.stdout) as ConfigImportResult;
    expect(result.withoutPassword).toEqual([{ name: 'hr-pg', variable: 'EXNODE_PW_HR_PG' }]);
    // Channels without their secret or token arrive disabled and flagged; the deployed schedule arrives stopped.
    expect(result.withoutSecret).toEqual([
      { name: 'mail', variable: channelVariableFor('mail', 'secret') },
      { name: '值班群', variable: channelVariableFor('值班群', 'url') },
      { name: '值班群', variable: channelVariableFor('值班群', 'secret') },
    ]);
    expect(result.notDeployed).toEqual(['people-pg']);
    const { schedules, channels } = await inspect(dirC);
    expect(channels.find((c) => c.name === '值班群')).toMatchObject({ enabled: false, hasSecret: false, config: { url: 'https://oapi.dingtalk.com/robot/send' } });
    expect(schedules.find((x) => x.bridge === 'people-pg')).toMatchObject({ deployed: false, spec: { kind: 'cron', cron: '0 30 2 * * *' } });
    const text = await cli(dirC, envC, '--lang', 'en', 'config', 'import', file);
    expect(text.stdout).toContain('The schedule of bridge "people-pg" is deployed in the file but arrives stopped; add --deploy');
    const zh = await cli(dirC, envC, '--lang', 'zh-CN', 'config', 'import', file);
    expect(zh.stdout).toContain('桥接“people-pg”的调度在文件中为已部署，导入后为停止状态');
    expect(zh.stdout).toContain('~ channels/值班群 (enabled, secretVariable, urlVariable)');
  });

  it('changes nothing for a malformed or partly invalid file, and names each problem with its path', async () => {
    const before = await cli(dirB, envB, '--json', 'config', 'export', '--out', path.join(tmp.dir, 'before.yaml'));
    expect(before.code).toBe(0);
    const broken = path.join(tmp.dir, 'broken.yaml');
    fs.writeFileSync(broken, 'version: 1\nconnections:\n  - name: x\n    dialect: [mysql\n');
    const malformed = await cli(dirB, envB, 'config', 'import', broken, '--yes');
    expect(malformed.code).not.toBe(0);
    expect(malformed.stderr).toMatch(/YAML/);

    const yaml = fs.readFileSync(file, 'utf8')
      .replace('batchSize: 5000', 'batchSize: -5')
      .replace('updateCycle: daily', 'updateCycle: hourly')
      .replace('version: 1', 'version: 1\nschedulez: []');
    const partial = path.join(tmp.dir, 'partial.yaml');
    fs.writeFileSync(partial, yaml.replace(/name: hr\.my\n/, 'name: hr.my\n    port: "3306"\n'));
    const out = await cli(dirB, envB, '--json', 'config', 'import', partial, '--yes');
    expect(out.code, out.stderr).toBe(1);
    const result = JSON.parse(out.stdout) as ConfigImportResult;
    const where = result.problems.map((p) => p.where.replace(/（第 \d+ 行）/, ''));
    expect(where).toEqual(expect.arrayContaining(['schedulez', 'connections[1].port', 'bridges[0].batchSize', 'catalog[0].updateCycle']));
    expect(result.problems.every((p) => /第 \d+ 行/.test(p.where))).toBe(true);
    expect(result.applied).toBe(false);
    await cli(dirB, envB, 'config', 'export', '--out', path.join(tmp.dir, 'after.yaml'));
    expect(fs.readFileSync(path.join(tmp.dir, 'after.yaml'), 'utf8')).toBe(fs.readFileSync(path.join(tmp.dir, 'before.yaml'), 'utf8'));
  });
});
