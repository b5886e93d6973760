import type Database from 'better-sqlite3';
import type { Column, TableRef, TableSchema, TableSummary } from '../../shared/index.js';
import { querySchema } from '../core/connector.js';
import { canonicalFromSqlite } from './types.js';
import { SQLITE_TABLE_TYPE_SQL, SQLITE_TABLES_SQL, sqliteSql } from './sql.js';

export function listSqliteTables(db: Database.Database): TableSummary[] {
  const rows = db.prepare(SQLITE_TABLES_SQL).all() as { name: string; type: string }[];
  return rows.map((r) => ({ name: r.name, kind: r.type === 'view' ? 'view' : 'table', rowEstimate: null }));
}

export function sqliteTableExists(db: Database.Database, table: TableRef): boolean {
  return db.prepare(SQLITE_TABLE_TYPE_SQL).get(table.name) !== undefined;
}

/** The columns of a source query, from the prepared statement (nothing is read). */
export function describeSqliteQuery(db: Database.Database, query: string): TableSchema {
  const columns = db.prepare(sqliteSql.describeQuery(query)).columns();
  // An expression has no declared type: its values travel as text, which keeps every one of them.
  return querySchema(columns.map((c) => ({
    name: c.name, nativeType: c.type ?? 'expression', ...(c.type ? canonicalFromSqlite(c.type) : { type: 'text' as const }), nullable: true, primaryKey: false,
  })));
}

/** A table's columns, keys and indexes; null when it does not exist. */
export function describeSqliteTable(db: Database.Database, table: TableRef): TableSchema | null {
  const meta = db.prepare(SQLITE_TABLE_TYPE_SQL).get(table.name) as { type: string } | undefined;
  if (!meta) return null;
  const info = db.prepare(`SELECT * FROM pragma_table_info(?)`).all(table.name) as {
    name: string; type: string; notnull: number; dflt_value: string | null; pk: number;
  }[];
  const primaryKey = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
  const columns: Column[] = info.map((c) => ({
    name: c.name,
    nativeType: c.type,
    ...canonicalFromSqlite(c.type),
    nullable: c.notnull === 0 && c.pk === 0,
    defaultValue: c.dflt_value,
    primaryKey: c.pk > 0,
  }));
  const indexList = db.prepare(`SELECT * FROM pragma_index_list(?)`).all(table.name) as { name: string; unique: number; origin: string }[];
  const indexes = indexList.map((ix) => ({
    name: ix.name,
    unique: ix.unique === 1,
    primary: ix.origin === 'pk',
    columns: (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(ix.name) as { name: string }[]).map((r) => r.name),
  }));
  if (primaryKey.length > 0 && !indexes.some((i) => i.primary)) {
    indexes.unshift({ name: 'PRIMARY', unique: true, primary: true, columns: primaryKey });
  }
  return {
    name: table.name,
    kind: meta.type === 'view' ? 'view' : 'table',
    rowEstimate: null,
    columns,
    primaryKey,
    uniqueKeys: indexes.filter((i) => i.unique && !i.primary).map((i) => i.columns),
    indexes,
  };
}
