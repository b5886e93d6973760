/**
 * What every dialect's compiler must do alike: a source query's text is copied as it is, whatever
 * quotes, comments and placeholder look-alikes it holds, and the statement's own placeholders are
 * exactly the bound values, numbered in order.
 */
import { describe, expect, it } from 'vitest';
import { mysqlSql } from '../../connectors/mysql/sql.js';
import { postgresSql } from '../../connectors/postgres/sql.js';
import { sqliteSql } from '../../connectors/sqlite/sql.js';
import { mssqlSql } from '../../connectors/mssql/sql.js';
import { oracleSql } from '../../connectors/oracle/sql.js';
import type { SqlCompiler } from '../../connectors/core/compiler.js';
import { DAY, HOSTILE_QUERY, HOSTILE_SOURCE, ID, NAME } from '../support/sql-cases.js';

const COMPILERS: [string, SqlCompiler, RegExp][] = [
  ['mysql', mysqlSql, /\?/g], ['sqlite', sqliteSql, /\?/g],
  ['postgres', postgresSql, /\$(\d+)/g], ['mssql', mssqlSql, /@p(\d+)/g], ['oracle', oracleSql, /:(\d+)/g],
];

/** The statement's own text, around the copied query. */
function outside(sql: string): string {
  const at = sql.indexOf(HOSTILE_QUERY);
  expect(at).toBeGreaterThan(0);
  return sql.slice(0, at) + sql.slice(at + HOSTILE_QUERY.length);
}

describe.each(COMPILERS)('%s compiler with a hostile source query', (_dialect, sql, placeholder) => {
  const statements = {
    page: sql.page(HOSTILE_SOURCE, [ID, DAY, NAME], { keyColumns: ['id', 'day'], after: [5, '2024-01-01'], upTo: [9, '2024-02-01'], filter: [{ column: 'name', op: 'in', value: ['a', 'b'] }] }, 100),
    keyHashes: sql.keyHashPage(HOSTILE_SOURCE, [ID, NAME], [ID], { keyColumns: ['id'], after: [5] }, 100),
    count: sql.count(HOSTILE_SOURCE, [{ column: 'name', op: '=', value: "it's" }]),
    maxValue: sql.maxValue(HOSTILE_SOURCE, ID, [{ column: 'name', op: 'like', value: '%?%' }]),
    rangeChecksum: sql.rangeChecksum(HOSTILE_SOURCE, [ID, NAME], { keyColumns: ['id'], after: [1], upTo: [10] }),
    lookup: sql.lookup(HOSTILE_SOURCE, [ID, DAY, NAME], ['id', 'day'], [[1, '2024-01-01'], [2, '2024-01-02']], [{ column: 'name', op: '!=', value: '$1' }], [ID, DAY]),
  };
  it.each(Object.entries(statements))('copies the query and numbers only its own placeholders: %s', (_name, statement) => {
    const own = [...outside(statement.sql).matchAll(placeholder)];
    expect(own.length).toBe(statement.bindings.length);
    if (placeholder.source !== '\\?') expect(own.map((m) => Number(m[1]))).toEqual(statement.bindings.map((_, i) => i + 1));
  });
  it('refuses to write into a query', () => {
    expect(() => sql.deleteKeys(HOSTILE_SOURCE, ['id'], [[1]])).toThrow(/is a query, not a table/);
    expect(() => sql.insert(HOSTILE_SOURCE, [ID], [[1]])).toThrow(/is a query, not a table/);
  });
  it('quotes every name it writes, so a name cannot end its quote', () => {
    const evil = { ...NAME, name: 'x") OR 1=1 --`]' };
    const statement = sql.page({ name: 'people' }, [ID, evil], { keyColumns: ['id'], filter: [{ column: evil.name, op: '=', value: 1 }] }, 10);
    expect(statement.sql).toContain(sql.q(evil.name));
    expect(statement.bindings).toEqual([1]);
  });
});
