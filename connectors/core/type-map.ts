import type { CanonicalType, Column } from '../../shared/index.js';

/** What a native type maps to: its canonical type and the sizes it keeps. */
export type Mapped = Pick<Column, 'type'> & Partial<Pick<Column, 'length' | 'precision' | 'scale' | 'enumValues'>>;

/**
 * One entry of a dialect's native type map: a canonical type alone (`'integer'`), a fixed result, or
 * a function of the column's details (sizes, modifiers) where the result depends on them.
 */
export type NativeRule<Info> = CanonicalType | Mapped | ((info: Info, name: string) => Mapped);

/** A dialect's native type name → canonical type, as a lookup over a frozen table. */
export type NativeTypeMap<Info> = (name: string, info: Info) => Mapped;

/** Looks names up in `rules`; a name it does not hold (an inherited one like `constructor` neither) follows `otherwise`. */
export function nativeTypeMap<Info>(rules: Record<string, NativeRule<Info>>, otherwise: NativeRule<Info>): NativeTypeMap<Info> {
  const table = Object.freeze({ ...rules });
  return (name, info) => {
    const rule = Object.hasOwn(table, name) ? table[name]! : otherwise;
    if (typeof rule === 'string') return { type: rule };
    return typeof rule === 'function' ? rule(info, name) : { ...rule };
  };
}

/** Canonical type → a dialect's column DDL: fixed text, or text built from the column (its sizes, whether it is a key). */
export type DdlRules<C extends Pick<Column, 'type'>> = Record<CanonicalType, string | ((column: C) => string)>;

/** The DDL of a column's type by a frozen table that names every canonical type. */
export function ddlTypeMap<C extends Pick<Column, 'type'> = Column>(rules: DdlRules<C>): (column: C) => string {
  const table: Readonly<DdlRules<C>> = Object.freeze({ ...rules });
  return (column) => {
    const rule = table[column.type];
    return typeof rule === 'string' ? rule : rule(column);
  };
}
