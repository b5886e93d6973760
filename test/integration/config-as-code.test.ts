import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import knexFactory from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigImportResult } from '../../shared/config-doc.js';
import { Engine } from '../../electron/engine/engine.js';
import { MYSQL_DB, PG_DB } from '../support/servers.js';
import { TEST_ACTOR } from '../support/actors.js';
import { exnode } from '../support/cli.js';
import { readyNode } from '../support/node-setup.js';
import { tempDir } from '../support/temp.js';
import { sampleEntry } from './catalog-sample.js';

const CANARY = 'CANARY-pw-7f3k9q';
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
    for (const text of [yaml, schema, out.stdout, out.stderr]) expect(text).not.toContain(CANARY);
    expect(yaml).toContain('passwordVariable: EXNODE_PW_HR_PG');
    expect(yaml).not.toContain('EXNODE_PW_HR_MY');
    expect(yaml).toContain('${DATA_DIR}/exchange.sqlite');
    expect(yaml).toContain('常住人口基本信息');
    expect(JSON.parse(schema)).toMatchObject({ type: 'object', properties: { bridges: { type: 'array' } } });
    const audit = new Database(path.join(dirA, 'state.sqlite'), { readonly: true });
    expect(JSON.stringify(audit.prepare('SELECT * FROM audit_events').all())).not.toContain(CANARY);
    audit.close();
  });

  it('plans an import into an empty node without changing it, then applies it and the bridges run to the same result', async () => {
    const dry = await cli(dirB, envB, '--json', 'config', 'import', file);
    expect(dry.code, dry.stderr).toBe(0);
    const plan = JSON.parse(dry.stdout) as ConfigImportResult;
    expect(plan.applied).toBe(false);
    expect(plan.plan.filter((p) => p.action === 'added').map((p) => `${p.section}/${p.name}`).sort())
      .toEqual(['bridges/people-my', 'bridges/people-pg', 'catalog/101001/000001', 'connections/hr-pg', 'connections/hr.my']);
    const list = await cli(dirB, envB, '--json', 'bridge', 'list');
    expect(JSON.parse(list.stdout)).toEqual([]);

    const applied = await cli(dirB, { ...envB, EXNODE_PW_HR_PG: CANARY }, '--json', 'config', 'import', file, '--yes');
    expect(applied.code, applied.stderr).toBe(0);
    expect(JSON.parse(applied.stdout)).toMatchObject({ applied: true, withoutPassword: [] });
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

  it('plans no change when the same file is imported again', async () => {
    const again = await cli(dirB, envB, '--json', 'config', 'import', file);
    const plan = JSON.parse(again.stdout) as ConfigImportResult;
    expect(plan.plan.filter((p) => p.action !== 'unchanged')).toEqual([]);
    expect(plan.plan.length).toBe(6);
  });

  it('imports a connection whose variable is unset without a password, and flags it', async () => {
    const dirC = path.join(tmp.dir, 'c');
    const envC = await readyNode(dirC);
    const out = await cli(dirC, { ...envC, EXNODE_PW_HR_PG: undefined }, '--json', 'config', 'import', file, '--yes');
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout).withoutPassword).toEqual([{ name: 'hr-pg', variable: 'EXNODE_PW_HR_PG' }]);
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
