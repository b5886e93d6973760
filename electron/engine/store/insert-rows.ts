import type { Knex } from 'knex';

interface SqliteConnection {
  prepare(sql: string): { run(...params: unknown[]): unknown };
}

/**
 * Inserts many rows of one shape inside a transaction of the state store, with one prepared statement
 * run per row on the transaction's connection. Knex would compile, and SQLite prepare, a new multi-row
 * statement per chunk: for a scheduler tick (hundreds of run records, log lines and audit entries)
 * that cost several times the writes themselves.
 */
export async function insertRows(trx: Knex, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  if (!trx.isTransaction) throw new Error('insertRows runs inside a transaction of the state store');
  const columns = Object.keys(rows[0]!);
  const connection = (await trx.client.acquireConnection()) as SqliteConnection;
  const statement = connection.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  for (const row of rows) statement.run(...columns.map((c) => sqliteValue(row[c])));
}

function sqliteValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}
