import fs from 'node:fs';
import Database from 'better-sqlite3';
import knexFactory from 'knex';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../../shared/catalog.js';
import { sampleEntry } from './catalog-sample.js';
import { ITEM_TYPE_OF } from '../../shared/catalog.js';
import type { Output, TableSchema } from '../../shared/index.js';
import { ExNodeError } from '../../shared/index.js';
import ExcelJS from 'exceljs';
import { MYSQL_DB, PG_DB } from '../support/servers.js';
import { startHarness, type Harness } from './bridges/harness.js';

const MYSQL = { dialect: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: MYSQL_DB } as const;
const PG = { dialect: 'postgres', host: '127.0.0.1', port: 5432, user: 'postgres', database: PG_DB } as const;
const TABLE = 'cat_residents';

/** A resident table with the types departments use, created with the dialect's own DDL. */
const DDL = {
  mysql: `CREATE TABLE ${TABLE} (id INT PRIMARY KEY, 姓名 VARCHAR(30) NOT NULL, amount DECIMAL(12,2), born DATE, updated DATETIME, note TEXT, ok TINYINT(1))`,
  postgres: `CREATE TABLE ${TABLE} (id INTEGER PRIMARY KEY, 姓名 VARCHAR(30) NOT NULL, amount NUMERIC(12,2), born DATE, updated TIMESTAMP, note TEXT, ok BOOLEAN)`,
};

