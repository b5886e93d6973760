import { createHash } from 'node:crypto';
import type { Dialect, FilterCondition } from '../../shared/index.js';
import { ExNodeError, msg } from '../../shared/index.js';

/** A fragment of SQL with `?` placeholders and the values bound to them, in order. */
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
 * `--` comment cannot swallow the rest; no AS before the alias, which Oracle refuses there.
 */
export function derivedTable(query: string, quote: Quote): string {
  return `(\n${QUERY_START}\n${query}\n${QUERY_END}\n) ${quote(QUERY_ALIAS)}`;
}

/**
 * Comments that enclose a source query inside built SQL: placeholders are never looked for between
 * them, so the quotes, comments and question marks of a technician's query cannot shift a parameter.
 */
export const QUERY_START = '/*exn:query*/';
export const QUERY_END = '/*exn:end*/';

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
export function compileFilter(filter: readonly FilterCondition[] | undefined, quote: Quote): Fragment {
  if (!filter || filter.length === 0) return { sql: '', params: [] };
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const c of filter) {
    const col = quote(c.column);
    switch (c.op) {
      case 'is null':
        parts.push(`${col} IS NULL`);
        break;
      case 'is not null':
        parts.push(`${col} IS NOT NULL`);
        break;
      case 'in':
      case 'not in': {
        const values = Array.isArray(c.value) ? c.value : [c.value];
        parts.push(`${col} ${c.op === 'in' ? 'IN' : 'NOT IN'} (${values.map(() => '?').join(', ')})`);
        params.push(...values);
        break;
      }
      case 'like':
        parts.push(`${col} LIKE ?`);
        params.push(c.value);
        break;
      default:
        parts.push(`${col} ${c.op === '!=' ? '<>' : c.op} ?`);
        params.push(c.value);
    }
  }
  return { sql: parts.join(' AND '), params };
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

/** Joins non-empty fragments with AND. */
export function and(...fragments: Fragment[]): Fragment {
  const used = fragments.filter((f) => f.sql.length > 0);
  return {
    sql: used.map((f) => (used.length > 1 ? `(${f.sql})` : f.sql)).join(' AND '),
    params: used.flatMap((f) => f.params),
  };
}

/** Splits rows into chunks so one statement never binds more than `maxParams` values. */
export function chunkForParams<T>(rows: readonly T[], paramsPerRow: number, maxParams: number, maxRows = 1000): T[][] {
  const size = Math.max(1, Math.min(maxRows, Math.floor(maxParams / Math.max(1, paramsPerRow))));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/**
 * Turns `?` placeholders into a dialect's numbered form (`$1`, `@p1`, `:1`), leaving quoted
 * identifiers and string literals alone, so a `?` inside a quoted name is never taken for a value.
 */
export function numberPlaceholders(sql: string, name: (n: number) => string): string {
  // The source query (one per statement) is copied as it is: from the first start mark to the last end mark.
  const start = sql.indexOf(QUERY_START);
  const end = start < 0 ? -1 : sql.lastIndexOf(QUERY_END);
  let out = '';
  let n = 0;
  let closing: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    if (i === start && end > start) {
      out += sql.slice(start, end + QUERY_END.length);
      i = end + QUERY_END.length - 1;
      continue;
    }
    const ch = sql[i]!;
    if (closing) {
      if (ch === closing) closing = null;
      out += ch;
    } else if (ch === '"' || ch === "'" || ch === '`' || ch === '[') {
      closing = ch === '[' ? ']' : ch;
      out += ch;
    } else if (ch === '?') {
      out += name(++n);
    } else {
      out += ch;
    }
  }
  return out;
}
