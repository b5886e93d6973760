import { describe, expect, it } from 'vitest';
import type { Column } from '../../shared/index.js';
import { connectionConfigSchema } from '../../shared/index.js';
import { canonicalFromMssql, fromMssql, mssqlSelect, mssqlTypeFor, toMssql } from '../../connectors/mssql/types.js';
import { mssqlDriverConfig, mssqlMerge, mssqlSql as sql } from '../../connectors/mssql/sql.js';
import { DAY, ID, NAME, PEOPLE } from '../support/sql-cases.js';

const col = (name: string, type: Column['type'], extra: Partial<Column> = {}): Column => ({ name, nativeType: type, type, nullable: true, primaryKey: false, ...extra });

describe('SQL Server SQL', () => {
  it('pages with TOP and binds @p parameters, a ? in a bracketed name left alone', () => {
    expect(sql.page({ schema: 'dbo', name: 't' }, [ID, col('a?b', 'integer')], { keyColumns: ['id'], after: [7] }, 500)).toEqual({
      sql: 'SELECT TOP (500) [id], [a?b] FROM [dbo].[t] WHERE [id] > @p1 ORDER BY [id]', bindings: [7],
    });
    expect(sql.page(PEOPLE, [ID, DAY, NAME], { keyColumns: ['id', 'day'], after: [5, '2024-01-01'], filter: [{ column: 'name', op: '=', value: 'x' }] }, 10)).toEqual({
      sql: 'SELECT TOP (10) [id], CONVERT(VARCHAR(10), [day], 23) AS [day], [name] FROM [people] WHERE ([name] = @p1) AND (([id] > @p2 OR ([id] = @p3 AND [day] > @p4))) ORDER BY [id], [day]',
      bindings: ['x', 5, 5, '2024-01-01'],
    });
  });

  it('hashes rows with HASHBYTES and sums 52-bit prefixes as DECIMAL', () => {
    const hash = "CONVERT(VARCHAR(32), HASHBYTES('MD5', CONCAT_WS('|', COALESCE(CONVERT(NVARCHAR(MAX), [id]), '~N'), COALESCE(CONVERT(NVARCHAR(MAX), [name]), '~N'))), 2)";
    expect(sql.keyHashPage(PEOPLE, [ID, NAME], [ID], { keyColumns: ['id'] }, 100).sql).toBe(`SELECT TOP (100) [id], ${hash} AS [__exn_row_hash] FROM [people] ORDER BY [id]`);
    expect(sql.rangeChecksum(PEOPLE, [ID, NAME], { keyColumns: ['id'], after: [1], upTo: [10] })).toEqual({
      sql: `SELECT COUNT(*) AS [n], CONVERT(VARCHAR(40), SUM(CONVERT(DECIMAL(38, 0), CONVERT(BIGINT, CONVERT(VARBINARY(8), '0' + SUBSTRING(${hash}, 1, 13), 2))))) AS [s] FROM [people] WHERE ([id] > @p1) AND ([id] <= @p2)`,
      bindings: [1, 10],
    });
    expect(sql.count(PEOPLE, [{ column: 'id', op: 'not in', value: [1, 2] }])).toEqual({ sql: 'SELECT COUNT(*) AS [n] FROM [people] WHERE [id] NOT IN (@p1, @p2)', bindings: [1, 2] });
    expect(sql.maxValue(PEOPLE, DAY).sql).toBe('SELECT CONVERT(VARCHAR(10), [day], 23) AS [day] FROM (SELECT MAX([day]) AS [day] FROM [people]) [exn_max]');
  });

  it('looks up and deletes composite keys by joining a VALUES table', () => {
    const join = 'EXISTS (SELECT 1 FROM (VALUES (@p1, @p2), (@p3, @p4)) AS [exn_k] ([exn_k0], [exn_k1]) WHERE [id] = [exn_k].[exn_k0] AND [day] = [exn_k].[exn_k1])';
    expect(sql.lookup(PEOPLE, [ID, NAME], ['id', 'day'], [[1, 'a'], [2, 'b']])).toEqual({ sql: `SELECT [id], [name] FROM [people] WHERE ${join}`, bindings: [1, 'a', 2, 'b'] });
    expect(sql.deleteKeys(PEOPLE, ['id', 'day'], [[1, 'a'], [2, 'b']])).toEqual({ sql: `DELETE FROM [people] WHERE ${join}`, bindings: [1, 'a', 2, 'b'] });
    expect(sql.insert(PEOPLE, [ID, NAME], [[1, 'a'], [2, 'b']])).toEqual({ sql: 'INSERT INTO [people] ([id], [name]) VALUES (@p1, @p2), (@p3, @p4)', bindings: [1, 'a', 2, 'b'] });
  });

  it('upserts with MERGE ... WITH (HOLDLOCK) and OUTPUT $action', () => {
    const merge = mssqlMerge({ schema: 'dbo', name: 'people' }, [col('id', 'integer'), col('name', 'string')], ['id'], [[1, 'a'], [2, 'b']]);
    expect(merge.sql).toBe('MERGE INTO [dbo].[people] WITH (HOLDLOCK) AS target USING (VALUES (@p1, @p2), (@p3, @p4)) AS source ([id], [name]) ' +
      'ON target.[id] = source.[id] WHEN MATCHED THEN UPDATE SET target.[name] = source.[name] ' +
      'WHEN NOT MATCHED THEN INSERT ([id], [name]) VALUES (source.[id], source.[name]) OUTPUT $action AS action;');
    expect(merge.bindings).toEqual([1, 'a', 2, 'b']);
  });

  it('writes DDL', () => {
    expect(sql.createTable(PEOPLE, [ID, DAY, NAME], ['id', 'day'])).toBe('CREATE TABLE [people] (\n  [id] INT NOT NULL,\n  [day] DATE NOT NULL,\n  [name] NVARCHAR(40),\n  PRIMARY KEY ([id], [day])\n)');
    expect(sql.addColumn(PEOPLE, NAME)).toBe('ALTER TABLE [people] ADD [name] NVARCHAR(40)');
    expect(sql.createIndex(PEOPLE, 'i', ['name'])).toBe('CREATE INDEX [i] ON [people] ([name])');
    expect(sql.dropTable(PEOPLE)).toBe('DROP TABLE IF EXISTS [people]');
    expect(sql.analyze(PEOPLE)).toBeNull();
  });

  it('maps the types other tools lose: datetime2(7), time(7), datetimeoffset, money, bit, uniqueidentifier, nvarchar(max)', () => {
    expect(canonicalFromMssql('datetime2', 8, 27, 7)).toEqual({ type: 'datetime', precision: 7 });
    expect(canonicalFromMssql('time', 5, 16, 7)).toEqual({ type: 'time', precision: 7 });
    expect(canonicalFromMssql('datetimeoffset', 10, 34, 7)).toEqual({ type: 'timestamptz', precision: 7 });
    expect(canonicalFromMssql('money', 8, 19, 4)).toEqual({ type: 'decimal', precision: 19, scale: 4 });
    expect(canonicalFromMssql('bit', 1, 1, 0)).toEqual({ type: 'boolean' });
    expect(canonicalFromMssql('uniqueidentifier', 16, 0, 0)).toEqual({ type: 'uuid' });
    expect(canonicalFromMssql('nvarchar', -1, 0, 0)).toEqual({ type: 'text' });
    expect(canonicalFromMssql('nvarchar', 100, 0, 0)).toEqual({ type: 'string', length: 50 });
    expect(canonicalFromMssql('varbinary', -1, 0, 0)).toEqual({ type: 'binary' });
    expect(canonicalFromMssql('bigint', 8, 19, 0)).toEqual({ type: 'bigint' });
  });

  it('creates lossless columns and refuses what it cannot hold', () => {
    expect(mssqlTypeFor(col('a', 'text'))).toBe('NVARCHAR(MAX)');
    expect(mssqlTypeFor(col('a', 'string', { length: 30 }))).toBe('NVARCHAR(30)');
    expect(mssqlTypeFor(col('a', 'timestamptz'))).toBe('DATETIMEOFFSET(7)');
    expect(mssqlTypeFor(col('a', 'datetime'))).toBe('DATETIME2(7)');
    expect(mssqlTypeFor(col('a', 'time'))).toBe('TIME(7)');
    expect(mssqlTypeFor(col('a', 'boolean'))).toBe('BIT');
    expect(mssqlTypeFor(col('a', 'json'))).toBe('NVARCHAR(MAX)');
    expect(mssqlTypeFor(col('a', 'binary'))).toBe('VARBINARY(MAX)');
    expect(mssqlTypeFor(col('a', 'decimal', { precision: 20, scale: 6 }))).toBe('DECIMAL(20,6)');
    expect(() => mssqlTypeFor(col('a', 'decimal', { precision: 65, scale: 30 }))).toThrow(/at most 38/);
  });

  it('reads temporal and exact values as text so no digit is lost', () => {
    expect(mssqlSelect(col('t', 'datetime'), '[t]')).toBe('CONVERT(VARCHAR(27), [t], 121) AS [t]');
    expect(mssqlSelect(col('t', 'timestamptz'), '[t]')).toBe("CONVERT(VARCHAR(34), SWITCHOFFSET([t], '+00:00'), 127) AS [t]");
    expect(mssqlSelect(col('d', 'decimal'), '[d]')).toBe('CONVERT(VARCHAR(50), [d]) AS [d]');
    expect(fromMssql(col('t', 'datetime'), '2024-01-02 03:04:05.1234567')).toBe('2024-01-02 03:04:05.1234567');
    expect(fromMssql(col('t', 'timestamptz'), '2024-01-02T03:04:05.1234560Z')).toBe('2024-01-02T03:04:05.123456Z');
    expect(fromMssql(col('t', 'time'), '23:59:59.9999999')).toBe('23:59:59.9999999');
    expect(toMssql(col('b', 'boolean'), 1)).toBe(true);
  });

  it('configures instance names, encryption and timeouts', () => {
    const config = connectionConfigSchema.parse({
      name: 'hr', dialect: 'mssql', host: 'db01', user: 'sa', database: 'HR', instanceName: 'SQLEXPRESS', trustServerCertificate: true, connectTimeoutMs: 5000,
    });
    if (config.dialect !== 'mssql') throw new Error('dialect');
    const driver = mssqlDriverConfig(config, 'pw') as { port?: number; connectionTimeout: number; options: Record<string, unknown> };
    expect(driver.port).toBeUndefined();
    expect(driver.connectionTimeout).toBe(5000);
    expect(driver.options).toMatchObject({ encrypt: true, trustServerCertificate: true, instanceName: 'SQLEXPRESS' });
  });
});
