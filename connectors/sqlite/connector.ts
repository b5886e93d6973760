import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type {
  Column, FilterCondition, Row, SourceRef, SqliteConnectionConfig, TableRef, TableSchema, TableSummary, TestResult,
} from '../../shared/index.js';
import { CAPABILITIES, ExNodeError, msg } from '../../shared/index.js';
import { KEY_HASH_FIELD, querySchema } from '../core/connector.js';
import type {
  Connector, LookupOptions, RangeChecksum, RangeChecksumOptions, ReadOptions, UpsertCounts, Writer,
} from '../core/connector.js';
import { classifyError } from '../core/classify.js';
import { and, chunkForParams, compileFilter, derivedTable, quoteTable, quoter } from '../core/sql.js';
import { KEY_SHAPES } from '../core/key-predicates.js';
import { Mutex } from '../core/mutex.js';
import { PageSizer } from '../core/page-size.js';
import { canonicalFromSqlite, fromSqlite, sqliteTypeFor, toSqlite } from './types.js';
import { SqliteWriteThread } from './write-thread.js';

const quote = quoter('sqlite');
const caps = CAPABILITIES.sqlite;
/** SQLite's compiled-in limit on host parameters is 32766; stay well under it per statement. */
const MAX_PARAMS = 30_000;

export class SqliteConnector implements Connector {
  readonly capabilities = caps;
  private db: Database.Database | null = null;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly writeLock = new Mutex();
  private thread: SqliteWriteThread | null = null;

