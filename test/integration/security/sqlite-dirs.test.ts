import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../../shared/index.js';
import { exnode } from '../../support/cli.js';
import { signIn } from '../../support/node-setup.js';
import { tempDir } from '../../support/temp.js';
import { startHttpNode, type HttpNode } from './http-node.js';

/** A SQLite business file with one table, for connections and bridges to use. */
function businessFile(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.exec('CREATE TABLE IF NOT EXISTS people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
  db.prepare('INSERT OR REPLACE INTO people VALUES (1, ?)').run('张三');
  db.close();
  return file;
}

describe('SQLite files only under the directories the system administrator allows (HTTP)', () => {
  let node: HttpNode;
  let outside: string;
  const save = (name: string, filename: string) => node.post('connections/save', { config: { name, dialect: 'sqlite', filename } }, node.as('sysadmin'));
  const test = (name: string, filename: string) => node.post('connections/test', { config: { name, dialect: 'sqlite', filename } }, node.as('sysadmin'));
  const refusal = async (res: Promise<{ statusCode: number; json: () => { error: { key: string; message: string } } }>) => {
    const r = await res;
    return { status: r.statusCode, key: r.json().error?.key };
  };

  beforeAll(async () => {
    node = await startHttpNode();
    outside = path.join(node.tmpDir, 'elsewhere');
    businessFile(path.join(outside, 'biz.sqlite'));
    fs.mkdirSync(path.join(node.dataDir, 'files'), { recursive: true });
  }, 60_000);
  afterAll(async () => node.close());

  it('allows only the data directory\'s files/ by default, and says which setting to change', async () => {
    expect((await node.post('files/sqliteDirs', {}, node.as('sysadmin'))).json()).toEqual({ dirs: [path.join(node.dataDir, 'files')] });
    const res = await save('biz', path.join(outside, 'biz.sqlite'));
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', key: 'security.sqliteOutside' });
    const zh = translate('zh-CN', 'security.sqliteOutside', res.json().error.params);
    expect(zh).toContain('“SQLite 文件目录”设置');
    expect(zh).toContain(path.join(node.dataDir, 'files'));
    expect(await refusal(test('biz', path.join(outside, 'biz.sqlite')))).toEqual({ status: 403, key: 'security.sqliteOutside' });
    expect(fs.existsSync(path.join(outside, 'new.sqlite'))).toBe(false);
    expect(await refusal(test('biz', path.join(outside, 'new.sqlite')))).toEqual({ status: 403, key: 'security.sqliteOutside' });
    expect(fs.existsSync(path.join(outside, 'new.sqlite'))).toBe(false);
    businessFile(path.join(node.dataDir, 'files', 'ok.sqlite'));
    expect((await save('ok', path.join(node.dataDir, 'files', 'ok.sqlite'))).statusCode).toBe(200);
  });

  it('refuses hostile paths: .., symbolic and hard links, hidden characters, look-alikes, case, URIs', async () => {
    const files = path.join(node.dataDir, 'files');
    fs.symlinkSync(path.join(outside, 'biz.sqlite'), path.join(files, 'link-out.sqlite'));
    fs.symlinkSync(path.join(node.dataDir, 'state.sqlite'), path.join(files, 'link-state.sqlite'));
    fs.symlinkSync(node.dataDir, path.join(files, 'up'));
    fs.symlinkSync(path.join(outside, 'created-by-sqlite.sqlite'), path.join(files, 'dangling.sqlite'));
    fs.linkSync(path.join(node.dataDir, 'state.sqlite'), path.join(files, 'hard.sqlite'));
    fs.mkdirSync(path.join(node.dataDir, 'ｆｉｌｅｓ'));
    const cases: [string, string][] = [
      [path.join(files, '..', 'state.sqlite'), 'connections.internalFile'],
      [`${files}/../../data/exchange.sqlite`, 'connections.internalFile'],
      [path.join(files, '..', '..', 'elsewhere', 'biz.sqlite'), 'security.sqliteOutside'],
      [path.join(files, 'link-out.sqlite'), 'security.sqliteOutside'],
      [path.join(files, 'link-state.sqlite'), 'connections.internalFile'],
      [path.join(files, 'up', 'state.sqlite'), 'connections.internalFile'],
      [path.join(files, 'up', 'audit.key'), 'connections.internalFile'],
      [path.join(files, 'dangling.sqlite'), 'security.sqliteDanglingLink'],
      [path.join(files, 'hard.sqlite'), 'connections.internalFile'],
      [path.join(node.dataDir, 'ｆｉｌｅｓ', 'x.sqlite'), 'connections.internalFile'],
      [path.join(node.tmpDir, 'FILES', 'x.sqlite'), 'security.sqliteOutside'],
      [`${files}\u200b/x.sqlite`, 'security.sqliteHiddenChars'],
      [`${files}/\u202Eetilqs.x`, 'security.sqliteHiddenChars'],
      [`${files}/x\u0000.sqlite`, 'security.sqliteHiddenChars'],
      [`${files}/x\u3000.sqlite`, 'security.sqliteHiddenChars'],
      [`file:${files}/x.sqlite?vfs=unix-none`, 'security.sqliteUri'],
      [`FILE:${files}/x.sqlite`, 'security.sqliteUri'],
      ['relative/../../x.sqlite', 'security.sqliteOutside'],
    ];
    for (const [filename, key] of cases) {
      expect({ filename, ...(await refusal(save('evil', filename))) }).toEqual({ filename, status: expect.toBeOneOf([400, 403]), key });
      expect({ filename, ...(await refusal(test('evil', filename))) }).toEqual({ filename, status: expect.toBeOneOf([400, 403]), key });
    }
    // Nothing was created by a refused test, and the message shows hidden characters instead of hiding them.
    expect(fs.existsSync(path.join(outside, 'created-by-sqlite.sqlite'))).toBe(false);
    expect((await save('evil', `${files}\u200b/x.sqlite`)).json().error.message).toContain('\\u200B');
    expect((await node.post('connections/list', {}, node.as('sysadmin'))).json().map((c: { name: string }) => c.name)).not.toContain('evil');
  });

  it('never lets the exchange database be the state database or another file of the node', async () => {
    for (const file of ['state.sqlite', 'audit.key', 'files/../state.sqlite', 'logs/x.sqlite']) {
      const res = await node.post('exchange/set', { config: { name: 'exch', dialect: 'sqlite', filename: path.join(node.dataDir, file) } }, node.as('sysadmin'));
      expect({ file, status: res.statusCode, key: res.json().error?.key }).toEqual({ file, status: 403, key: 'connections.internalFile' });
    }
    fs.symlinkSync(path.join(node.dataDir, 'state.sqlite'), path.join(node.dataDir, 'files', 'exch-link.sqlite'));
    const linked = await node.post('exchange/set', { config: { name: 'exch', dialect: 'sqlite', filename: path.join(node.dataDir, 'files', 'exch-link.sqlite') } }, node.as('sysadmin'));
    expect(linked.json().error?.key).toBe('connections.internalFile');
    expect((await node.post('exchange/get', {}, node.as('sysadmin'))).json().name).toBe('exchange');
  });

  it('lets only the system administrator change the directories, and checks them', async () => {
    for (const role of ['secadmin', 'auditor', 'operator', 'viewer'] as const) {
      expect((await node.post('files/setSqliteDirs', { dirs: [outside] }, node.as(role))).statusCode).toBe(403);
      expect((await node.post('files/sqliteDirs', {}, node.as(role))).statusCode).toBe(403);
    }
    for (const dirs of [['relative/dir'], [path.join(outside, 'missing')], [path.join(outside, 'biz.sqlite')], [`${outside}\u200b`], ['x'.repeat(2000)], Array(40).fill(outside)]) {
      const res = await node.post('files/setSqliteDirs', { dirs }, node.as('sysadmin'));
      expect({ dirs: dirs.slice(0, 1), status: res.statusCode }).toEqual({ dirs: dirs.slice(0, 1), status: 400 });
    }
    expect((await node.post('files/sqliteDirs', {}, node.as('sysadmin'))).json().dirs).toEqual([path.join(node.dataDir, 'files')]);
    const audit = (await node.post('audit/list', { limit: 5000 }, node.as('auditor'))).json().records as { operation: string; actor: string; outcome: string }[];
    expect(audit.some((r) => r.operation === 'files/setSqliteDirs' && r.outcome === 'denied' && r.actor === 'op-zhao')).toBe(true);
  });

  it('uses an allowed directory, keeps the node\'s own files refused inside one, and refuses saved connections once it is removed', async () => {
    const allow = (dirs: string[]) => node.post('files/setSqliteDirs', { dirs }, node.as('sysadmin'));
    expect((await allow([path.join(node.dataDir, 'files'), outside, node.dataDir])).statusCode).toBe(200);
    expect((await save('biz', path.join(outside, 'biz.sqlite'))).statusCode).toBe(200);
    expect(await refusal(save('evil', path.join(node.dataDir, 'state.sqlite')))).toEqual({ status: 403, key: 'connections.internalFile' });
    expect((await node.post('connections/test', { name: 'biz' }, node.as('operator'))).json()).toMatchObject({ ok: true });
    expect((await node.post('bridges/save', { config: { name: 'people', source: { connection: 'biz', table: 'people' }, target: { table: 'people' } } }, node.as('sysadmin'))).statusCode).toBe(200);
    expect((await node.post('bridges/run', { name: 'people', wait: true }, node.as('operator'))).json()).toMatchObject({ status: 'succeeded' });

    expect((await allow([path.join(node.dataDir, 'files')])).statusCode).toBe(200);
    expect(await refusal(node.post('connections/test', { name: 'biz' }, node.as('operator')))).toEqual({ status: 403, key: 'security.sqliteOutside' });
    const run = (await node.post('bridges/run', { name: 'people', wait: true }, node.as('operator'))).json();
    expect(run.status).toBe('failed');
    // The run record keeps the error's code and English text (its key is not stored yet: issue 14).
    expect(run.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(path.join(outside, 'biz.sqlite')) });
  });
});

