import type { Column, TableRef } from '../../shared/index.js';
import { SqlCompiler } from '../core/compiler.js';
import { KEY_SHAPES } from '../core/key-predicates.js';
import { PLACEHOLDERS, type Statement } from '../core/statement.js';
import { postgresTypeFor } from './types.js';

/** Every statement the PostgreSQL connector runs, with `$n` placeholders. */
export const postgresSql = new SqlCompiler({
  dialect: 'postgres',
  placeholder: PLACEHOLDERS.dollar,
  keyShapes: KEY_SHAPES.postgres,
  limit: (list, rest, limit) => `SELECT ${list} ${rest} LIMIT ${limit}`,
  rowHash: (columns, q) => {
    const parts = columns.map((c) => (c.type === 'binary' ? `coalesce(encode(${q(c.name)}, 'hex'), '~N')` : `coalesce(${q(c.name)}::text, '~N')`));
    return `md5(concat_ws('|', ${parts.join(', ')}))`;
  },
  sumHash: (rowHash) => `sum(('x' || substr(${rowHash}, 1, 13))::bit(52)::bigint)`,
  columnDdl: postgresTypeFor,
  analyze: (table) => `ANALYZE ${table}`,
});

/** `INSERT ... ON CONFLICT DO UPDATE ... RETURNING (xmax = 0)`: the server says which rows were new. */
export function postgresUpsert(table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: readonly (readonly unknown[])[]): Statement {
  const q = postgresSql.q;
  const b = postgresSql.bindings();
  const sets = columns.filter((c) => !keyColumns.includes(c.name)).map((c) => `${q(c.name)} = EXCLUDED.${q(c.name)}`);
  const action = sets.length > 0 ? sets.join(', ') : `${q(keyColumns[0]!)} = EXCLUDED.${q(keyColumns[0]!)}`;
  return b.statement(`INSERT INTO ${postgresSql.table(table)} (${postgresSql.columnList(columns)}) VALUES ${rows.map((r) => `(${b.list(r)})`).join(', ')} ` +
    `ON CONFLICT (${keyColumns.map(q).join(', ')}) DO UPDATE SET ${action} RETURNING (xmax = 0) AS inserted`);
}

/** COPY FROM STDIN of `columns`: PostgreSQL's own bulk path. */
export function postgresCopy(table: TableRef, columns: readonly Column[]): string {
  return `COPY ${postgresSql.table(table)} (${postgresSql.columnList(columns)}) FROM STDIN`;
}

/** Type names (a domain's base type) and display names of a result's type OIDs and modifiers. */
export const POSTGRES_RESULT_TYPES_SQL = `SELECT x.i AS i, format_type(x.o, x.m) AS native,
    CASE WHEN t.typtype = 'd' THEN bt.typname ELSE t.typname END AS typname,
    CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE x.m END AS typmod
  FROM unnest($1::oid[], $2::int[]) WITH ORDINALITY AS x(o, m, i)
  JOIN pg_type t ON t.oid = x.o LEFT JOIN pg_type bt ON bt.oid = t.typbasetype ORDER BY x.i`;

export const POSTGRES_IDENTIFY_SQL = 'SELECT version() AS version, current_user AS "user", current_database() AS db';
export const POSTGRES_NOW_SQL = `SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS now`;
