import type { Column, TableRef, TableSchema } from '../../shared/index.js';

/** One index or key constraint as a catalog lists it: a row per column, in key order. */
export interface KeyColumnRow {
  readonly name: string;
  readonly column: string;
  readonly unique: boolean;
  readonly primary: boolean;
}

/**
 * A table's schema from its catalog rows: indexes grouped from their per-column rows, the primary
 * key among them, and each column marked when it belongs to that key.
 */
export function tableSchemaFrom(table: TableRef, columns: readonly Omit<Column, 'primaryKey'>[], keyRows: readonly KeyColumnRow[]): TableSchema {
  const groups = new Map<string, { name: string; columns: string[]; unique: boolean; primary: boolean }>();
  for (const r of keyRows) {
    const entry = groups.get(r.name) ?? { name: r.name, columns: [], unique: r.unique, primary: r.primary };
    entry.columns.push(r.column);
    groups.set(r.name, entry);
  }
  const indexes = [...groups.values()];
  const primaryKey = indexes.find((i) => i.primary)?.columns ?? [];
  return {
    ...(table.schema ? { schema: table.schema } : {}),
    name: table.name, kind: 'table', rowEstimate: null, primaryKey,
    columns: columns.map((c) => ({ ...c, primaryKey: primaryKey.includes(c.name) })),
    uniqueKeys: indexes.filter((i) => i.unique && !i.primary).map((i) => i.columns),
    indexes,
  };
}
