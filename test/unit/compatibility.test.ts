import { describe, expect, it } from 'vitest';
import type { Column } from '../../shared/index.js';
import { columnWarning, targetWarnings } from '../../electron/engine/bridges/mapping/compatibility.js';

const col = (name: string, type: Column['type'], extra: Partial<Column> = {}): Column => ({ name, nativeType: type, type, nullable: true, primaryKey: false, ...extra });

describe('target column compatibility', () => {
  it('accepts columns every value fits', () => {
    expect(columnWarning(col('a', 'string', { length: 20 }), col('a', 'string', { length: 50 }))).toBeNull();
    expect(columnWarning(col('a', 'integer'), col('a', 'bigint'))).toBeNull();
    expect(columnWarning(col('a', 'bigint'), col('a', 'decimal', { precision: 20, scale: 0 }))).toBeNull();
    expect(columnWarning(col('a', 'decimal', { precision: 10, scale: 2 }), col('a', 'decimal', { precision: 14, scale: 2 }))).toBeNull();
    expect(columnWarning(col('a', 'json'), col('a', 'text'))).toBeNull();
    expect(columnWarning(col('a', 'datetime', { precision: 3 }), col('a', 'datetime', { precision: 6 }))).toBeNull();
  });

  it('says which values will not fit, and why', () => {
    expect(columnWarning(col('name', 'string', { length: 50 }), col('name', 'string', { length: 5 }))).toBe('name: string(50) → string(5): longer values will be rejected');
    expect(columnWarning(col('n', 'text'), col('n', 'string', { length: 200 }))).toMatch(/longer values will be rejected/);
    expect(columnWarning(col('amt', 'decimal', { precision: 14, scale: 2 }), col('amt', 'decimal', { precision: 10, scale: 2 }))).toMatch(/larger numbers will be rejected/);
    expect(columnWarning(col('amt', 'decimal', { precision: 14, scale: 4 }), col('amt', 'decimal', { precision: 16, scale: 2 }))).toMatch(/beyond 2 places/);
    expect(columnWarning(col('id', 'bigint'), col('id', 'integer'))).toMatch(/2,147,483,647/);
    expect(columnWarning(col('at', 'timestamptz'), col('at', 'datetime'))).toMatch(/UTC without its time zone/);
    expect(columnWarning(col('at', 'datetime', { precision: 6 }), col('at', 'datetime', { precision: 0 }))).toMatch(/fractions of a second/);
    expect(columnWarning(col('code', 'string', { length: 10 }), col('code', 'integer'))).toMatch(/must convert/);
  });

  it('checks only the columns the target already has, matching names without case', () => {
    expect(targetWarnings([col('Name', 'string', { length: 50 }), col('extra', 'text')], [col('name', 'string', { length: 5 })])).toHaveLength(1);
  });
});
