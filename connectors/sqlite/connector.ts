import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type {
  Column, MessageRef, Row, SqliteConnectionConfig, TableRef, TableSchema, TableSummary, TestResult,
} from '../../shared/index.js';
import { CAPABILITIES, ExNodeError, msg } from '../../shared/index.js';
import type { Connector, Writer } from '../core/connector.js';
import { actionOn, classifyError, failedTest } from '../core/classify.js';
import { KeysetReader } from '../core/keyset-reader.js';
import { KeysetReads } from '../core/keyset-reads.js';
import { Mutex } from '../core/mutex.js';
import type { Statement } from '../core/statement.js';
import { fromSqlite, toSqlite } from './types.js';
import { SqliteWriteThread } from './write-thread.js';
import { describeSqliteQuery, describeSqliteTable, listSqliteTables, sqliteTableExists } from './introspect.js';
import { SQLITE_NOW_SQL, sqliteSql } from './sql.js';
import { sqliteWriter } from './writer.js';

/** Rows ANALYZE reads of each index (SQLite's `analysis_limit`). */
const ANALYSIS_LIMIT = 1000;

/** SQLite's compiled-in limit on host parameters is 32766; stay well under it per statement. */
const MAX_PARAMS = 30_000;

export class SqliteConnector extends KeysetReads implements Connector {
  readonly capabilities = CAPABILITIES.sqlite;
  private db: Database.Database | null = null;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly writeLock = new Mutex();
  private thread: SqliteWriteThread | null = null;
  protected readonly reader = new KeysetReader({
    sql: sqliteSql,
    maxBindParams: MAX_PARAMS,
    read: async (_source, action, statement) => this.select(action, statement),
    toDriver: (_c, v) => toSqlite(v),
    bindUntyped: toSqlite,
    fromDriver: (c, v) => fromSqlite(c.type, v),
    resolve: (ref) => ref,
  });

  constructor(readonly config: SqliteConnectionConfig) {
    super();
  }

  private open(): Database.Database {
    if (this.db) return this.db;
    const file = this.config.filename;
    if (this.config.readOnly && !fs.existsSync(file)) {
      throw new ExNodeError('DATABASE_NOT_FOUND', msg('connectors.sqliteFileMissing', { file }));
    }
    try {
      if (!this.config.readOnly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      const db = new Database(file, { readonly: this.config.readOnly, timeout: this.config.connectTimeoutMs });
      if (!this.config.readOnly) db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.function('exn_row_hash', { varargs: true, deterministic: true }, rowHash52);
      this.db = db;
      return db;
    } catch (error) {
      throw classifyError(error, { what: msg('connectors.action.openingSqlite', { file }) });
    }
  }

  /** Rows of a read, integers as BigInt (the reader makes them canonical); statements are prepared once. */
  private select(action: MessageRef, { sql, bindings }: Statement): Row[] {
    try {
      let statement = this.statements.get(sql);
      if (!statement) {
        statement = this.open().prepare(sql);
        statement.safeIntegers(true);
        this.statements.set(sql, statement);
      }
      return statement.all(...bindings) as Row[];
    } catch (error) {
      throw error instanceof ExNodeError ? error : classifyError(error, { what: actionOn(this.capabilities, this.config.name, action) });
    }
  }

  async test(): Promise<TestResult> {
    const started = performance.now();
    try {
      const row = this.open().prepare('SELECT sqlite_version() AS version').get() as { version: string };
      return {
        ok: true,
        product: 'SQLite',
        version: row.version,
        latencyMs: Math.round((performance.now() - started) * 100) / 100,
        currentDatabase: path.resolve(this.config.filename),
      };
    } catch (error) {
      return failedTest(classifyError(error, { what: msg('connectors.action.openingSqlite', { file: this.config.filename }) }));
    }
  }

  async listTables(): Promise<TableSummary[]> {
    return listSqliteTables(this.open());
  }

  async tableExists(table: TableRef): Promise<boolean> {
    return sqliteTableExists(this.open(), table);
  }

  async describeQuery(query: string): Promise<TableSchema> {
    try {
      return describeSqliteQuery(this.open(), query);
    } catch (error) {
      throw classifyError(error, { what: actionOn(this.capabilities, this.config.name, msg('connectors.action.describingQuery')) });
    }
  }

  async describeTable(table: TableRef): Promise<TableSchema> {
    const schema = describeSqliteTable(this.open(), table);
    if (!schema) throw new ExNodeError('NOT_FOUND', msg('connectors.tableNotFound', { table: table.name, connection: this.config.name }));
    return schema;
  }

  createTable(table: TableRef, columns: readonly Column[], primaryKey: readonly string[]): Promise<void> {
    return this.ddl([sqliteSql.createTable(table, columns, primaryKey)]);
  }

  createIndex(table: TableRef, name: string, columns: readonly string[]): Promise<void> {
    return this.ddl([sqliteSql.createIndex(table, name, columns)]);
  }

  addColumns(table: TableRef, columns: readonly Column[]): Promise<void> {
    return this.ddl(columns.map((c) => sqliteSql.addColumn(table, c)));
  }

  /**
   * Samples each index instead of reading all of it: a full ANALYZE of a 10,000,000-row table took
   * 2.6 s, and the planner needs only the rough shape.
   */
  analyze(table: TableRef): Promise<void> {
    return this.ddl([`PRAGMA analysis_limit = ${ANALYSIS_LIMIT}`, sqliteSql.analyze(table)!]);
  }

  dropTable(table: TableRef): Promise<void> {
    return this.ddl([sqliteSql.dropTable(table)]);
  }

  /** Schema changes under the write lock; prepared statements may name what changed, so they are dropped. */
  private async ddl(statements: readonly string[]): Promise<void> {
    await this.writeLock.run(async () => {
      for (const sql of statements) this.open().exec(sql);
    });
    this.statements.clear();
  }

  async serverNow(): Promise<string> {
    return (this.open().prepare(SQLITE_NOW_SQL).get() as { now: string }).now;
  }

  async transaction<T>(work: (writer: Writer) => Promise<T>): Promise<T> {
    return this.writeLock.run(async () => {
      const thread = this.writeThread();
      await thread.call('exec', { sql: 'BEGIN IMMEDIATE' });
      try {
        const result = await work(sqliteWriter(thread, this.reader));
        await thread.call('exec', { sql: 'COMMIT' });
        return result;
      } catch (error) {
        await thread.call('rollback', {}).catch(() => undefined);
        throw error;
      }
    });
  }

  /**
   * The write thread, started on the first write (the file is opened here first, so it exists and is in
   * WAL mode), and again after one died.
   */
  private writeThread(): SqliteWriteThread {
    if (!this.thread?.usable) {
      this.open();
      this.thread = new SqliteWriteThread(this.config.filename, this.config.connectTimeoutMs, this.config.readOnly);
    }
    return this.thread;
  }

  async close(): Promise<void> {
    await this.thread?.close();
    this.thread = null;
    this.statements.clear();
    this.db?.close();
    this.db = null;
  }
}

/**
 * A 52-bit row hash (the first 13 hex digits of MD5 over the values), computed inside SQLite for
 * range checksums and diff key hashes; 52 bits keeps it exact in a JavaScript number.
 */
function rowHash52(...values: unknown[]): number {
  const h = crypto.createHash('md5');
  for (const v of values) {
    h.update(v === null ? '\u0000N' : Buffer.isBuffer(v) ? v : String(v));
    h.update('\u0000');
  }
  return parseInt(h.digest('hex').slice(0, 13), 16);
}