describe('resource catalog', () => {
  let h: Harness;
  const servers = {
    mysql: knexFactory({ client: 'mysql2', connection: { host: '127.0.0.1', user: 'root', database: MYSQL_DB } }),
    postgres: knexFactory({ client: 'pg', connection: { host: '127.0.0.1', user: 'postgres', database: PG_DB } }),
  };

  beforeAll(async () => {
    for (const [dialect, k] of Object.entries(servers)) {
      await k.raw(`DROP TABLE IF EXISTS ${TABLE}`);
      await k.raw(DDL[dialect as keyof typeof DDL]);
    }
    h = await startHarness();
    await h.call('connections/save', { config: { name: 'hr-my', ...MYSQL } });
    await h.call('connections/save', { config: { name: 'hr-pg', ...PG } });
    await h.call('bridges/save', { config: { name: 'residents-my', source: { connection: 'hr-my', table: TABLE }, target: { table: 'residents_my' } } });
    await h.call('bridges/save', { config: { name: 'residents-pg', source: { connection: 'hr-pg', table: TABLE }, target: { table: 'residents_pg' } } });
  });
  afterAll(async () => {
    await h?.close();
    for (const k of Object.values(servers)) {
      await k.raw(`DROP TABLE IF EXISTS ${TABLE}`);
      await k.destroy();
    }
  });

  it.each([['residents-my', 'hr-my'], ['residents-pg', 'hr-pg']])('fills information items from the introspected columns of %s', async (bridge, connection) => {
    const described = await h.call<TableSchema>('connections/describe', { name: connection, table: TABLE });
    const filled = await h.call<Output<'catalog/items'>>('catalog/items', { bridge });
    expect(filled.items.map((i) => i.name)).toEqual(described.columns.map((c) => c.name));
    expect(filled.items.map((i) => i.dataType)).toEqual(described.columns.map((c) => ITEM_TYPE_OF[c.type]));
    const byName = Object.fromEntries(filled.items.map((i) => [i.name, i]));
    expect(byName['姓名']).toMatchObject({ dataType: 'C', length: 30, column: '姓名' });
    expect(byName.amount).toMatchObject({ dataType: 'N', length: 12 });
    expect(byName.born!.dataType).toBe('D');
    expect(byName.updated!.dataType).toBe('T');
    expect(byName.note!.dataType).toBe('M');
  });

  it('refuses a resource code that does not match its classification, and a not-shared resource without legal basis, in Chinese', async () => {
    const bad = h.call('catalog/save', { entry: sampleEntry({ code: '102001/000001' }) });
    await expect(bad).rejects.toThrow(ExNodeError);
    const error = (await bad.catch((e: unknown) => e)) as ExNodeError;
    expect(error.localized('zh-CN')).toContain('与分类代码“101001”不符');
    const none = await h.call('catalog/save', { entry: sampleEntry({ share: { type: 'none' } }) }).catch((e: ExNodeError) => e);
    expect((none as ExNodeError).localized('zh-CN')).toContain('不予共享的信息资源须填写法律法规或政策依据');
    expect(await h.call<CatalogView[]>('catalog/list', {})).toEqual([]);
  });

  it('round-trips the catalog through Excel and JSON without loss, and a re-import plans no change', async () => {
    await h.call('catalog/save', { entry: sampleEntry() });
    await h.call('catalog/save', { entry: sampleEntry({
      code: '3/12', name: '社区矫正人员名单', bridge: 'residents-pg', classification: { type: 'department', category: '3' },
      share: { type: 'none', legalBasis: '《社区矫正法》第二十三条' }, open: { toPublic: false }, updateCycle: 'irregular',
      relatedCodes: [], extensions: {}, publishDate: undefined, format: 'database',
    }) });
    const before = (await h.call<CatalogView[]>('catalog/list', {})).map((v) => v.entry);
    expect(before).toHaveLength(2);

    for (const format of ['xlsx', 'json'] as const) {
      const exported = await h.call<Output<'catalog/export'>>('catalog/export', { format });
      for (const e of before) await h.call('catalog/delete', { code: e.code });
      const plan = await h.call<Output<'catalog/import'>>('catalog/import', { format, data: exported.data });
      expect(plan).toMatchObject({ added: before.map((e) => e.code).sort(), changed: [], applied: false, problems: [] });
      expect(await h.call<CatalogView[]>('catalog/list', {})).toEqual([]);
      await h.call('catalog/import', { format, data: exported.data, apply: true });
      expect((await h.call<CatalogView[]>('catalog/list', {})).map((v) => v.entry)).toEqual(before);
      const again = await h.call<Output<'catalog/import'>>('catalog/import', { format, data: exported.data });
      expect(again).toMatchObject({ added: [], changed: [], unchanged: before.map((e) => e.code).sort() });
    }
  });

  it('names each problem of a partly invalid workbook by its cell and changes nothing', async () => {
    const exported = await h.call<Output<'catalog/export'>>('catalog/export', { format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exported.data, 'base64') as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('信息资源')!;
    sheet.getRow(2).getCell(4).value = '9'; // 类: the code 101001/000001 no longer matches
    sheet.getRow(3).getCell(2).value = ''; // 信息资源名称
    wb.getWorksheet('信息项')!.getRow(2).getCell(4).value = '字符串';
    const data = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const listed = await h.call<CatalogView[]>('catalog/list', {});
    const plan = await h.call<Output<'catalog/import'>>('catalog/import', { format: 'xlsx', data });
    const where = plan.problems.map((p) => p.where);
    expect(where.sort()).toEqual(['信息资源!A2', '信息资源!B3', '信息项!D2']);
    expect(plan.problems.map((p) => p.message).join('\n')).toContain('请填写信息资源名称');
    await expect(h.call('catalog/import', { format: 'xlsx', data, apply: true })).rejects.toThrow(/problem/);
    expect(await h.call<CatalogView[]>('catalog/list', {})).toEqual(listed);
    const notWorkbook = await h.call('catalog/import', { format: 'xlsx', data: Buffer.from('not a zip').toString('base64') }).catch((e: ExNodeError) => e);
    expect((notWorkbook as ExNodeError).localized('zh-CN')).toContain('无法读取 Excel 工作簿');
  });

  it('gives monitoring the update cycle as a freshness limit', async () => {
    expect(await h.engine.catalog.freshnessLimitFor('residents-my')).toBe(86_400_000);
    expect(await h.engine.catalog.freshnessLimitFor('residents-pg')).toBeNull();
    expect(await h.engine.catalog.freshnessLimitFor('no-such-bridge')).toBeNull();
  });

  it('flags the information items for review when the source table drifts, until the entry is saved again', async () => {
    // A department's SQLite files live in the data directory's files/ (the node's own files are not connections).
    fs.mkdirSync(path.join(h.engine.dataDir, 'files'), { recursive: true });
    const file = path.join(h.engine.dataDir, 'files', 'hr.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE staff (id INTEGER PRIMARY KEY, name VARCHAR(50))');
    await h.call('connections/save', { config: { name: 'hr-lite', dialect: 'sqlite', filename: file } });
    await h.call('bridges/save', { config: { name: 'staff', source: { connection: 'hr-lite', table: 'staff' } } });
    await h.call('connections/snapshot', { name: 'hr-lite' });
    const entry = sampleEntry({ code: '2/1', bridge: 'staff', classification: { type: 'theme', category: '2' }, items: [{ name: 'id', dataType: 'I' }] });
    await h.call('catalog/save', { entry });
    db.exec('ALTER TABLE staff ADD COLUMN phone VARCHAR(11)');
    db.close();
    await h.call('connections/snapshot', { name: 'hr-lite' });
    const flagged = await h.call<CatalogView>('catalog/get', { code: '2/1' });
    expect(flagged.needsReview).toBe(true);
    expect(flagged.driftChanges.join()).toContain('phone');
    expect((await h.call<CatalogView[]>('catalog/list', { needsReview: true })).map((v) => v.entry.code)).toEqual(['2/1']);
    await h.call('catalog/save', { entry, replace: true });
    expect((await h.call<CatalogView>('catalog/get', { code: '2/1' })).needsReview).toBe(false);
  });
});
