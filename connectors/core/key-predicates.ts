import type { Column } from '../../shared/index.js';
import { ExNodeError } from '../../shared/index.js';
import { type Fragment, keyMembership, keysetPredicate, type Quote } from './sql.js';

/**
 * How one dialect writes "key after this position" and "key is one of these" so that its planner
 * turns them into index access on a composite key. A wrong shape costs a scan per statement: an
 * OR term per key, or `a > ? OR (a = ? AND b > ?)` on PostgreSQL, filter the whole table.
 */
export interface KeyShapes {
  /** Rows whose key tuple is `>` (after) or `<=` (up to) `values`. */
  keyset(keyColumns: readonly string[], values: readonly unknown[], direction: '>' | '<=', quote: Quote): Fragment;
  /**
   * Rows whose key tuple is one of `keys`. `keyTypes` (the key columns, in order) lets a dialect bind
   * typed arrays; without them it uses a form whose parameters take the column's type.
   */
  membership(keyColumns: readonly string[], keys: readonly (readonly unknown[])[], quote: Quote, keyTypes?: readonly Column[]): Fragment;
  /** Most keys one membership statement holds (Oracle's IN list stops at 1,000). */
  readonly maxKeysPerStatement: number;
}

function checkWidth(keyColumns: readonly string[], values: readonly unknown[]): void {
  if (keyColumns.length !== values.length) {
    throw new ExNodeError('INTERNAL', `Key position has ${values.length} values for ${keyColumns.length} key columns`);
  }
}

/** `(a, b) > (?, ?)`: PostgreSQL and SQLite compare row values and seek the index to the position. */
export function rowValueKeyset(keyColumns: readonly string[], values: readonly unknown[], direction: '>' | '<=', quote: Quote): Fragment {
  checkWidth(keyColumns, values);
  if (keyColumns.length === 1) return { sql: `${quote(keyColumns[0]!)} ${direction} ?`, params: [values[0]] };
  return {
    sql: `(${keyColumns.map(quote).join(', ')}) ${direction} (${keyColumns.map(() => '?').join(', ')})`,
    params: [...values],
  };
}

/** `(a, b) IN ((?, ?), ...)`: MariaDB/MySQL and Oracle read it as one index range per tuple. */
export function rowListMembership(keyColumns: readonly string[], keys: readonly (readonly unknown[])[], quote: Quote): Fragment {
  if (keys.length === 0 || keyColumns.length === 1) return keyMembership(keyColumns, keys, quote);
  const one = `(${keyColumns.map(() => '?').join(', ')})`;
  return { sql: `(${keyColumns.map(quote).join(', ')}) IN (${keys.map(() => one).join(', ')})`, params: keys.flat() };
}

/** `(a, b) IN (VALUES (?, ?), ...)`: SQLite probes the primary key once per tuple. */
export function valuesMembership(keyColumns: readonly string[], keys: readonly (readonly unknown[])[], quote: Quote): Fragment {
  if (keys.length === 0 || keyColumns.length === 1) return keyMembership(keyColumns, keys, quote);
  const one = `(${keyColumns.map(() => '?').join(', ')})`;
  return { sql: `(${keyColumns.map(quote).join(', ')}) IN (VALUES ${keys.map(() => one).join(', ')})`, params: keys.flat() };
}

/**
 * SQL Server has no row values: the keys are a derived table joined by equality. Its columns are
 * named so that the table's own columns, unqualified, still mean the outer table.
 */
export function derivedTableMembership(keyColumns: readonly string[], keys: readonly (readonly unknown[])[], quote: Quote): Fragment {
  if (keys.length === 0 || keyColumns.length === 1) return keyMembership(keyColumns, keys, quote);
  const names = keyColumns.map((_, i) => quote(`exn_k${i}`));
  const one = `(${keyColumns.map(() => '?').join(', ')})`;
  const on = keyColumns.map((c, i) => `${quote(c)} = ${quote('exn_k')}.${names[i]}`).join(' AND ');
  return {
    sql: `EXISTS (SELECT 1 FROM (VALUES ${keys.map(() => one).join(', ')}) AS ${quote('exn_k')} (${names.join(', ')}) WHERE ${on})`,
    params: keys.flat(),
  };
}

/**
 * PostgreSQL array type of a key column's parameter, where comparing the column with it keeps the
 * index and the meaning; null where no such type is certain (blank-padded CHAR compared as text
 * would lose its padding, enum or citext keys): those keys use the one-term-per-key form.
 */
export function postgresArrayType(c: Column): string | null {
  const native = c.nativeType.toLowerCase();
  switch (c.type) {
    case 'integer':
    case 'bigint': return 'int8[]';
    case 'decimal': return 'numeric[]';
    case 'float':
    case 'double': return 'float8[]';
    case 'boolean': return 'bool[]';
    case 'uuid': return 'uuid[]';
    case 'date': return 'date[]';
    case 'time': return 'time[]';
    case 'datetime': return 'timestamp[]';
    case 'timestamptz': return 'timestamptz[]';
    case 'binary': return 'bytea[]';
    case 'string':
    case 'text':
      if (/^(character|char|bpchar|nchar)\b(?! varying)/.test(native)) return null;
      return /text|char|clob|string/.test(native) ? 'text[]' : null;
    default: return null;
  }
}

/**
 * PostgreSQL: one key column as `= ANY(?)` (the array takes the column's type); several as a join
 * with `unnest` of one typed array per column, two parameters whatever the number of keys.
 */
export function unnestMembership(keyColumns: readonly string[], keys: readonly (readonly unknown[])[], quote: Quote, keyTypes?: readonly Column[]): Fragment {
  if (keys.length === 0) return keyMembership(keyColumns, keys, quote);
  if (keyColumns.length === 1) return { sql: `${quote(keyColumns[0]!)} = ANY(?)`, params: [keys.map((k) => k[0])] };
  const arrayTypes = keyTypes?.map(postgresArrayType);
  if (!arrayTypes || arrayTypes.length !== keyColumns.length || arrayTypes.some((t) => t === null)) return keyMembership(keyColumns, keys, quote);
  return {
    sql: `(${keyColumns.map(quote).join(', ')}) IN (SELECT * FROM unnest(${arrayTypes.map((t) => `?::${t}`).join(', ')}))`,
    params: keyColumns.map((_, i) => keys.map((k) => k[i])),
  };
}

const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/** Per dialect, measured with EXPLAIN on the real servers (test/integration/query-shape.test.ts). */
export const KEY_SHAPES = {
  /** MariaDB turns the expanded OR form into one range over both columns, but a row-value `>` into a full index scan. */
  mysql: { keyset: keysetPredicate, membership: rowListMembership, maxKeysPerStatement: NO_LIMIT },
  postgres: { keyset: rowValueKeyset, membership: unnestMembership, maxKeysPerStatement: NO_LIMIT },
  sqlite: { keyset: rowValueKeyset, membership: valuesMembership, maxKeysPerStatement: NO_LIMIT },
  mssql: { keyset: keysetPredicate, membership: derivedTableMembership, maxKeysPerStatement: NO_LIMIT },
  oracle: { keyset: keysetPredicate, membership: rowListMembership, maxKeysPerStatement: 1000 },
} as const satisfies Record<string, KeyShapes>;
