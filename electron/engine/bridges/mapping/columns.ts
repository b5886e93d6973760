import type { Column } from '../../../../shared/index.js';
import { ExNodeError, msg } from '../../../../shared/index.js';

/** Column lookup by name that fails loudly: a missing column is a schema change, not a null. */
export function columnsByName(columns: readonly Column[], names: readonly string[]): Column[] {
  return names.map((n) => {
    const c = columns.find((col) => col.name === n);
    if (!c) throw new ExNodeError('SCHEMA_MISMATCH', msg('bridges.columnMissing', { column: n }));
    return c;
  });
}
