import knexFactory, { type Knex } from 'knex';
import type {
  Column, ConnectionConfig, DialectCapabilities, FilterCondition, Row, SourceRef, TableRef, TableSchema, TableSummary, TestResult,
} from '../../shared/index.js';
import { ExNodeError, msg } from '../../shared/index.js';
import type {
  Connector, LookupOptions, RangeChecksum, RangeChecksumOptions, ReadOptions, UpsertCounts, Writer,
} from './connector.js';
import { KEY_HASH_FIELD, querySchema } from './connector.js';
import { classifyError } from './classify.js';
import { PageSizer } from './page-size.js';
import { and, chunkForParams, compileFilter, derivedTable, type Fragment, quoteIdent, quoteTable } from './sql.js';
import { KEY_SHAPES, type KeyShapes } from './key-predicates.js';

/** What one statement returned: rows for a query, counts for a write. */
export interface QueryResult {
  readonly rows: Row[];
  readonly affected: number;
  /** The server's own summary line (MySQL: "Records: n  Duplicates: d  Warnings: w"). */
  readonly info?: string;
}

/** A raw driver connection borrowed from knex's pool. */
export type DriverConnection = unknown;

/**
 * Base of the server dialects (MySQL, PostgreSQL, ...): knex supplies the driver and the pool; the
 * SQL on hot paths is built here with quoted identifiers and bound values, and run on the raw driver
 * connection so that a transaction, a COPY or a LOAD DATA share one connection.
 */
export abstract class ServerConnector implements Connector {
  abstract readonly capabilities: DialectCapabilities;
  private knexPool: Knex | null = null;
  private readonly secrets: (string | undefined)[];

  constructor(readonly config: ConnectionConfig, protected readonly password: string | undefined) {
    this.secrets = [password];
  }

  /** knex, created on first use: the driver and its pool. */
  protected get knex(): Knex {
    if (!this.knexPool) {
      this.knexPool = knexFactory(this.knexConfig());
      // knex logs pool errors (with stacks) to the console; classified errors are thrown instead.
      this.knexPool.client.logger.error = () => undefined;
      this.knexPool.client.logger.warn = () => undefined;
    }
    return this.knexPool;
  }

