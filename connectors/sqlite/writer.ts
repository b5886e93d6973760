import type { Column, TableRef } from '../../shared/index.js';
import type { Writer } from '../core/connector.js';
import { ExNodeError } from '../../shared/index.js';
import type { KeysetReader } from '../core/keyset-reader.js';
import type { SqliteWriteThread } from './write-thread.js';
import { sqliteInsertRow, sqliteSql, sqliteUpsertRow } from './sql.js';
import { toSqlite } from './types.js';

const bind = (rows: readonly (readonly unknown[])[]) => rows.map((row) => row.map(toSqlite));

/**
 * Writes run on the write thread, inside the transaction it holds open; so do lookups, which then see
 * the transaction's own writes.
 */
export function sqliteWriter(thread: SqliteWriteThread, reader: KeysetReader): Writer {
  return {
    insert: (table: TableRef, columns: readonly Column[], rows) => thread.call('runEach', { sql: sqliteInsertRow(table, columns), rows: bind(rows) }),
    upsert: async (table, columns, keyColumns, rows) => {
      const statements = sqliteUpsertRow(table, columns, keyColumns);
      if (statements.keyIdx.some((i) => i < 0)) throw new ExNodeError('INTERNAL', 'Upsert key columns must be among the written columns');
      return thread.call('upsert', { ...statements, rows: bind(rows) });
    },
    deleteKeys: async (table, keyColumns, keys) => {
      let n = 0;
      for (const chunk of reader.keyChunks(keys, keyColumns.length)) {
        const statement = sqliteSql.deleteKeys(table, keyColumns, bind(chunk));
        n += await thread.call('run', { sql: statement.sql, params: [...statement.bindings] });
      }
      return n;
    },
    lookup: (options) => reader.lookup(options, (statement) => thread.call('all', { sql: statement.sql, params: [...statement.bindings] })),
  };
}
