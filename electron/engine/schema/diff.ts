import type { Column, DriftChange, TableSchema } from '../../../shared/index.js';
import { tableLabel } from '../../../shared/index.js';

function describeType(c: Column): string {
  const size = c.nativeType.includes('(') ? '' : c.length !== undefined ? `(${c.length})` : c.precision !== undefined ? `(${c.precision}${c.scale !== undefined ? `,${c.scale}` : ''})` : '';
  return `${c.nativeType}${size}${c.nullable ? '' : ' not null'}`;
}

/** What changed between two snapshots of one connection's tables. */
export function diffSchemas(before: readonly TableSchema[], after: readonly TableSchema[]): DriftChange[] {
  const changes: DriftChange[] = [];
  const old = new Map(before.map((t) => [tableLabel(t), t]));
  const now = new Map(after.map((t) => [tableLabel(t), t]));
  for (const [name] of old) if (!now.has(name)) changes.push({ kind: 'table-dropped', table: name });
  for (const [name, table] of now) {
    const prev = old.get(name);
    if (!prev) {
      changes.push({ kind: 'table-added', table: name, detail: `${table.columns.length} columns` });
      continue;
    }
    const prevCols = new Map(prev.columns.map((c) => [c.name, c]));
    const nowCols = new Map(table.columns.map((c) => [c.name, c]));
    for (const [col] of prevCols) if (!nowCols.has(col)) changes.push({ kind: 'column-dropped', table: name, column: col });
    for (const [col, c] of nowCols) {
      const p = prevCols.get(col);
      if (!p) changes.push({ kind: 'column-added', table: name, column: col, detail: describeType(c) });
      else if (describeType(p) !== describeType(c) || (p.defaultValue ?? null) !== (c.defaultValue ?? null)) {
        changes.push({ kind: 'column-changed', table: name, column: col, detail: `${describeType(p)} → ${describeType(c)}` });
      }
    }
    if (prev.primaryKey.join(',') !== table.primaryKey.join(',')) {
      changes.push({ kind: 'key-changed', table: name, detail: `(${prev.primaryKey.join(', ')}) → (${table.primaryKey.join(', ')})` });
    }
  }
  return changes;
}
