import type { Column } from '../../shared/index.js';

/** Columns and values the per-dialect SQL compiler tests build statements from. */
export const col = (name: string, type: Column['type'], extra: Partial<Column> = {}): Column =>
  ({ name, nativeType: type, type, nullable: true, primaryKey: false, ...extra });

export const ID = col('id', 'integer', { nullable: false, primaryKey: true });
export const DAY = col('day', 'date', { nullable: false, primaryKey: true });
export const NAME = col('name', 'string', { length: 40 });
export const PEOPLE = { name: 'people' };
/** A source query with everything that once shifted a placeholder: a quote in a comment, `?` and `$1` in strings and comments. */
export const HOSTILE_QUERY = "SELECT id, name FROM people -- don't share the rest\nWHERE note <> '?' AND tag <> '$1' /* ? :1 @p1 */";
export const HOSTILE_SOURCE = { name: 'q', query: HOSTILE_QUERY };
