import { describe, expect, it } from 'vitest';
import { chunkForParams, filterSql, indexName, keyMembership, keysetPredicate, quoteIdent, quoter } from '../../connectors/core/sql.js';
import { Bindings, PLACEHOLDERS } from '../../connectors/core/statement.js';

describe('identifier quoting', () => {
  it('doubles the closing quote so a name can never end the quote', () => {
    expect(quoteIdent('mysql', 'a`b; DROP TABLE x')).toBe('`a``b; DROP TABLE x`');
    expect(quoteIdent('postgres', 'a"b')).toBe('"a""b"');
    expect(quoteIdent('mssql', 'a]b')).toBe('[a]]b]');
  });
  it('rejects empty names and NUL', () => {
    expect(() => quoteIdent('sqlite', '')).toThrow(/empty/);
    expect(() => quoteIdent('sqlite', 'a\u0000b')).toThrow(/NUL/);
  });
});

describe('filters', () => {
  const q = quoter('postgres');
  it('binds every value and quotes every column', () => {
    const b = new Bindings(PLACEHOLDERS.dollar);
    const sql = filterSql([
      { column: 'status', op: '=', value: "x' OR 1=1 --" },
      { column: 'id', op: 'in', value: [1, 2, 3] },
      { column: 'deleted_at', op: 'is null' },
      { column: 'a', op: '!=', value: 5 },
    ], q, b);
    expect(sql).toBe('"status" = $1 AND "id" IN ($2, $3, $4) AND "deleted_at" IS NULL AND "a" <> $5');
    expect(b.values).toEqual(["x' OR 1=1 --", 1, 2, 3, 5]);
  });
});

describe('keyset predicates', () => {
  const q = quoter('sqlite');
  it('expands a composite key without row-value syntax', () => {
    const p = keysetPredicate(['a', 'b'], [1, 'x'], '>', q);
    expect(p.sql).toBe('("a" > ? OR ("a" = ? AND "b" > ?))');
    expect(p.params).toEqual([1, 1, 'x']);
  });
  it('makes an inclusive upper bound', () => {
    const p = keysetPredicate(['a', 'b'], [9, 'z'], '<=', q);
    expect(p.sql).toBe('("a" < ? OR ("a" = ? AND "b" <= ?))');
  });
  it('matches key tuples', () => {
    expect(keyMembership(['id'], [[1], [2]], q)).toEqual({ sql: '"id" IN (?, ?)', params: [1, 2] });
    expect(keyMembership(['a', 'b'], [[1, 2], [3, 4]], q).sql).toBe('(("a" = ? AND "b" = ?) OR ("a" = ? AND "b" = ?))');
    expect(keyMembership(['id'], [], q).sql).toBe('1 = 0');
  });
});

describe('chunking to the bind-parameter limit', () => {
  it('never exceeds the limit', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => i);
    const chunks = chunkForParams(rows, 15, 2100);
    expect(Math.max(...chunks.map((c) => c.length)) * 15).toBeLessThanOrEqual(2100);
    expect(chunks.flat()).toEqual(rows);
  });
});

describe('canonical date and time text', async () => {
  const { canonicalDateTime, canonicalInstant, canonicalTime } = await import('../../connectors/core/values.js');
  it('drops trailing zeros of fractional seconds, whatever the source padded', () => {
    expect(canonicalDateTime('2024-02-02 02:02:02.500000')).toBe('2024-02-02 02:02:02.5');
    expect(canonicalDateTime('2024-02-02T02:02:02.000000')).toBe('2024-02-02 02:02:02');
    expect(canonicalDateTime('2024-02-02 02:02:02.000000')).toBe('2024-02-02 02:02:02');
    expect(canonicalDateTime('2024-02-02 02:02:02.')).toBe('2024-02-02 02:02:02.');
    expect(canonicalDateTime('2024-02-02 02:02:02.120300')).toBe('2024-02-02 02:02:02.1203');
    expect(canonicalDateTime('2024-02-02 02:02:02.000001')).toBe('2024-02-02 02:02:02.000001');
    expect(canonicalDateTime('2024-02-02 02:02:02')).toBe('2024-02-02 02:02:02');
    expect(canonicalDateTime('2024-02-02 02:02:10')).toBe('2024-02-02 02:02:10');
    expect(canonicalDateTime('12024-02-02 02:02:02.50')).toBe('12024-02-02 02:02:02.5');
    expect(canonicalTime('23:59:59.000001')).toBe('23:59:59.000001');
  });
  it('puts instants in UTC with Z, keeping microseconds', () => {
    expect(canonicalInstant('2024-01-01 08:00:00.123456+08')).toBe('2024-01-01T00:00:00.123456Z');
    expect(canonicalInstant('2023-12-31T23:30:00-01:00')).toBe('2024-01-01T00:30:00Z');
    expect(canonicalInstant('2024-01-01 00:00:00Z')).toBe('2024-01-01T00:00:00Z');
  });
});

describe('index names', () => {
  it('keeps a short name readable and fits a long one under the limit, stably', () => {
    expect(indexName('people', 'exn_seq', 30)).toBe('people_exn_seq');
    const long = 'birth_certificate_records_of_the_city';
    const a = indexName(long, 'exn_seq', 30);
    expect(a.length).toBeLessThanOrEqual(30);
    expect(a).toMatch(/^birth_certific\w*_[0-9a-f]{6}_exn_seq$/);
    expect(indexName(long, 'exn_seq', 30)).toBe(a);
    expect(indexName(`${long}_2`, 'exn_seq', 30)).not.toBe(a);
  });
});

describe('placeholders numbered as values are bound', () => {
  it('binds a key shape written with ? even when a quoted name holds ? or the quote character', () => {
    const b = new Bindings(PLACEHOLDERS.at);
    const sql = b.adopt((quote) => keysetPredicate(['a]?', 'b?'], [1, 2], '>', quote), quoter('mssql'));
    expect(sql).toBe('([a]]?] > @p1 OR ([a]]?] = @p2 AND [b?] > @p3))');
    expect(b.values).toEqual([1, 1, 2]);
  });
  it('refuses a fragment whose placeholders and values do not match', () => {
    const b = new Bindings(PLACEHOLDERS.question);
    expect(() => b.adopt(() => ({ sql: 'a = ? AND b = ?', params: [1] }), quoter('mysql'))).toThrow(/2 placeholders for 1 values/);
  });
});
