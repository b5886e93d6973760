import { describe, expect, it } from 'vitest';
import type { Column } from '../../shared/index.js';
import { connectionConfigSchema } from '../../shared/index.js';
import { canonicalFromMssql, fromMssql, mssqlSelect, mssqlTypeFor, toMssql } from '../../connectors/mssql/types.js';
import { mssqlDriverConfig, mssqlLimit, mssqlMerge } from '../../connectors/mssql/sql.js';
import { numberPlaceholders } from '../../connectors/core/sql.js';

const col = (name: string, type: Column['type'], extra: Partial<Column> = {}): Column => ({ name, nativeType: type, type, nullable: true, primaryKey: false, ...extra });

describe('SQL Server SQL', () => {
  it('pages with TOP and binds @p parameters, never inside brackets', () => {
    const sql = mssqlLimit('SELECT [id], [a?b] FROM [dbo].[t] WHERE [id] > ? ORDER BY [id]', 500);
    expect(sql).toBe('SELECT TOP (500) [id], [a?b] FROM [dbo].[t] WHERE [id] > ? ORDER BY [id]');
    expect(numberPlaceholders(sql, (n) => `@p${n}`)).toBe('SELECT TOP (500) [id], [a?b] FROM [dbo].[t] WHERE [id] > @p1 ORDER BY [id]');
  });

  it('upserts with MERGE ... WITH (HOLDLOCK) and OUTPUT $action', () => {
    const sql = mssqlMerge({ schema: 'dbo', name: 'people' }, [col('id', 'integer'), col('name', 'string')], ['id'], 2);
    expect(sql).toBe('MERGE INTO [dbo].[people] WITH (HOLDLOCK) AS target USING (VALUES (?, ?), (?, ?)) AS source ([id], [name]) ' +
      'ON target.[id] = source.[id] WHEN MATCHED THEN UPDATE SET target.[name] = source.[name] ' +
      'WHEN NOT MATCHED THEN INSERT ([id], [name]) VALUES (source.[id], source.[name]) OUTPUT $action AS action;');
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
