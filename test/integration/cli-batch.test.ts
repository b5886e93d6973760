import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exnode } from '../support/cli.js';
import { readyNode } from '../support/node-setup.js';
import { MYSQL_DB } from '../support/servers.js';
import { tempDir } from '../support/temp.js';
import { createBatchTables, dropBatchTables } from '../support/batch-tables.js';

const tmp = tempDir();
const dataDir = path.join(tmp.dir, 'data');
let env: NodeJS.ProcessEnv = {};
let tables: { names: string[]; keyless: string[] };
const cli = (...args: string[]) => exnode(['--data-dir', dataDir, ...args], { env });
const bridgeNames = async () => (JSON.parse((await cli('bridge', 'list', '--json')).stdout) as { name: string }[]).map((b) => b.name);

beforeAll(async () => {
  tables = await createBatchTables('clibatch_');
  fs.mkdirSync(dataDir, { recursive: true });
  env = await readyNode(dataDir);
  const file = path.join(tmp.dir, 'biz.json');
  fs.writeFileSync(file, JSON.stringify({ name: 'biz', dialect: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: MYSQL_DB }));
  const added = await cli('connection', 'add', '--file', file);
  expect(added.code, added.stderr).toBe(0);
}, 120_000);
afterAll(async () => {
  await dropBatchTables(tables.names);
  tmp.remove();
});

describe('exnode bridge add-many', () => {
  it('creates nothing when a named table has no usable key, and says which and why', async () => {
    const r = await cli('--lang', 'zh-CN', 'bridge', 'add-many', '--connection', 'biz', '--tables', `clibatch_01,${tables.keyless[0]}`, '--mode', 'full');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(tables.keyless[0]);
    expect(r.stderr).toContain('没有主键或非空唯一键');
    expect(await bridgeNames()).toEqual([]);
  });

  it('creates nothing when a named table does not exist, or the mode needs a cursor', async () => {
    const missing = await cli('--lang', 'en', 'bridge', 'add-many', '--connection', 'biz', '--tables', 'clibatch_01,no_such_table');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no table\(s\): no_such_table/);
    const incremental = await cli('--lang', 'en', 'bridge', 'add-many', '--connection', 'biz', '--all', '--mode', 'incremental');
    expect(incremental.code).toBe(1);
    expect(incremental.stderr).toMatch(/cursor/);
    const neither = await cli('bridge', 'add-many', '--connection', 'biz');
    expect(neither.code).toBe(1);
    expect(await bridgeNames()).toEqual([]);
  });

  it('bridges every keyed table with --all, lists the keyless ones with the reason, and refuses a second identical batch', async () => {
    const r = await cli('--json', 'bridge', 'add-many', '--connection', 'biz', '--all', '--exclude', 'other_*', '--target-prefix', 'ods_');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { created: { name: string; targetTable: string }[]; skipped: { table: string; reason: { key: string } }[] };
    const ours = result.created.filter((b) => b.targetTable.startsWith('ods_clibatch_'));
    expect(ours).toHaveLength(18);
    expect(ours.map((b) => b.targetTable)).toContain('ods_clibatch_01');
    expect(result.skipped.filter((s) => s.table.startsWith('clibatch_')).map((s) => [s.table, s.reason.key]))
      .toEqual(tables.keyless.map((name) => [name, 'batch.noKey']));

    const before = await bridgeNames();
    const again = await cli('--lang', 'en', 'bridge', 'add-many', '--connection', 'biz', '--tables', 'clibatch_01,clibatch_02', '--target-prefix', 'ods_');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already taken, nothing was created/);
    expect(await bridgeNames()).toEqual(before);

    const run = await cli('bridge', 'run', 'biz-clibatch_05', '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'succeeded', sender: { total: 15 }, deviation: { total: 0 } });
  });
});

describe('the CLI language', () => {
  it('prints human output in --lang, and the same JSON in every language', async () => {
    const zh = await cli('--lang', 'zh-CN', 'bridge', 'list');
    const en = await cli('--lang', 'en', 'bridge', 'list');
    expect(zh.stdout).toMatch(/全量/);
    expect(en.stdout).toMatch(/ full /);
    expect(en.stdout).not.toMatch(/全量/);
    const jsonZh = await cli('--lang', 'zh-CN', '--json', 'run', 'list');
    const jsonEn = await cli('--lang', 'en', '--json', 'run', 'list');
    expect(jsonZh.stdout).toBe(jsonEn.stdout);
    const bad = await cli('--lang', 'fr', 'bridge', 'list');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/zh-CN/);
  });

  it('shows run times in local time with the offset', async () => {
    const shown = await cli('--lang', 'en', 'run', 'list', '--limit', '1');
    expect(shown.stdout).toMatch(/started \d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d/);
  });

  it('says an unknown run id is unknown and points to the run list, in both languages', async () => {
    const en = await cli('--lang', 'en', 'run', 'show', 'run_nope');
    expect(en.code).toBe(1);
    expect(en.stderr).toMatch(/No run with id run_nope; see recent runs with `exnode run list`/);
    expect(en.stderr).not.toMatch(/bridge list/);
    const zh = await cli('--lang', 'zh-CN', 'run', 'show', 'run_nope');
    expect(zh.stderr).toMatch(/错误 \[NOT_FOUND\]: 不存在编号为 run_nope 的运行记录/);
  });

  it('says on stderr when --data-dir does not exist yet', async () => {
    const fresh = path.join(tmp.dir, 'typo-dir');
    // A directory that does not exist has no accounts either: the notice comes before the refusal.
    const r = await exnode(['--data-dir', fresh, '--lang', 'en', 'bridge', 'list']);
    expect(r.stderr).toContain(`Data directory ${fresh} does not exist`);
    expect(r.stdout).not.toContain('does not exist');
  });

  it('translates validation errors of a file into Chinese', async () => {
    const file = path.join(tmp.dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ name: '人口 库/1', dialect: 'mysql', host: 'h', database: 'd', user: 'u' }));
    const r = await cli('--lang', 'zh-CN', 'connection', 'add', '--file', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/数据源文件 .*bad\.json无效：name: 只能包含字母、数字、汉字/);
  });
});