describe('SQLite file directories through the CLI', () => {
  const tmp = tempDir();
  const dataDir = path.join(tmp.dir, 'data');
  const outside = path.join(tmp.dir, 'elsewhere');
  afterAll(() => tmp.remove());

  it('shows, allows and disallows directories; a refused connection names the setting in Chinese', async () => {
    businessFile(path.join(outside, 'biz.sqlite'));
    const env = { EXNODE_TOKEN: await signIn(dataDir, 'sysadmin'), EXNODE_DATA_DIR: dataDir, LANG: 'zh_CN.UTF-8' };
    const config = path.join(tmp.dir, 'biz.json');
    fs.writeFileSync(config, JSON.stringify({ name: 'biz', dialect: 'sqlite', filename: path.join(outside, 'biz.sqlite') }));
    // signIn set the test node up allowing the OS temp folder: start from the default.
    expect((await exnode(['files', 'set', path.join(dataDir, 'files'), '--json'], { env })).code).toBe(0);
    const refused = await exnode(['connection', 'add', '--file', config, '--lang', 'zh-CN'], { env });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('SQLite 文件目录');
    expect((await exnode(['files', 'allow', outside, '--json'], { env })).code).toBe(0);
    const listed = await exnode(['files', 'list', '--json'], { env });
    expect(JSON.parse(listed.stdout)).toEqual({ dirs: [path.join(dataDir, 'files'), outside] });
    const added = await exnode(['connection', 'add', '--file', config, '--json'], { env });
    expect(added.code, added.stderr).toBe(0);
    expect((await exnode(['files', 'disallow', outside, '--json'], { env })).code).toBe(0);
    const test = await exnode(['connection', 'test', 'biz', '--lang', 'zh-CN'], { env });
    expect(test.code).not.toBe(0);
    expect(test.stderr + test.stdout).toContain('不在允许的目录内');
    const operator = await exnode(['files', 'allow', outside], { env: { ...env, EXNODE_TOKEN: await signIn(dataDir, 'secadmin') } });
    expect(operator.code).not.toBe(0);
  }, 180_000);
});
