import type { Column, TableRef } from '../../shared/index.js';
import type { UpsertCounts, Writer } from './connector.js';
import type { SqlCompiler } from './compiler.js';
import type { KeysetReader } from './keyset-reader.js';
import type { DriverConnection } from './pool.js';
import { chunkForParams } from './sql.js';
import type { Statement } from './statement.js';

type Rows = readonly (readonly unknown[])[];

/** What a server connector's writer is made of; the dialect brings its upsert and, where it has one, its bulk path. */
export interface WriterParts {
  readonly sql: SqlCompiler;
  readonly reader: KeysetReader;
  readonly maxBindParams: number;
  /** Runs a statement on the transaction's connection; `affected` is the server's own count. */
  exec(conn: DriverConnection, statement: Statement): Promise<{ rows: Record<string, unknown>[]; affected: number }>;
  /** A table name as the server resolves it (the connection's schema when it names none). */
  resolve(table: TableRef): TableRef;
  /** One row of canonical values as the driver binds them. */
  bind(columns: readonly Column[], row: readonly unknown[]): unknown[];
  upsert(conn: DriverConnection, table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: Rows): Promise<UpsertCounts>;
  bulk?: ((conn: DriverConnection, table: TableRef, columns: readonly Column[], rows: Rows) => Promise<number>) | undefined;
}

/** Rows per statement within the bind limit (at most 1,000). */
export function rowChunks<T>(rows: readonly T[], width: number, maxBindParams: number): T[][] {
  return chunkForParams(rows, width, maxBindParams - 200, 1000);
}

/** Writes on one connection inside a transaction the caller holds; every count is the server's own. */
export function serverWriter(conn: DriverConnection, parts: WriterParts): Writer {
  const { sql, reader, resolve } = parts;
  const bindAll = (columns: readonly Column[], rows: Rows) => rows.map((r) => parts.bind(columns, r));
  const writer: Writer = {
    insert: async (table, columns, rows) => {
      let n = 0;
      for (const chunk of rowChunks(rows, columns.length, parts.maxBindParams)) {
        n += (await parts.exec(conn, sql.insert(resolve(table), columns, bindAll(columns, chunk)))).affected;
      }
      return n;
    },
    upsert: (table, columns, keyColumns, rows) => parts.upsert(conn, resolve(table), columns, keyColumns, bindAll(columns, rows)),
    deleteKeys: async (table, keyColumns, keys) => {
      let n = 0;
      for (const chunk of reader.keyChunks(keys, keyColumns.length)) n += (await parts.exec(conn, sql.deleteKeys(resolve(table), keyColumns, chunk))).affected;
      return n;
    },
    lookup: (options) => reader.lookup(options, async (statement) => (await parts.exec(conn, statement)).rows),
  };
  const bulk = parts.bulk;
  if (bulk) writer.bulkInsert = (table, columns, rows) => bulk(conn, resolve(table), columns, rows);
  return writer;
}

/**
 * Upserts chunk by chunk where the server returns one row per row written, saying whether it was
 * new (PostgreSQL's RETURNING, SQL Server's OUTPUT $action).
 */
export async function upsertByReturnedRows<T>(
  chunks: readonly T[], run: (chunk: T) => Promise<readonly Record<string, unknown>[]>, isInsert: (row: Record<string, unknown>) => boolean,
): Promise<UpsertCounts> {
  let inserted = 0;
  let updated = 0;
  for (const chunk of chunks) {
    for (const row of await run(chunk)) {
      if (isInsert(row)) inserted++;
      else updated++;
    }
  }
  return { inserted, updated };
}
