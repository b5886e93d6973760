import { describe, expect, it } from 'vitest';
import type { Column } from '../../shared/index.js';
import { KEY_SHAPES, postgresArrayType } from '../../connectors/core/key-predicates.js';
import { quoter } from '../../connectors/core/sql.js';

const col = (name: string, type: Column['type'], nativeType: string): Column => ({ name, type, nativeType, nullable: false, primaryKey: true });
const INT_DATE = [col('a', 'integer', 'integer'), col('b', 'date', 'date')];

describe('keyset predicates per dialect', () => {
  it('PostgreSQL and SQLite compare row values, which their planners seek an index with', () => {
    for (const dialect of ['postgres', 'sqlite'] as const) {
      const q = quoter(dialect);
      expect(KEY_SHAPES[dialect].keyset(['a', 'b'], [1, '2024-01-01'], '>', q)).toEqual({ sql: '("a", "b") > (?, ?)', params: [1, '2024-01-01'] });
      expect(KEY_SHAPES[dialect].keyset(['a', 'b', 'c'], [1, 2, 3], '<=', q).sql).toBe('("a", "b", "c") <= (?, ?, ?)');
      expect(KEY_SHAPES[dialect].keyset(['id'], [7], '>', q)).toEqual({ sql: '"id" > ?', params: [7] });
    }
  });
  it('MariaDB, SQL Server and Oracle use the expanded form (MariaDB makes it one range; a row-value > scans the index)', () => {
    expect(KEY_SHAPES.mysql.keyset(['a', 'b'], [1, 'x'], '>', quoter('mysql'))).toEqual({ sql: '(`a` > ? OR (`a` = ? AND `b` > ?))', params: [1, 1, 'x'] });
    expect(KEY_SHAPES.mssql.keyset(['a', 'b'], [1, 'x'], '<=', quoter('mssql')).sql).toBe('([a] < ? OR ([a] = ? AND [b] <= ?))');
    expect(KEY_SHAPES.oracle.keyset(['a'], [1], '>', quoter('oracle')).sql).toBe('"a" > ?');
  });
  it('refuses a position of the wrong width', () => {
    expect(() => KEY_SHAPES.postgres.keyset(['a', 'b'], [1], '>', quoter('postgres'))).toThrow(/1 values for 2 key columns/);
  });
});

describe('key membership per dialect', () => {
  const keys = [[1, '2024-01-01'], [2, '2024-01-02']];
  it('PostgreSQL joins one typed array per key column: two parameters whatever the number of keys', () => {
    const f = KEY_SHAPES.postgres.membership(['a', 'b'], keys, quoter('postgres'), INT_DATE);
    expect(f.sql).toBe('("a", "b") IN (SELECT * FROM unnest(?::int8[], ?::date[]))');
    expect(f.params).toEqual([[1, 2], ['2024-01-01', '2024-01-02']]);
  });
  it('PostgreSQL binds a single key as one array that takes the column type', () => {
    expect(KEY_SHAPES.postgres.membership(['id'], [[1], [2], [3]], quoter('postgres'))).toEqual({ sql: '"id" = ANY(?)', params: [[1, 2, 3]] });
  });
  it('PostgreSQL falls back to one term per key where no array type keeps the meaning (CHAR padding, enums)', () => {
    const q = quoter('postgres');
    const padded = KEY_SHAPES.postgres.membership(['a', 'b'], keys, q, [INT_DATE[0]!, col('b', 'string', 'character(10)')]);
    expect(padded.sql).toBe('(("a" = ? AND "b" = ?) OR ("a" = ? AND "b" = ?))');
    expect(KEY_SHAPES.postgres.membership(['a', 'b'], keys, q).sql).toContain(' OR ');
    expect(postgresArrayType(col('m', 'text', 'mood'))).toBeNull();
  });
  it('PostgreSQL array types for every key type', () => {
    const types: [Column['type'], string, string | null][] = [
      ['integer', 'smallint', 'int8[]'], ['bigint', 'bigint', 'int8[]'], ['decimal', 'numeric(10,2)', 'numeric[]'],
      ['string', 'character varying(20)', 'text[]'], ['string', 'varchar(20)', 'text[]'], ['text', 'text', 'text[]'],
      ['uuid', 'uuid', 'uuid[]'], ['date', 'date', 'date[]'], ['datetime', 'timestamp(6) without time zone', 'timestamp[]'],
      ['timestamptz', 'timestamp with time zone', 'timestamptz[]'], ['binary', 'bytea', 'bytea[]'], ['json', 'json', null],
    ];
    for (const [type, native, expected] of types) expect(postgresArrayType(col('k', type, native))).toBe(expected);
  });
  it('MariaDB and Oracle list row constructors', () => {
    expect(KEY_SHAPES.mysql.membership(['a', 'b'], keys, quoter('mysql'))).toEqual({ sql: '(`a`, `b`) IN ((?, ?), (?, ?))', params: [1, '2024-01-01', 2, '2024-01-02'] });
    expect(KEY_SHAPES.oracle.membership(['a', 'b'], keys, quoter('oracle')).sql).toBe('("a", "b") IN ((?, ?), (?, ?))');
    expect(KEY_SHAPES.oracle.maxKeysPerStatement).toBe(1000);
  });
  it('SQLite compares row values with a VALUES list', () => {
    expect(KEY_SHAPES.sqlite.membership(['a', 'b'], keys, quoter('sqlite')).sql).toBe('("a", "b") IN (VALUES (?, ?), (?, ?))');
  });
  it('SQL Server joins a derived table of the keys', () => {
    expect(KEY_SHAPES.mssql.membership(['a', 'b'], keys, quoter('mssql')).sql).toBe(
      'EXISTS (SELECT 1 FROM (VALUES (?, ?), (?, ?)) AS [exn_k] ([exn_k0], [exn_k1]) WHERE [a] = [exn_k].[exn_k0] AND [b] = [exn_k].[exn_k1])');
  });
  it('single keys are an IN list, no keys match nothing', () => {
    for (const dialect of ['mysql', 'sqlite', 'mssql', 'oracle'] as const) {
      expect(KEY_SHAPES[dialect].membership(['id'], [[1], [2]], quoter(dialect)).params).toEqual([1, 2]);
      expect(KEY_SHAPES[dialect].membership(['a', 'b'], [], quoter(dialect)).sql).toBe('1 = 0');
    }
    expect(KEY_SHAPES.postgres.membership(['a', 'b'], [], quoter('postgres'), INT_DATE).sql).toBe('1 = 0');
  });
});
