import { createHash } from 'node:crypto';
import type { Dialect, FilterCondition } from '../../shared/index.js';
import { ExNodeError, msg } from '../../shared/index.js';
import type { Bindings } from './statement.js';

/** A fragment of SQL with `?` placeholders and the values bound to them, in order (key shapes; see Bindings.adopt). */
export interface Fragment {
  readonly sql: string;
  readonly params: unknown[];
}

const QUOTES: Record<Dialect, readonly [string, string]> = {
  mysql: ['`', '`'],
  postgres: ['"', '"'],
  sqlite: ['"', '"'],
  oracle: ['"', '"'],
  mssql: ['[', ']'],
};

/** Quotes one identifier for `dialect`; the closing quote is doubled, so no name can end the quote. */
export function quoteIdent(dialect: Dialect, name: string): string {
  if (name.length === 0) throw new ExNodeError('INVALID_INPUT', msg('connectors.identifierEmpty'));
  if (name.includes('\u0000')) throw new ExNodeError('INVALID_INPUT', msg('connectors.identifierNul'));
  const [open, close] = QUOTES[dialect];
  return open + name.split(close).join(close + close) + close;
}

export type Quote = (name: string) => string;

export function quoter(dialect: Dialect): Quote {
  return (name) => quoteIdent(dialect, name);
}

export function quoteTable(quote: Quote, table: { schema?: string | undefined; name: string }): string {
  return table.schema ? `${quote(table.schema)}.${quote(table.name)}` : quote(table.name);
}

/**
 * A checked source query as a derived table. The query stands on lines of its own, so a trailing
 * `--` comment cannot swallow the rest; no AS before the alias, which Oracle refuses there. The
 * query's text is copied, never read: placeholders are numbered as values are bound (statement.ts).
 */
export function derivedTable(query: string, quote: Quote): string {
  return `(\n${query}\n) ${quote(QUERY_ALIAS)}`;
}

/** Alias of a source query read as a derived table. */
export const QUERY_ALIAS = 'exn_q';

/**
 * A name for an index of `table` that fits the server's identifier limit: `<table>_<suffix>`, or a
 * shortened table name with a stable hash when that is too long.
 */
export function indexName(table: string, suffix: string, maxLength: number): string {
  const plain = `${table}_${suffix}`;
  if (plain.length <= maxLength) return plain;
  const tag = createHash('sha1').update(table).digest('hex').slice(0, 6);
  return `${table.slice(0, Math.max(1, maxLength - suffix.length - tag.length - 2))}_${tag}_${suffix}`;
}

/** Compiles a filter given as data. Columns are quoted, values are always bound. */
export function filterSql(filter: readonly FilterCondition[] | undefined, quote: Quote, b: Bindings): string {
  if (!filter || filter.length === 0) return '';
  return filter.map((c) => {
    const col = quote(c.column);
    switch (c.op) {
      case 'is null':
        return `${col} IS NULL`;
      case 'is not null':
        return `${col} IS NOT NULL`;
      case 'in':
      case 'not in':
        return `${col} ${c.op === 'in' ? 'IN' : 'NOT IN'} (${b.list(Array.isArray(c.value) ? c.value : [c.value])})`;
      case 'like':
        return `${col} LIKE ${b.bind(c.value)}`;
      default:
        return `${col} ${c.op === '!=' ? '<>' : c.op} ${b.bind(c.value)}`;
    }
  }).join(' AND ');
}

/**
 * `(k1, k2) > (a, b)` written out as `k1 > a OR (k1 = a AND k2 > b)`, which every dialect accepts
 * (SQL Server has no row-value comparison) and which still uses the leading key's index.
 */
export function keysetPredicate(
  keyColumns: readonly string[], values: readonly unknown[], direction: '>' | '<=', quote: Quote,
): Fragment {
  if (keyColumns.length !== values.length) {
    throw new ExNodeError('INTERNAL', `Key position has ${values.length} values for ${keyColumns.length} key columns`);
  }
  const strict = direction === '>' ? '>' : '<';
  const ors: string[] = [];
  const params: unknown[] = [];
  for (let i = 0; i < keyColumns.length; i++) {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) {
      ands.push(`${quote(keyColumns[j]!)} = ?`);
      params.push(values[j]);
    }
    const last = i === keyColumns.length - 1;
    const op = last && direction === '<=' ? '<=' : strict;
    ands.push(`${quote(keyColumns[i]!)} ${op} ?`);
    params.push(values[i]);
    ors.push(ands.length === 1 ? ands[0]! : `(${ands.join(' AND ')})`);
  }
  return { sql: ors.length === 1 ? ors[0]! : `(${ors.join(' OR ')})`, params };
}

/** Matches rows whose key tuple is one of `keys`. */
export function keyMembership(keyColumns: readonly string[], keys: readonly (readonly unknown[])[], quote: Quote): Fragment {
  if (keys.length === 0) return { sql: '1 = 0', params: [] };
  if (keyColumns.length === 1) {
    return { sql: `${quote(keyColumns[0]!)} IN (${keys.map(() => '?').join(', ')})`, params: keys.map((k) => k[0]) };
  }
  const one = `(${keyColumns.map((c) => `${quote(c)} = ?`).join(' AND ')})`;
  return { sql: `(${keys.map(() => one).join(' OR ')})`, params: keys.flat() };
}

/** Joins non-empty conditions with AND. */
export function and(...conditions: string[]): string {
  const used = conditions.filter((c) => c.length > 0);
  return used.map((c) => (used.length > 1 ? `(${c})` : c)).join(' AND ');
}

/** Splits rows into chunks so one statement never binds more than `maxParams` values. */
export function chunkForParams<T>(rows: readonly T[], paramsPerRow: number, maxParams: number, maxRows = 1000): T[][] {
  const size = Math.max(1, Math.min(maxRows, Math.floor(maxParams / Math.max(1, paramsPerRow))));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
