import type { Column } from '../../../shared/index.js';
import type { InformationItem } from '../../../shared/catalog.js';
import { ITEM_TYPE_OF } from '../../../shared/catalog.js';

/** Information items (信息项) from a table's introspected columns, in column order. */
export function itemsFromColumns(columns: readonly Column[]): InformationItem[] {
  return columns.map((c) => {
    const dataType = ITEM_TYPE_OF[c.type];
    const length = c.length ?? c.precision;
    return {
      name: c.name,
      dataType,
      ...(length !== undefined && length > 0 ? { length } : {}),
      column: c.name,
    };
  });
}
