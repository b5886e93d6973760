import type {
  Column, ConnectionConfig, DialectCapabilities, MessageRef, Row, SourceRef, TableRef, TableSchema, TableSummary, TestResult,
} from '../../shared/index.js';
import { ExNodeError, msg } from '../../shared/index.js';
import type { Connector, UpsertCounts, Writer } from './connector.js';
import { querySchema } from './connector.js';
import { actionOn, classifyError, failedTest } from './classify.js';
import type { SqlCompiler } from './compiler.js';
import { KeysetReader } from './keyset-reader.js';
import { KeysetReads } from './keyset-reads.js';
import type { ConnectionPool, DriverConnection } from './pool.js';
import { rowChunks, serverWriter } from './server-writer.js';
import type { Statement } from './statement.js';

export type { DriverConnection } from './pool.js';

/** What one statement returned: rows for a query, counts for a write. */
export interface QueryResult {
  readonly rows: Row[];
  readonly affected: number;
  /** The server's own summary line (MySQL: "Records: n  Duplicates: d  Warnings: w"). */
  readonly info?: string;
}

/**
 * Base of the server dialects (MySQL, PostgreSQL, SQL Server, Oracle): the dialect's compiler builds
 * every statement, a pool lends raw driver connections, so that a transaction, a COPY or a LOAD DATA
 * share one connection. Reads go through the keyset reader shared with SQLite.
 */
export abstract class ServerConnector extends KeysetReads implements Connector {
  abstract readonly capabilities: DialectCapabilities;
  /** Builds every statement this connector runs. */
  protected abstract readonly sql: SqlCompiler;
  protected abstract readonly pool: ConnectionPool;
  private readonly secrets: (string | undefined)[];
  private keysetReader: KeysetReader | null = null;

  constructor(readonly config: ConnectionConfig, protected readonly password: string | undefined) {
    super();
    this.secrets = [password];
  }

