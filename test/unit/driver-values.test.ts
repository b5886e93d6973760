import { describe, expect, it } from 'vitest';
import type { CanonicalType, Column } from '../../shared/index.js';
import { fromMssql } from '../../connectors/mssql/types.js';
import { fromOracle } from '../../connectors/oracle/types.js';
import { fromPostgres } from '../../connectors/postgres/types.js';
import { fromSqlite } from '../../connectors/sqlite/types.js';

/**
 * What each dialect makes of a driver value, per canonical type: pinned so that the readers can share
 * their common cases (date-time text, bytes) without one of them reading a value differently.
 */

type Case = [type: CanonicalType, driverValue: unknown, canonical: unknown];

const col = (type: CanonicalType): Column => ({ name: 'c', nativeType: type, type, nullable: true, primaryKey: false });
const bytes = Buffer.from([0, 1, 255]);

function pin(read: (type: CanonicalType, v: unknown) => unknown, cases: readonly Case[]): void {
  it('reads null and undefined as null, whatever the type', () => {
    for (const type of ['integer', 'string', 'datetime', 'binary', 'boolean'] as const) {
      expect(read(type, null)).toBeNull();
      expect(read(type, undefined)).toBeNull();
    }
  });
  it('reads each type as it did', () => {
    for (const [type, v, canonical] of cases) expect([type, v, read(type, v)]).toStrictEqual([type, v, canonical]);
    // Bytes the driver gave are passed on, not copied.
    expect(read('binary', bytes)).toBe(bytes);
  });
}

const TEMPORAL_CASES: Case[] = [
  ['datetime', '2024-01-02 03:04:05.1200000', '2024-01-02 03:04:05.12'],
  ['datetime', '2024-01-02T03:04:05', '2024-01-02 03:04:05'],
  ['datetime', 'not a date', 'not a date'],
  ['timestamptz', '2024-01-02T03:04:05.1200000Z', '2024-01-02T03:04:05.12Z'],
  ['timestamptz', '2024-01-02 11:04:05+08:00', '2024-01-02T03:04:05Z'],
];

describe('SQL Server values', () => {
  pin((type, v) => fromMssql(col(type), v), [
    ...TEMPORAL_CASES,
    ['time', '03:04:05.1200000', '03:04:05.12'],
    ['integer', '42', 42],
    ['float', '1.5', 1.5],
    ['double', 2, 2],
    ['boolean', true, true],
    ['boolean', 1, true],
    ['boolean', '1', false],
    ['boolean', false, false],
    ['binary', 'ab', Buffer.from('ab')],
    ['bigint', '9007199254740993', '9007199254740993'],
    ['decimal', '1.50', '1.50'],
    ['string', 'x', 'x'],
    ['text', 5, '5'],
    ['date', '2024-01-02', '2024-01-02'],
    ['uuid', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11', 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'],
    ['json', '{"a": 1}', '{"a": 1}'],
  ]);
});

describe('Oracle values', () => {
  pin((type, v) => fromOracle(col(type), v), [
    ...TEMPORAL_CASES,
    ['time', '03:04:05.500', '03:04:05.500'],
    ['integer', '42', 42],
    ['float', '1.5', 1.5],
    ['double', 2, 2],
    ['boolean', '1', true],
    ['boolean', 1, true],
    ['boolean', 0, false],
    ['boolean', '0', false],
    ['date', '2024-01-02 00:00:00', '2024-01-02'],
    ['binary', 'ab', Buffer.from('ab')],
    ['bigint', 12345678901234567890n, '12345678901234567890'],
    ['decimal', '1.50', '1.50'],
    ['string', 'x', 'x'],
    ['text', 5, '5'],
    ['uuid', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'],
  ]);
});

describe('PostgreSQL values', () => {
  pin((type, v) => fromPostgres(col(type), v), [
    ...TEMPORAL_CASES,
    ['time', '03:04:05.120000', '03:04:05.12'],
    ['integer', 5, 5],
    ['integer', '5', 5],
    ['float', 1.5, 1.5],
    ['double', '2.25', 2.25],
    ['boolean', true, true],
    ['boolean', 't', true],
    ['boolean', 'true', true],
    ['boolean', 'f', false],
    ['boolean', 1, false],
    ['binary', 'ab', Buffer.from('ab')],
    ['bigint', '9007199254740993', '9007199254740993'],
    ['decimal', 5, '5'],
    ['string', 'x', 'x'],
    ['json', { a: 1 }, '{"a":1}'],
    ['date', '2024-01-02', '2024-01-02'],
  ]);
});

describe('SQLite values', () => {
  pin(fromSqlite, [
    ...TEMPORAL_CASES,
    ['time', '03:04:05.500', '03:04:05.5'],
    ['integer', 5n, 5],
    ['integer', 5, 5],
    ['integer', '5', '5'],
    ['bigint', 5n, '5'],
    ['bigint', '9007199254740993', '9007199254740993'],
    ['decimal', 1.5, '1.5'],
    ['float', 2n, 2],
    ['double', 1.5, 1.5],
    ['boolean', '1', true],
    ['boolean', 'TRUE', true],
    ['boolean', 'no', false],
    ['boolean', 0, false],
    ['boolean', 1n, true],
    ['binary', 'ab', Buffer.from('ab')],
    ['text', 5n, '5'],
    ['string', 'x', 'x'],
    ['text', Buffer.from('ab'), 'ab'],
    ['json', 7, '7'],
  ]);
});
