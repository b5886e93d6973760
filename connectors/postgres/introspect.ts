import type { Column, TableRef, TableSchema, TableSummary } from '../../shared/index.js';
import { canonicalFromPostgres } from './types.js';

type Run = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * Tables and views of the configured schema, or, when none is configured, of every user schema; a
 * table outside the current schema carries its schema name.
 */
export async function listPostgresTables(run: Run, schema: string | null): Promise<TableSummary[]> {
  const rows = await run(
    `SELECT n.nspname AS schema, n.nspname = current_schema() AS current, c.relname AS name, c.relkind AS kind, c.reltuples::bigint AS estimate
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm')
       AND (n.nspname = $1::text OR ($1::text IS NULL AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'))
     ORDER BY n.nspname <> current_schema(), n.nspname, c.relname`,
    [schema],
  );
  return rows.map((r) => ({
    ...(r.current === true || schema !== null ? {} : { schema: String(r.schema) }),
    name: String(r.name),
    kind: r.kind === 'v' || r.kind === 'm' ? 'view' : 'table',
    rowEstimate: Number(r.estimate) < 0 ? null : Number(r.estimate),
  }));
}

export async function describePostgresTable(run: Run, ref: TableRef): Promise<TableSchema | null> {
  const schema = ref.schema ?? null;
  const meta = await run(
    `SELECT c.oid, c.relkind AS kind, c.reltuples::bigint AS estimate, n.nspname AS schema
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = COALESCE($1::text, current_schema()) AND c.relname = $2 AND c.relkind IN ('r', 'p', 'v', 'm')`,
    [schema, ref.name],
  );
  const table = meta[0];
  if (!table) return null;
  const cols = await run(
    // A domain (CREATE DOMAIN year AS integer ...) is read and mapped as its base type.
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS native,
       CASE WHEN t.typtype = 'd' THEN bt.typname ELSE t.typname END AS typname,
       CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END AS typmod,
       a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS def
     FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
     LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = $1::oid AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [table.oid],
  );
  const idx = await run(
    `SELECT i.relname AS name, ix.indisunique AS "unique", ix.indisprimary AS "primary",
       array_to_string(array_agg(a.attname ORDER BY k.n), chr(1)) AS columns
     FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid
     CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, n)
     JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
     WHERE ix.indrelid = $1::oid GROUP BY i.relname, ix.indisunique, ix.indisprimary ORDER BY i.relname`,
    [table.oid],
  );
  const indexes = idx.map((r) => ({
    name: String(r.name), unique: r.unique === true, primary: r.primary === true, columns: String(r.columns).split('\u0001'),
  }));
  const primaryKey = indexes.find((i) => i.primary)?.columns ?? [];
  const columns: Column[] = cols.map((c) => ({
    name: String(c.name),
    nativeType: String(c.native),
    ...canonicalFromPostgres(String(c.typname), Number(c.typmod)),
    nullable: c.notnull !== true,
    defaultValue: c.def === null || c.def === undefined ? null : String(c.def),
    primaryKey: primaryKey.includes(String(c.name)),
  }));
  return {
    ...(ref.schema ? { schema: ref.schema } : {}),
    name: ref.name,
    kind: table.kind === 'v' || table.kind === 'm' ? 'view' : 'table',
    rowEstimate: Number(table.estimate) < 0 ? null : Number(table.estimate),
    columns,
    primaryKey,
    uniqueKeys: indexes.filter((i) => i.unique && !i.primary).map((i) => i.columns),
    indexes,
  };
}