  constructor(readonly config: SqliteConnectionConfig) {}

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
      throw classifyError(error, { what: `Opening SQLite file ${file}` });
    }
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.open().prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
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
      const e = classifyError(error, { what: 'Opening the SQLite file' });
      return { ok: false, errorCode: e.code, message: e.message, ...(e.ref ? { key: e.ref.key, ...(e.ref.params ? { params: e.ref.params as Record<string, unknown> } : {}) } : {}) };
    }
  }

  async listTables(): Promise<TableSummary[]> {
    const rows = this.open()
      .prepare(`SELECT name, type FROM sqlite_master WHERE type IN ('table','view') AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as { name: string; type: string }[];
    return rows.map((r) => ({ name: r.name, kind: r.type === 'view' ? 'view' : 'table', rowEstimate: null }));
  }

  async tableExists(table: TableRef): Promise<boolean> {
    const row = this.open()
      .prepare(`SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name = ?`)
      .get(table.name);
    return row !== undefined;
  }

  async describeQuery(query: string): Promise<TableSchema> {
    let columns: Database.ColumnDefinition[];
    try {
      columns = this.open().prepare(`SELECT * FROM ${from({ name: 'query', query })}`).columns();
    } catch (error) {
      throw classifyError(error, { what: `Describing the source query on SQLite connection "${this.config.name}"` });
    }
    // An expression has no declared type: its values travel as text, which keeps every one of them.
    return querySchema(columns.map((c) => ({
      name: c.name, nativeType: c.type ?? 'expression', ...(c.type ? canonicalFromSqlite(c.type) : { type: 'text' as const }), nullable: true, primaryKey: false,
    })));
  }

  async describeTable(table: TableRef): Promise<TableSchema> {
    const db = this.open();
    const meta = db.prepare(`SELECT type FROM sqlite_master WHERE type IN ('table','view') AND name = ?`).get(table.name) as
      | { type: string }
      | undefined;
    if (!meta) throw new ExNodeError('NOT_FOUND', msg('connectors.tableNotFound', { table: table.name, connection: this.config.name }));
    const info = db.prepare(`SELECT * FROM pragma_table_info(?)`).all(table.name) as {
      name: string; type: string; notnull: number; dflt_value: string | null; pk: number;
    }[];
    const primaryKey = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const columns: Column[] = info.map((c) => ({
      name: c.name,
      nativeType: c.type,
      ...canonicalFromSqlite(c.type),
      nullable: c.notnull === 0 && c.pk === 0,
      defaultValue: c.dflt_value,
      primaryKey: c.pk > 0,
    }));
    const indexList = db.prepare(`SELECT * FROM pragma_index_list(?)`).all(table.name) as {
      name: string; unique: number; origin: string;
    }[];
    const indexes = indexList.map((ix) => ({
      name: ix.name,
      unique: ix.unique === 1,
      primary: ix.origin === 'pk',
      columns: (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(ix.name) as { name: string }[]).map((r) => r.name),
    }));
    if (primaryKey.length > 0 && !indexes.some((i) => i.primary)) {
      indexes.unshift({ name: 'PRIMARY', unique: true, primary: true, columns: primaryKey });
    }
    return {
      name: table.name,
      kind: meta.type === 'view' ? 'view' : 'table',
      rowEstimate: null,
      columns,
      primaryKey,
      uniqueKeys: indexes.filter((i) => i.unique && !i.primary).map((i) => i.columns),
      indexes,
    };
  }

  async createTable(table: TableRef, columns: readonly Column[], primaryKey: readonly string[]): Promise<void> {
    const defs = columns.map((c) => `${quote(c.name)} ${sqliteTypeFor(c)}${c.nullable ? '' : ' NOT NULL'}`);
    if (primaryKey.length > 0) defs.push(`PRIMARY KEY (${primaryKey.map(quote).join(', ')})`);
    await this.exclusive(() => this.open().exec(`CREATE TABLE ${quoteTable(quote, table)} (\n  ${defs.join(',\n  ')}\n)`));
    this.statements.clear();
  }

  async createIndex(table: TableRef, name: string, columns: readonly string[]): Promise<void> {
    await this.exclusive(() => this.open().exec(`CREATE INDEX ${quote(name)} ON ${quoteTable(quote, table)} (${columns.map(quote).join(', ')})`));
    this.statements.clear();
  }

  async addColumns(table: TableRef, columns: readonly Column[]): Promise<void> {
    await this.exclusive(() => {
      for (const c of columns) this.open().exec(`ALTER TABLE ${quoteTable(quote, table)} ADD COLUMN ${quote(c.name)} ${sqliteTypeFor(c)}`);
    });
    this.statements.clear();
  }

  async analyze(table: TableRef): Promise<void> {
    await this.exclusive(() => this.open().exec(`ANALYZE ${quoteTable(quote, table)}`));
  }

  async dropTable(table: TableRef): Promise<void> {
    await this.exclusive(() => this.open().exec(`DROP TABLE IF EXISTS ${quoteTable(quote, table)}`));
    this.statements.clear();
  }

  async *readBatches(options: ReadOptions): AsyncIterable<Row[]> {
    let after = options.after ? [...options.after] : undefined;
    const names = options.columns.map((c) => c.name);
    const keyIndexes = options.keyColumns.map((k) => {
      const i = names.indexOf(k);
      if (i < 0) throw new ExNodeError('INTERNAL', `Key column "${k}" must be among the columns read`);
      return i;
    });
    const pageSize = new PageSizer(options.batchSize, options.columns);
    for (;;) {
      if (options.signal?.aborted) throw new ExNodeError('CANCELLED', msg('connectors.readCancelled'));
      const where = this.rangeWhere(options.filter, options.keyColumns, after, options.upTo);
      const limit = pageSize.limit;
      const sql =
        `SELECT ${names.map(quote).join(', ')} FROM ${from(options.table)}` +
        (where.sql ? ` WHERE ${where.sql}` : '') +
        ` ORDER BY ${options.keyColumns.map(quote).join(', ')} LIMIT ${Math.floor(limit)}`;
      const rows = this.selectRows(sql, where.params.map(toSqlite), options.columns);
      if (rows.length === 0) return;
      pageSize.adjust(rows);
      yield rows;
      if (rows.length < limit) return;
      const last = rows[rows.length - 1]!;
      after = keyIndexes.map((i) => toSqlite(last[names[i]!]));
    }
  }

  async *readKeyHashes(options: ReadOptions): AsyncIterable<Row[]> {
    const keyColumns = options.keyColumns.map((k) => {
      const c = options.columns.find((col) => col.name === k);
      if (!c) throw new ExNodeError('INTERNAL', `Key column "${k}" must be among the columns hashed`);
      return c;
    });
    const hashed = options.columns.map((c) => quote(c.name)).join(', ');
    let after = options.after ? [...options.after] : undefined;
    for (;;) {
      if (options.signal?.aborted) throw new ExNodeError('CANCELLED', msg('connectors.readCancelled'));
      const where = this.rangeWhere(options.filter, options.keyColumns, after, options.upTo);
      const sql = `SELECT ${options.keyColumns.map(quote).join(', ')}, exn_row_hash(${hashed}) AS ${quote(KEY_HASH_FIELD)}` +
        ` FROM ${from(options.table)}${where.sql ? ` WHERE ${where.sql}` : ''}` +
        ` ORDER BY ${options.keyColumns.map(quote).join(', ')} LIMIT ${Math.floor(options.batchSize)}`;
      const rows = this.selectRows(sql, where.params.map(toSqlite), keyColumns);
      for (const row of rows) row[KEY_HASH_FIELD] = String(row[KEY_HASH_FIELD]);
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < options.batchSize) return;
      const last = rows[rows.length - 1]!;
      after = options.keyColumns.map((k) => toSqlite(last[k]));
    }
  }

  private rangeWhere(filter: readonly FilterCondition[] | undefined, keyColumns: readonly string[], after?: readonly unknown[], upTo?: readonly unknown[]) {
    return and(
      compileFilter(filter, quote),
      after ? SHAPES.keyset(keyColumns, after, '>', quote) : { sql: '', params: [] },
      upTo ? SHAPES.keyset(keyColumns, upTo, '<=', quote) : { sql: '', params: [] },
    );
  }

  async lookup(options: LookupOptions): Promise<Row[]> {
    return lookupStatements(options).flatMap(({ sql, params }) => this.selectRows(sql, params, options.columns));
  }

  async count(table: SourceRef, filter?: readonly FilterCondition[]): Promise<number> {
    const where = compileFilter(filter, quote);
    const sql = `SELECT COUNT(*) AS n FROM ${from(table)}${where.sql ? ` WHERE ${where.sql}` : ''}`;
    const row = this.prepare(sql).get(...where.params.map(toSqlite)) as { n: number };
    return Number(row.n);
  }

  async maxValue(table: SourceRef, column: Column, filter?: readonly FilterCondition[]): Promise<unknown> {
    const where = compileFilter(filter, quote);
    const sql = `SELECT MAX(${quote(column.name)}) AS ${quote(column.name)} FROM ${from(table)}${where.sql ? ` WHERE ${where.sql}` : ''}`;
    return this.selectRows(sql, where.params.map(toSqlite), [column])[0]?.[column.name] ?? null;
  }

  async rangeChecksum(options: RangeChecksumOptions): Promise<RangeChecksum> {
    const where = this.rangeWhere(options.filter, options.keyColumns, options.after, options.upTo);
    const sql = `SELECT COUNT(*) AS n, TOTAL(exn_row_hash(${options.columns.map((c) => quote(c.name)).join(', ')})) AS s` +
      ` FROM ${from(options.table)}${where.sql ? ` WHERE ${where.sql}` : ''}`;
    // TOTAL (a float) cannot overflow; the same rows always sum the same way, which is all a checksum needs.
    const row = this.prepare(sql).get(...where.params.map(toSqlite)) as { n: number; s: number | null };
    return { count: Number(row.n), checksum: String(row.s ?? 0) };
  }

  async serverNow(): Promise<string> {
    const row = this.open().prepare(`SELECT strftime('%Y-%m-%d %H:%M:%f', 'now') AS now`).get() as { now: string };
    return row.now;
  }

  async transaction<T>(work: (writer: Writer) => Promise<T>): Promise<T> {
    return this.writeLock.run(async () => {
      const thread = this.writeThread();
      await thread.call('exec', { sql: 'BEGIN IMMEDIATE' });
      try {
        const result = await work(this.writer(thread));
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

  private exclusive(work: () => void): Promise<void> {
    return this.writeLock.run(async () => work());
  }

  private selectRows(sql: string, params: unknown[], columns: readonly Column[]): Row[] {
    const statement = this.prepare(sql);
    statement.safeIntegers(true);
    return canonicalRows(statement.all(...params) as Row[], columns);
  }

  /** Writes run on the write thread, inside the transaction it holds open; so do lookups, which then see the transaction's own writes. */
  private writer(thread: SqliteWriteThread): Writer {
    return {
      insert: (table, columns, rows) => thread.call('runEach', { sql: insertSql(table, columns), rows: rows.map((row) => row.map(toSqlite)) }),
      upsert: async (table, columns, keyColumns, rows): Promise<UpsertCounts> => {
        const valueColumns = columns.filter((c) => !keyColumns.includes(c.name));
        const keyIdx = keyColumns.map((k) => columns.findIndex((c) => c.name === k));
        if (keyIdx.some((i) => i < 0)) throw new ExNodeError('INTERNAL', 'Upsert key columns must be among the written columns');
        const byKey = keyColumns.map((k) => `${quote(k)} = ?`).join(' AND ');
        return thread.call('upsert', {
          updateSql: valueColumns.length > 0 ? `UPDATE ${quoteTable(quote, table)} SET ${valueColumns.map((c) => `${quote(c.name)} = ?`).join(', ')} WHERE ${byKey}` : null,
          existsSql: `SELECT 1 FROM ${quoteTable(quote, table)} WHERE ${byKey}`,
          insertSql: insertSql(table, columns),
          keyIdx,
          valIdx: valueColumns.map((v) => columns.indexOf(v)),
          rows: rows.map((row) => row.map(toSqlite)),
        });
      },
      deleteKeys: async (table, keyColumns, keys) => {
        let n = 0;
        for (const chunk of chunkForParams(keys, keyColumns.length, MAX_PARAMS - 100, 5000)) {
          const where = SHAPES.membership(keyColumns, chunk, quote);
          n += await thread.call('run', { sql: `DELETE FROM ${quoteTable(quote, table)} WHERE ${where.sql}`, params: where.params.map(toSqlite) });
        }
        return n;
      },
      lookup: async (options) => {
        const out: Row[] = [];
        for (const { sql, params } of lookupStatements(options)) {
          out.push(...canonicalRows(await thread.call('all', { sql, params }), options.columns));
        }
        return out;
      },
    };
  }
}

const SHAPES = KEY_SHAPES.sqlite;

/** Rows as the driver returned them (integers as BigInt), made canonical in place. */
function canonicalRows(rows: Row[], columns: readonly Column[]): Row[] {
  for (const row of rows) for (const c of columns) row[c.name] = fromSqlite(c.type, row[c.name]);
  return rows;
}

/** The SELECTs that read the rows of `options.keys`, in chunks within SQLite's parameter limit. */
function lookupStatements(options: LookupOptions): { sql: string; params: unknown[] }[] {
  const names = options.columns.map((c) => quote(c.name)).join(', ');
  return chunkForParams(options.keys, options.keyColumns.length, MAX_PARAMS - 100, 5000).map((keys) => {
    const where = and(compileFilter(options.filter, quote), SHAPES.membership(options.keyColumns, keys, quote));
    return { sql: `SELECT ${names} FROM ${from(options.table)} WHERE ${where.sql}`, params: where.params.map(toSqlite) };
  });
}

/** What a read selects FROM: the table, or the source query as a derived table. */
function from(ref: SourceRef): string {
  return ref.query === undefined ? quoteTable(quote, ref) : derivedTable(ref.query, quote);
}

function insertSql(table: TableRef, columns: readonly Column[]): string {
  return `INSERT INTO ${quoteTable(quote, table)} (${columns.map((c) => quote(c.name)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
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
