import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageParams, RejectedRow, RunRecord } from '../../../shared/index.js';
import { translate } from '../../../shared/index.js';
import { createPeople, startHarness, type Harness } from './harness.js';
import { tempDir } from '../../support/temp.js';

describe('bridges: bad rows, filters, mapping and masking', () => {
  const tmp = tempDir('exnode-rows-');
  const businessFile = path.join(tmp.dir, 'business.sqlite');
  let h: Harness;
  const run = (name: string) => h.call<RunRecord>('bridges/run', { name, wait: true });

  beforeAll(async () => {
    h = await startHarness();
    await h.call('connections/save', { config: { name: 'biz', dialect: 'sqlite', filename: businessFile } });
    await createPeople(await h.connector('biz'), { name: 'people' }, 500);
  });
  afterAll(async () => {
    await h.close();
    tmp.remove();
  });

  it('quarantines rows the receiver rejects, with key and reason, and writes all the others', async () => {
    // An exchange table made by a DBA with a rule the business data breaks for some rows.
    const exchange = new Database(path.join(h.engine.dataDir, 'exchange.sqlite'));
    exchange.exec(`CREATE TABLE strict_people (
      id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, city VARCHAR(50) NOT NULL,
      amount DECIMAL_TEXT(14,2) NOT NULL CHECK (CAST(amount AS REAL) < 9000), updated_at DATETIME NOT NULL, note TEXT,
      exn_op VARCHAR(1) NOT NULL, exn_seq BIGINT NOT NULL, exn_first_seq BIGINT NOT NULL, exn_batch VARCHAR(40) NOT NULL,
      exn_changed_at DATETIME NOT NULL, exn_hash VARCHAR(40) NOT NULL)`);
    exchange.close();
    const bad = (new Database(businessFile, { readonly: true })
      .prepare('SELECT id FROM people WHERE CAST(amount AS REAL) >= 9000 ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    expect(bad.length).toBeGreaterThan(0);

    await h.call('bridges/save', { config: { name: 'strict', source: { connection: 'biz', table: 'people' }, target: { table: 'strict_people' }, batchSize: 100 } });
    const config = (await h.call<{ config: unknown }>('bridges/get', { name: 'strict' })).config;
    // The DBA's table matches the source's types: nothing to warn about before the run.
    expect((await h.call<{ warnings: string[] }>('bridges/preview', { config, limit: 1 })).warnings).toEqual([]);
    const r = await run('strict');
    expect(r.status).toBe('succeeded');
    expect(r.sender).toMatchObject({ total: 500, inserted: 500 });
    expect(r.receiver).toMatchObject({ inserted: 500 - bad.length, rejected: bad.length });
    expect(r.deviation.inserted).toBe(bad.length);
    const rejected = await h.call<RejectedRow[]>('runs/rejected', { id: r.id });
    expect(rejected.map((x) => x.key.id)).toEqual(bad);
    expect(rejected[0]!.reason).toMatch(/CHECK constraint/);
    // The reason renders in the reader's language, the database's own words kept in brackets.
    const zh = translate('zh-CN', rejected[0]!.reasonMessage!.key, rejected[0]!.reasonMessage!.params as MessageParams);
    expect(zh).toMatch(/^写入接收端失败：CHECK constraint failed/);
  });

  it('applies the filter on both reading and delete detection, and masks before writing', async () => {
    await h.call('bridges/save', {
      config: {
        name: 'masked',
        source: { connection: 'biz', table: 'people' },
        target: { table: 'people_masked' },
        filter: [{ column: 'city', op: 'in', value: ['济南', '青岛'] }],
        columns: [
          { source: 'id' },
          { source: 'name', target: 'masked_name', mask: { kind: 'name' } },
          { source: 'note', target: 'note_token', mask: { kind: 'hash', algorithm: 'sm3' } },
          { target: 'provider', constant: '市卫健委' },
        ],
      },
    });
    const preview = await h.call<{ columns: { name: string }[]; rows: unknown[][]; sourceRows: number }>('bridges/preview', {
      config: (await h.call<{ config: unknown }>('bridges/get', { name: 'masked' })).config, limit: 3,
    });
    expect(preview.columns.map((c) => c.name)).toEqual(['id', 'masked_name', 'note_token', 'provider']);
    expect(preview.rows).toHaveLength(3);
    expect(preview.rows[0]!.slice(0, 2)).toEqual([1, '居***']);
    expect(preview.sourceRows).toBe(200);
    const r = await run('masked');
    expect(r.status, r.error?.message).toBe('succeeded');
    expect(r.sender.total).toBe(200);
    const rows = new Database(path.join(h.engine.dataDir, 'exchange.sqlite'), { readonly: true })
      .prepare('SELECT * FROM people_masked ORDER BY id').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(200);
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['id', 'masked_name', 'note_token', 'provider']));
    expect(Object.keys(rows[0]!)).not.toContain('name');
    expect(rows[0]!.masked_name).toBe('居***');
    expect(rows[0]!.provider).toBe('市卫健委');
    expect(rows.find((x) => x.id === 5)!.note_token).toBeNull();
    expect(String(rows[0]!.note_token)).toMatch(/^[0-9a-f]{64}$/);
    const again = await run('masked');
    expect(again.sender).toEqual({ total: 200, inserted: 0, updated: 0, deleted: 0 });
  });

  it('purges soft-deleted rows once they are older than the retention period, and only those', async () => {
    await h.call('bridges/save', { config: { name: 'retained', source: { connection: 'biz', table: 'people' }, target: { table: 'people_retained' } } });
    expect((await run('retained')).sender.total).toBe(500);
    const biz = new Database(businessFile);
    biz.prepare('DELETE FROM people WHERE id IN (1, 2, 3)').run();
    biz.close();
    expect((await run('retained')).sender.deleted).toBe(3);

    const exchangeFile = path.join(h.engine.dataDir, 'exchange.sqlite');
    const exchange = new Database(exchangeFile);
    const opOf = (id: number) => (exchange.prepare('SELECT exn_op AS op FROM people_retained WHERE id = ?').get(id) as { op: string } | undefined)?.op;
    expect([opOf(1), opOf(2), opOf(3)]).toEqual(['D', 'D', 'D']);
    // Rows 1 and 2 were deleted 40 days ago, row 3 just now; live rows are never purged, however old.
    exchange.prepare("UPDATE people_retained SET exn_changed_at = '2020-01-01 00:00:00.000' WHERE id IN (1, 2, 10)").run();
    // The node looks for expired rows once an hour: let that hour pass.
    exchange.prepare("UPDATE exn_state SET state_json = json_set(state_json, '$.purgedAt', '2020-01-01T00:00:00.000Z')").run();
    await h.call('settings/set', { softDeleteRetentionDays: 30 });
    const r = await run('retained');
    expect(r.sender).toEqual({ total: 497, inserted: 0, updated: 0, deleted: 0 });
    expect([opOf(1), opOf(2), opOf(3), opOf(10)]).toEqual([undefined, undefined, 'D', 'I']);
    exchange.close();
    const log = await h.call<{ message: string }[]>('runs/log', { id: r.id });
    expect(log.map((l) => l.message)).toContain('Purged 2 soft-deleted rows older than 30 days');

    // Row 3 expires too, but the last look was just now: the next run does not scan the table again.
    const again = new Database(exchangeFile);
    again.prepare("UPDATE people_retained SET exn_changed_at = '2020-01-01 00:00:00.000' WHERE id = 3").run();
    expect((await run('retained')).sender.total).toBe(497);
    expect((again.prepare('SELECT exn_op AS op FROM people_retained WHERE id = 3').get() as { op: string }).op).toBe('D');
    again.close();
  });

  it('keys a table without a primary key on its unique NOT NULL columns, and asks for a key when there is none', async () => {
    const biz = new Database(businessFile);
    biz.exec(`CREATE TABLE codes (code TEXT NOT NULL UNIQUE, label TEXT, alt TEXT UNIQUE);
      INSERT INTO codes VALUES ('110000', '北京市', NULL), ('370000', '山东省', NULL);
      CREATE TABLE loose (code TEXT UNIQUE, label TEXT); INSERT INTO loose VALUES ('1', 'a');`);
    biz.close();
    await h.call('bridges/save', { config: { name: 'codes', source: { connection: 'biz', table: 'codes' } } });
    const r = await run('codes');
    expect(r.status, r.error?.message).toBe('succeeded');
    expect(r.sender).toMatchObject({ total: 2, inserted: 2 });
    await h.call('bridges/save', { config: { name: 'loose', source: { connection: 'biz', table: 'loose' } } });
    const bad = await run('loose');
    expect(bad.status).toBe('failed');
    expect(bad.error?.message).toMatch(/no primary key and no unique key on NOT NULL columns; declare "primaryKey"/);
  });

  it('warns before the run when an existing target column is narrower than the source', async () => {
    const exchange = new Database(path.join(h.engine.dataDir, 'exchange.sqlite'));
    exchange.exec('CREATE TABLE narrow_people (id INTEGER PRIMARY KEY, name VARCHAR(5) NOT NULL, city VARCHAR(50) NOT NULL, amount DECIMAL_TEXT(6,1) NOT NULL)');
    exchange.close();
    await h.call('bridges/save', { config: { name: 'narrow', source: { connection: 'biz', table: 'people' }, target: { table: 'narrow_people' }, exclude: ['updated_at', 'note'] } });
    const config = (await h.call<{ config: unknown }>('bridges/get', { name: 'narrow' })).config;
    const preview = await h.call<{ warnings: string[] }>('bridges/preview', { config, limit: 1 });
    expect(preview.warnings).toEqual([
      'name: string(50) → string(5): longer values will be rejected',
      'amount: decimal(14,2) → decimal(6,1): larger numbers will be rejected',
    ]);
    const r = await run('narrow');
    const log = await h.call<{ level: string; message: string }[]>('runs/log', { id: r.id });
    expect(log.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual(expect.arrayContaining(preview.warnings.map((w) => `Target column ${w}`)));
  });

  it('refuses to mask a key column', async () => {
    await h.call('bridges/save', { config: { name: 'bad-mask', source: { connection: 'biz', table: 'people' }, target: { table: 'x' }, columns: [{ source: 'id', mask: { kind: 'hash' } }] } });
    const r = await run('bad-mask');
    expect(r.status).toBe('failed');
    expect(r.error?.message).toMatch(/Key column "id" cannot be masked/);
  });

  it('says clearly when the source table is missing, when the bridge is saved', async () => {
    await expect(h.call('bridges/save', { config: { name: 'ghost', source: { connection: 'biz', table: 'no_such_table' } } }))
      .rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Connection "biz" has no table "no_such_table"; check the name (or the table was dropped)' });
  });
});