  protected abstract knexConfig(): Knex.Config;
  /** Runs one statement with `?` placeholders on a raw connection. */
  protected abstract run(conn: DriverConnection, sql: string, params: readonly unknown[]): Promise<QueryResult>;
  /** Converts one driver value to the canonical form of `column`. */
  protected abstract fromDriver(column: Column, value: unknown): unknown;
  /** Converts one canonical value to what the driver binds for `column`. */
  protected abstract toDriver(column: Column, value: unknown): unknown;
  protected abstract describe(conn: DriverConnection, table: TableRef): Promise<TableSchema | null>;
  protected abstract tables(conn: DriverConnection): Promise<TableSummary[]>;
  protected abstract identify(conn: DriverConnection): Promise<Omit<TestResult, 'ok' | 'latencyMs'>>;
  protected abstract columnDdl(column: Column): string;
  protected abstract createTableSuffix(): string;
  /** Text after a column's type and nullability (MySQL keeps canonical types in column comments). */
  protected columnComment(_column: Column): string {
    return '';
  }
  protected abstract upsertRows(conn: DriverConnection, table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<UpsertCounts>;
  /** SQL expression: this dialect's hash of one row's `columns`, as text (diff mode). */
  protected abstract rowHashSql(columns: readonly Column[]): string;
  /**
   * SQL aggregate: a checksum over `rowHash` values of many rows, as exact decimal text. Every server
   * dialect sums the first 13 hex digits (52 bits) of its row hashes, which `checksumOf` repeats here.
   */
  protected abstract sumHashSql(rowHash: string): string;
  bulkInsertRows?(conn: DriverConnection, table: TableRef, columns: readonly Column[], rows: readonly (readonly unknown[])[]): Promise<number>;

  protected q = (name: string): string => quoteIdent(this.capabilities.dialect, name);

  /** Keyset and key-membership predicates in the shape this dialect's planner uses an index for. */
  protected get keyShapes(): KeyShapes {
    return KEY_SHAPES[this.capabilities.dialect];
  }

  /** Chunks of keys for one membership statement each, within the bind-parameter and list limits. */
  protected keyChunks<T>(keys: readonly T[], width: number): T[][] {
    return chunkForParams(keys, width, Math.max(1, this.capabilities.maxBindParams - 200), Math.min(5000, this.keyShapes.maxKeysPerStatement));
  }

  /** How a column is selected; dialects whose drivers lose precision select it as text instead. */
  protected selectColumn(c: Column): string {
    return this.q(c.name);
  }
  protected table(ref: SourceRef): string {
    if (ref.query !== undefined) throw new ExNodeError('INVALID_INPUT', msg('connectors.queryNotTable', { name: ref.name }));
    return quoteTable(this.q, this.withSchema(ref));
  }

  /** What a read selects FROM: the table, or the source query as a derived table. */
  protected from(ref: SourceRef): string {
    return ref.query === undefined ? this.table(ref) : derivedTable(ref.query, this.q);
  }

  async describeQuery(query: string): Promise<TableSchema> {
    const sql = `SELECT * FROM ${this.from({ name: 'query', query })} WHERE 1 = 0`;
    const columns = await this.reading({ name: 'query', query }, 'Describing the source query', (conn) => this.queryColumns(conn, sql));
    return querySchema(columns);
  }

  /** The result columns of `sql` (which returns no rows), from the driver's metadata. */
  protected abstract queryColumns(conn: DriverConnection, sql: string): Promise<Column[]>;

  /** The configured schema applies to table names that carry none. */
  protected withSchema(ref: TableRef): TableRef {
    const schema = ref.schema ?? (this.config as { schema?: string }).schema;
    return schema ? { schema, name: ref.name } : { name: ref.name };
  }

  protected what(action: string): string {
    return `${action} on ${this.capabilities.label} connection "${this.config.name}"`;
  }

  protected async withConnection<T>(action: string, work: (conn: DriverConnection) => Promise<T>): Promise<T> {
    let conn: DriverConnection;
    try {
      conn = await this.knex.client.acquireConnection();
    } catch (error) {
      throw this.classify(error, this.what(action));
    }
    try {
      return await work(conn);
    } catch (error) {
      throw this.classify(error, this.what(action));
    } finally {
      await this.knex.client.releaseConnection(conn);
    }
  }

  /**
   * A read of `ref`. A source query is the user's own SQL: it runs inside a read-only transaction, so
   * a function with side effects in it (`lo_from_bytea`, `pg_notify`, a procedure that writes) is
   * refused by the database itself, not only by the node's SELECT check.
   */
  protected reading<T>(ref: SourceRef, action: string, work: (conn: DriverConnection) => Promise<T>): Promise<T> {
    const begin = this.readOnlyBeginSql();
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

  /** Starts a read-only transaction; null where the dialect has none (SQL Server: the login's rights must keep it read-only). */
  protected readOnlyBeginSql(): string | null {
    return 'START TRANSACTION READ ONLY';
  }

  protected classify(error: unknown, what: string): ExNodeError {
    // knex wraps pool timeouts; the driver's own error, when there is one, says more.
    const inner = (error as { cause?: unknown })?.cause ?? error;
    if ((error as Error)?.name === 'KnexTimeoutError') {
      return classifyError(inner === error ? Object.assign(new Error((error as Error).message), { code: 'ETIMEDOUT' }) : inner, { what, secrets: this.secrets });
    }
    return classifyError(error, { what, secrets: this.secrets });
  }

  async test(): Promise<TestResult> {
    const started = performance.now();
    try {
      const identity = await this.withConnection('Connecting', async (conn) => {
        await this.run(conn, 'SELECT 1', []);
        return this.identify(conn);
      });
      return { ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100, ...identity };
    } catch (error) {
      const e = error instanceof ExNodeError ? error : this.classify(error, this.what('Connecting'));
      return { ok: false, errorCode: e.code, message: e.message, ...(e.ref ? { key: e.ref.key, ...(e.ref.params ? { params: e.ref.params as Record<string, unknown> } : {}) } : {}), latencyMs: Math.round(performance.now() - started) };
    }
  }

  listTables(): Promise<TableSummary[]> {
    return this.withConnection('Listing tables', (conn) => this.tables(conn));
  }

  async describeTable(table: TableRef): Promise<TableSchema> {
    const schema = await this.withConnection(`Reading the structure of ${table.name}`, (conn) => this.describe(conn, this.withSchema(table)));
    if (!schema) throw new ExNodeError('NOT_FOUND', msg('connectors.tableNotFound', { table: `${table.schema ? `${table.schema}.` : ''}${table.name}`, connection: this.config.name }));
    return schema;
  }

  async tableExists(table: TableRef): Promise<boolean> {
    return (await this.withConnection('Looking up a table', (conn) => this.describe(conn, this.withSchema(table)))) !== null;
  }

  async createTable(table: TableRef, columns: readonly Column[], primaryKey: readonly string[]): Promise<void> {
    const defs = columns.map((c) => {
      const key = primaryKey.includes(c.name);
      return `${this.q(c.name)} ${this.columnDdl({ ...c, primaryKey: key })}${c.nullable && !key ? '' : ' NOT NULL'}${this.columnComment(c)}`;
    });
    if (primaryKey.length > 0) defs.push(`PRIMARY KEY (${primaryKey.map(this.q).join(', ')})`);
    await this.withConnection(`Creating table ${table.name}`, (conn) => this.run(conn, `CREATE TABLE ${this.table(table)} (\n  ${defs.join(',\n  ')}\n)${this.createTableSuffix()}`, []));
  }

  async createIndex(table: TableRef, name: string, columns: readonly string[]): Promise<void> {
    const sql = `CREATE INDEX ${this.q(name)} ON ${this.table(table)} (${columns.map(this.q).join(', ')})`;
    await this.withConnection(`Indexing table ${table.name}`, (conn) => this.run(conn, sql, []));
  }

  async addColumns(table: TableRef, columns: readonly Column[]): Promise<void> {
    await this.withConnection(`Altering table ${table.name}`, async (conn) => {
      for (const c of columns) await this.run(conn, `ALTER TABLE ${this.table(table)} ADD ${this.q(c.name)} ${this.columnDdl(c)}${this.columnComment(c)}`, []);
    });
  }

  async dropTable(table: TableRef): Promise<void> {
    const sql = await this.dropTableSql(table);
    await this.withConnection(`Dropping table ${table.name}`, (conn) => this.run(conn, sql, []));
  }

  async analyze(table: TableRef): Promise<void> {
    const sql = this.analyzeSql(table);
    if (sql) await this.withConnection(`Updating the statistics of ${table.name}`, (conn) => this.run(conn, sql, []));
  }

  /** The statement that refreshes a table's planner statistics; null where the server keeps them itself. */
  protected analyzeSql(_table: TableRef): string | null {
    return null;
  }

  protected async dropTableSql(table: TableRef): Promise<string> {
    return `DROP TABLE IF EXISTS ${this.table(table)}`;
  }

  /** WHERE for a read of `columns`: the filter, then the key range (after, upTo]; values bound as the driver wants them. */
  private where(
    columns: readonly Column[], range: { filter?: readonly FilterCondition[] | undefined; keyColumns: readonly string[]; after?: readonly unknown[] | undefined; upTo?: readonly unknown[] | undefined },
  ): Fragment {
    const keyTypes = this.keyTypes(columns, range.keyColumns);
    const conv = (values: readonly unknown[]) => values.map((v, i) => this.toDriver(keyTypes[i]!, v));
    return and(
      compileFilter(this.typedFilter(range.filter, columns), this.q),
      range.after ? this.keyShapes.keyset(range.keyColumns, conv(range.after), '>', this.q) : { sql: '', params: [] },
      range.upTo ? this.keyShapes.keyset(range.keyColumns, conv(range.upTo), '<=', this.q) : { sql: '', params: [] },
    );
  }

  /** Filter values as the driver binds them for their column (an instant as MySQL reads it, a boolean as 1/0...). */
  private typedFilter(filter: readonly FilterCondition[] | undefined, columns: readonly Column[]): readonly FilterCondition[] | undefined {
    return filter?.map((f) => {
      const column = columns.find((c) => c.name === f.column);
      if (!column || f.value === undefined) return f;
      const bind = (v: unknown) => (v === null ? v : this.toDriver(column, v));
      return { ...f, value: (Array.isArray(f.value) ? f.value.map(bind) : bind(f.value)) as FilterCondition['value'] };
    });
  }

  protected keyTypes(columns: readonly Column[], keyColumns: readonly string[]): Column[] {
    return keyColumns.map((k) => {
      const c = columns.find((col) => col.name === k);
      if (!c) throw new ExNodeError('INTERNAL', `Key column "${k}" must be among the columns read`);
      return c;
    });
  }

  protected abstract limitSql(sql: string, limit: number): string;

  readBatches(options: ReadOptions): AsyncIterable<Row[]> {
    return this.pages(options, options.columns.map((c) => this.selectColumn(c)).join(', '), options.columns);
  }

  readKeyHashes(options: ReadOptions): AsyncIterable<Row[]> {
    const keyTypes = this.keyTypes(options.columns, options.keyColumns);
    const select = `${keyTypes.map((c) => this.selectColumn(c)).join(', ')}, ${this.rowHashSql(options.columns)} AS ${this.q(KEY_HASH_FIELD)}`;
    return this.pages(options, select, [...keyTypes, { name: KEY_HASH_FIELD, nativeType: 'hash', type: 'string', nullable: false, primaryKey: false }]);
  }

  /** Keyset pagination: one bounded page per query, the next page after the last key seen. */
  private async *pages(options: ReadOptions, select: string, resultColumns: readonly Column[]): AsyncIterable<Row[]> {
    const order = options.keyColumns.map(this.q).join(', ');
    const pageSize = new PageSizer(options.batchSize, resultColumns);
    let after = options.after ? [...options.after] : undefined;
    for (;;) {
      if (options.signal?.aborted) throw new ExNodeError('CANCELLED', msg('connectors.readCancelled'));
      const where = this.where(options.columns, { ...options, after });
      const limit = pageSize.limit;
      const sql = this.limitSql(`SELECT ${select} FROM ${this.from(options.table)}${where.sql ? ` WHERE ${where.sql}` : ''} ORDER BY ${order}`, limit);
      const rows = await this.reading(options.table, `Reading ${options.table.name}`, async (conn) => (await this.run(conn, sql, where.params)).rows);
      this.normalize(rows, resultColumns);
      if (rows.length === 0) return;
      pageSize.adjust(rows);
      yield rows;
      if (rows.length < limit) return;
      const last = rows[rows.length - 1]!;
      after = options.keyColumns.map((k) => last[k]);
    }
  }

  async rangeChecksum(options: RangeChecksumOptions): Promise<RangeChecksum> {
    const where = this.where(options.columns, options);
    const sql = `SELECT COUNT(*) AS ${this.q('n')}, ${this.sumHashSql(this.rowHashSql(options.columns))} AS ${this.q('s')} FROM ${this.from(options.table)}${where.sql ? ` WHERE ${where.sql}` : ''}`;
    const rows = await this.reading(options.table, `Checksumming ${options.table.name}`, async (conn) => (await this.run(conn, sql, where.params)).rows);
    return { count: Number(rows[0]?.n ?? 0), checksum: String(rows[0]?.s ?? 0) };
  }

  checksumOf(rowHashes: readonly string[]): string {
    let sum = 0n;
    for (const hash of rowHashes) sum += BigInt(`0x${hash.slice(0, 13)}`);
    return sum.toString();
  }

  async lookup(options: LookupOptions): Promise<Row[]> {
    return this.reading(options.table, `Reading ${options.table.name}`, (conn) => this.lookupOn(conn, options));
  }

  private async lookupOn(conn: DriverConnection, options: LookupOptions): Promise<Row[]> {
    const keyTypes = this.keyTypes(options.columns, options.keyColumns);
    const select = options.columns.map((c) => this.selectColumn(c)).join(', ');
    const out: Row[] = [];
    for (const keys of this.keyChunks(options.keys, options.keyColumns.length)) {
      const converted = keys.map((k) => k.map((v, i) => this.toDriver(keyTypes[i]!, v)));
      const where = and(
        compileFilter(this.typedFilter(options.filter, options.columns), this.q),
        this.keyShapes.membership(options.keyColumns, converted, this.q, keyTypes),
      );
      const rows = (await this.run(conn, `SELECT ${select} FROM ${this.from(options.table)} WHERE ${where.sql}`, where.params)).rows;
      this.normalize(rows, options.columns);
      out.push(...rows);
    }
    return out;
  }

  async maxValue(table: SourceRef, column: Column, filter?: readonly FilterCondition[]): Promise<unknown> {
    const where = compileFilter(this.typedFilter(filter, [column]), this.q);
    const inner = `SELECT MAX(${this.q(column.name)}) AS ${this.q(column.name)} FROM ${this.from(table)}${where.sql ? ` WHERE ${where.sql}` : ''}`;
    const sql = `SELECT ${this.selectColumn(column)} FROM (${inner}) ${this.q('exn_max')}`;
    const rows = await this.reading(table, `Reading the highest ${column.name} of ${table.name}`, async (conn) => (await this.run(conn, sql, where.params)).rows);
    this.normalize(rows, [column]);
    return rows[0]?.[column.name] ?? null;
  }

  async count(table: SourceRef, filter?: readonly FilterCondition[]): Promise<number> {
    const where = compileFilter(filter, this.q);
    const rows = await this.reading(table, `Counting ${table.name}`, async (conn) => (await this.run(conn, `SELECT COUNT(*) AS ${this.q('n')} FROM ${this.from(table)}${where.sql ? ` WHERE ${where.sql}` : ''}`, where.params)).rows);
    return Number(rows[0]?.n ?? 0);
  }

  abstract serverNow(): Promise<string>;

  async transaction<T>(work: (writer: Writer) => Promise<T>): Promise<T> {
    return this.withConnection('Writing', async (conn) => {
      await this.run(conn, this.beginSql(), []);
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

  protected beginSql(): string {
    return 'BEGIN';
  }

  protected writer(conn: DriverConnection): Writer {
    const writer: Writer = {
      insert: (table, columns, rows) => this.insertRows(conn, table, columns, rows),
      upsert: (table, columns, keyColumns, rows) => this.upsertRows(conn, table, columns, keyColumns, rows.map((r) => this.bindRow(columns, r))),
      deleteKeys: async (table, keyColumns, keys) => {
        let n = 0;
        for (const chunk of this.keyChunks(keys, keyColumns.length)) {
          const where = this.keyShapes.membership(keyColumns, chunk, this.q);
          n += (await this.run(conn, `DELETE FROM ${this.table(table)} WHERE ${where.sql}`, where.params)).affected;
        }
        return n;
      },
      lookup: (options) => this.lookupOn(conn, options),
    };
    if (this.bulkInsertRows) {
      const bulk = this.bulkInsertRows.bind(this);
      writer.bulkInsert = (table, columns, rows) => bulk(conn, table, columns, rows);
    }
    return writer;
  }

  protected bindRow(columns: readonly Column[], row: readonly unknown[]): unknown[] {
    return row.map((v, i) => this.toDriver(columns[i]!, v));
  }

  protected async insertRows(conn: DriverConnection, table: TableRef, columns: readonly Column[], rows: readonly (readonly unknown[])[]): Promise<number> {
    let n = 0;
    const names = columns.map((c) => this.q(c.name)).join(', ');
    const one = `(${columns.map(() => '?').join(', ')})`;
    for (const chunk of chunkForParams(rows, columns.length, this.capabilities.maxBindParams - 200, 1000)) {
      const sql = `INSERT INTO ${this.table(table)} (${names}) VALUES ${chunk.map(() => one).join(', ')}`;
      n += (await this.run(conn, sql, chunk.flatMap((r) => this.bindRow(columns, r)))).affected;
    }
    return n;
  }

  protected normalize(rows: Row[], columns: readonly Column[]): void {
    for (const row of rows) for (const c of columns) row[c.name] = this.fromDriver(c, row[c.name]);
  }

  async close(): Promise<void> {
    await this.knexPool?.destroy();
    this.knexPool = null;
  }
}