  /** Runs one statement, written with the dialect's own placeholders, on a raw connection. */
  protected abstract run(conn: DriverConnection, sql: string, bindings: readonly unknown[]): Promise<QueryResult>;
  /** Converts one driver value to the canonical form of `column`. */
  protected abstract fromDriver(column: Column, value: unknown): unknown;
  /** Converts one canonical value to what the driver binds for `column`. */
  protected abstract toDriver(column: Column, value: unknown): unknown;
  protected abstract describe(conn: DriverConnection, table: TableRef): Promise<TableSchema | null>;
  protected abstract tables(conn: DriverConnection): Promise<TableSummary[]>;
  protected abstract identify(conn: DriverConnection): Promise<Omit<TestResult, 'ok' | 'latencyMs'>>;
  /** The result columns of `sql` (which returns no rows), from the driver's metadata. */
  protected abstract queryColumns(conn: DriverConnection, sql: string): Promise<Column[]>;
  protected abstract upsertRows(conn: DriverConnection, table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<UpsertCounts>;
  /** The dialect's fast load path on the transaction's connection; absent where it has none. */
  bulkInsertRows?(conn: DriverConnection, table: TableRef, columns: readonly Column[], rows: readonly (readonly unknown[])[]): Promise<number>;
  /** Selects the server's current UTC time as canonical datetime text, in the column `now`. */
  protected abstract readonly nowSql: string;
  /** Starts a read-only transaction; null where the dialect has none (SQL Server: the login's rights must keep it read-only). */
  protected readonly readOnlyBegin: string | null = 'START TRANSACTION READ ONLY';

  protected exec(conn: DriverConnection, statement: Statement): Promise<QueryResult> {
    return this.run(conn, statement.sql, statement.bindings);
  }

  protected get reader(): KeysetReader {
    this.keysetReader ??= new KeysetReader({
      sql: this.sql,
      maxBindParams: this.capabilities.maxBindParams,
      read: (source, action, statement) => this.reading(source, action, async (conn) => (await this.exec(conn, statement)).rows),
      toDriver: (c, v) => this.toDriver(c, v),
      fromDriver: (c, v) => this.fromDriver(c, v),
      resolve: (ref) => (ref.query === undefined ? { ...ref, ...this.withSchema(ref) } : ref),
    });
    return this.keysetReader;
  }

  /** The configured schema applies to table names that carry none. */
  protected withSchema(ref: TableRef): TableRef {
    const schema = ref.schema ?? (this.config as { schema?: string }).schema;
    return schema ? { schema, name: ref.name } : { name: ref.name };
  }

  protected what(action: MessageRef): MessageRef {
    return actionOn(this.capabilities, this.config.name, action);
  }

  protected async withConnection<T>(action: MessageRef, work: (conn: DriverConnection) => Promise<T>): Promise<T> {
    try {
      return await this.pool.use(work);
    } catch (error) {
      throw this.classify(error, this.what(action));
    }
  }

  /**
   * A read of `ref`. A source query is the user's own SQL: it runs inside a read-only transaction, so
   * a function with side effects in it (`lo_from_bytea`, `pg_notify`, a procedure that writes) is
   * refused by the database itself, not only by the node's SELECT check.
   */
  protected reading<T>(ref: SourceRef, action: MessageRef, work: (conn: DriverConnection) => Promise<T>): Promise<T> {
    const begin = this.readOnlyBegin;
    if (ref.query === undefined || begin === null) return this.withConnection(action, work);
    return this.withConnection(action, async (conn) => {
      await this.run(conn, begin, []);
      try {
        return await work(conn);
      } finally {
        await this.run(conn, 'ROLLBACK', []).catch(() => undefined);
      }
    });
  }

  protected classify(error: unknown, what: MessageRef): ExNodeError {
    return classifyError(error, { what, secrets: this.secrets });
  }

  async test(): Promise<TestResult> {
    const started = performance.now();
    try {
      const identity = await this.withConnection(msg('connectors.action.connecting'), async (conn) => {
        await this.run(conn, 'SELECT 1', []);
        return this.identify(conn);
      });
      return { ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100, ...identity };
    } catch (error) {
      return failedTest(this.classify(error, this.what(msg('connectors.action.connecting'))), Math.round(performance.now() - started));
    }
  }

  async serverNow(): Promise<string> {
    return this.withConnection(msg('connectors.action.readingClock'), async (conn) => String((await this.run(conn, this.nowSql, [])).rows[0]!.now));
  }

  listTables(): Promise<TableSummary[]> {
    return this.withConnection(msg('connectors.action.listingTables'), (conn) => this.tables(conn));
  }

  async describeTable(table: TableRef): Promise<TableSchema> {
    const schema = await this.withConnection(msg('connectors.action.describingTable', { table: table.name }), (conn) => this.describe(conn, this.withSchema(table)));
    if (!schema) throw new ExNodeError('NOT_FOUND', msg('connectors.tableNotFound', { table: `${table.schema ? `${table.schema}.` : ''}${table.name}`, connection: this.config.name }));
    return schema;
  }

  async describeQuery(query: string): Promise<TableSchema> {
    const columns = await this.reading({ name: 'query', query }, msg('connectors.action.describingQuery'), (conn) => this.queryColumns(conn, this.sql.describeQuery(query)));
    return querySchema(columns);
  }

  async tableExists(table: TableRef): Promise<boolean> {
    return (await this.withConnection(msg('connectors.action.lookingUpTable'), (conn) => this.describe(conn, this.withSchema(table)))) !== null;
  }

  createTable(table: TableRef, columns: readonly Column[], primaryKey: readonly string[]): Promise<void> {
    return this.ddl(msg('connectors.action.creatingTable', { table: table.name }), [this.sql.createTable(this.withSchema(table), columns, primaryKey)]);
  }

  createIndex(table: TableRef, name: string, columns: readonly string[]): Promise<void> {
    return this.ddl(msg('connectors.action.indexingTable', { table: table.name }), [this.sql.createIndex(this.withSchema(table), name, columns)]);
  }

  addColumns(table: TableRef, columns: readonly Column[]): Promise<void> {
    return this.ddl(msg('connectors.action.alteringTable', { table: table.name }), columns.map((c) => this.sql.addColumn(this.withSchema(table), c)));
  }

  dropTable(table: TableRef): Promise<void> {
    return this.ddl(msg('connectors.action.droppingTable', { table: table.name }), [this.sql.dropTable(this.withSchema(table))]);
  }

  analyze(table: TableRef): Promise<void> {
    const sql = this.sql.analyze(this.withSchema(table));
    return sql ? this.ddl(msg('connectors.action.analyzing', { table: table.name }), [sql]) : Promise.resolve();
  }

  private ddl(action: MessageRef, statements: readonly string[]): Promise<void> {
    return this.withConnection(action, async (conn) => {
      for (const sql of statements) await this.run(conn, sql, []);
    });
  }

  /** Every server dialect's checksum sums the first 13 hex digits (52 bits) of its row hashes: repeated here. */
  checksumOf(rowHashes: readonly string[]): string {
    let sum = 0n;
    for (const hash of rowHashes) sum += BigInt(`0x${hash.slice(0, 13)}`);
    return sum.toString();
  }

  async transaction<T>(work: (writer: Writer) => Promise<T>): Promise<T> {
    return this.withConnection(msg('connectors.action.writing'), async (conn) => {
      await this.run(conn, 'BEGIN', []);
      try {
        const result = await work(this.writer(conn));
        await this.run(conn, 'COMMIT', []);
        return result;
      } catch (error) {
        await this.run(conn, 'ROLLBACK', []).catch(() => undefined);
        throw error;
      }
    });
  }

  protected writer(conn: DriverConnection): Writer {
    return serverWriter(conn, {
      sql: this.sql,
      reader: this.reader,
      maxBindParams: this.capabilities.maxBindParams,
      exec: (c, statement) => this.exec(c, statement),
      resolve: (table) => this.withSchema(table),
      bind: (columns, row) => this.bindRow(columns, row),
      upsert: (c, table, columns, keyColumns, rows) => this.upsertRows(c, table, columns, keyColumns, rows),
      bulk: this.bulkInsertRows?.bind(this),
    });
  }

  protected bindRow(columns: readonly Column[], row: readonly unknown[]): unknown[] {
    return row.map((v, i) => this.toDriver(columns[i]!, v));
  }

  /** Rows per statement within the bind limit (at most 1,000). */
  protected rowChunks<T>(rows: readonly T[], width: number): T[][] {
    return rowChunks(rows, width, this.capabilities.maxBindParams);
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
