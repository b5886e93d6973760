import type { Column, TableRef } from '../../shared/index.js';
import { SqlCompiler } from '../core/compiler.js';
import { KEY_SHAPES } from '../core/key-predicates.js';
import { PLACEHOLDERS } from '../core/statement.js';
import { sqliteTypeFor } from './types.js';

/**
 * Every statement the SQLite connector runs, with positional `?` placeholders. Row hashes come from
 * `exn_row_hash`, a function the connector registers on its connection (52 bits of MD5, exact in a
 * JavaScript number); TOTAL sums them as a float, which cannot overflow, and the same rows always sum
 * the same way, which is all a checksum needs.
 */
export const sqliteSql = new SqlCompiler({
  dialect: 'sqlite',
  placeholder: PLACEHOLDERS.question,
  keyShapes: KEY_SHAPES.sqlite,
  limit: (list, rest, limit) => `SELECT ${list} ${rest} LIMIT ${limit}`,
  rowHash: (columns, q) => `exn_row_hash(${columns.map((c) => q(c.name)).join(', ')})`,
  sumHash: (rowHash) => `TOTAL(${rowHash})`,
  columnDdl: sqliteTypeFor,
  analyze: (table) => `ANALYZE ${table}`,
});

const q = sqliteSql.q;

/** One row's INSERT, prepared once and run for every row of a batch on the write thread. */
export function sqliteInsertRow(table: TableRef, columns: readonly Column[]): string {
  return `INSERT INTO ${sqliteSql.table(table)} (${sqliteSql.columnList(columns)}) VALUES (${columns.map(() => '?').join(', ')})`;
}

/**
 * The statements of a row-by-row upsert (UPDATE by key, else INSERT), which tells inserts from
 * updates exactly; the write thread binds values by column index.
 */
export function sqliteUpsertRow(table: TableRef, columns: readonly Column[], keyColumns: readonly string[]) {
  const valueColumns = columns.filter((c) => !keyColumns.includes(c.name));
  const byKey = keyColumns.map((k) => `${q(k)} = ?`).join(' AND ');
  const target = sqliteSql.table(table);
  return {
    updateSql: valueColumns.length > 0 ? `UPDATE ${target} SET ${valueColumns.map((c) => `${q(c.name)} = ?`).join(', ')} WHERE ${byKey}` : null,
    existsSql: `SELECT 1 FROM ${target} WHERE ${byKey}`,
    insertSql: sqliteInsertRow(table, columns),
    keyIdx: keyColumns.map((k) => columns.findIndex((c) => c.name === k)),
    valIdx: valueColumns.map((v) => columns.indexOf(v)),
  };
}

export const SQLITE_TABLES_SQL = `SELECT name, type FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' ORDER BY name`;
export const SQLITE_TABLE_TYPE_SQL = `SELECT type FROM sqlite_master WHERE type IN ('table','view') AND name = ?`;
export const SQLITE_NOW_SQL = `SELECT strftime('%Y-%m-%d %H:%M:%f', 'now') AS now`;
