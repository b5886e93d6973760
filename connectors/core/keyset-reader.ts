import type { Column, FilterCondition, MessageRef, Row, SourceRef } from '../../shared/index.js';
import { ExNodeError, msg } from '../../shared/index.js';
import type { LookupOptions, RangeChecksum, RangeChecksumOptions, ReadOptions } from './connector.js';
import { KEY_HASH_FIELD } from './connector.js';
import type { KeyRange, SqlCompiler } from './compiler.js';
import { PageSizer } from './page-size.js';
import { chunkForParams } from './sql.js';
import type { Statement } from './statement.js';

/** Runs one read statement and returns its rows as the driver gives them. */
export type RunRead = (statement: Statement) => Promise<Row[]>;

/** What the reader needs from a connector: its compiler, its value conversions and a way to run reads. */
export interface ReaderDriver {
  readonly sql: SqlCompiler;
  /** Most values one statement may bind. */
  readonly maxBindParams: number;
  /** A read of `source` (a source query runs read-only where the dialect can). */
  read(source: SourceRef, action: MessageRef, statement: Statement): Promise<Row[]>;
  /** Converts one canonical value to what the driver binds for `column`. */
  toDriver(column: Column, value: unknown): unknown;
  /** Converts a value whose column is unknown (a count's filter); values stay as they are without it. */
  bindUntyped?(value: unknown): unknown;
  /** Converts one driver value to the canonical form of `column`. */
  fromDriver(column: Column, value: unknown): unknown;
  /** A table name as the server resolves it (the connection's schema when it names none). */
  resolve(ref: SourceRef): SourceRef;
}

const HASH_COLUMN: Column = { name: KEY_HASH_FIELD, nativeType: 'hash', type: 'string', nullable: false, primaryKey: false };

/**
 * Keyset reads for every dialect: bounded pages in key order, lookups in chunks within the bind
 * limits, count, highest value and range checksums. Values are bound as the driver wants them and
 * come back canonical.
 */
export class KeysetReader {
  constructor(private readonly driver: ReaderDriver) {}

  private get sql(): SqlCompiler {
    return this.driver.sql;
  }

  readBatches(options: ReadOptions): AsyncIterable<Row[]> {
    const source = this.driver.resolve(options.table);
    return this.pages(options, options.columns, (range, limit) => this.sql.page(source, options.columns, range, limit));
  }

  readKeyHashes(options: ReadOptions): AsyncIterable<Row[]> {
    const source = this.driver.resolve(options.table);
    const keys = keyTypes(options.columns, options.keyColumns);
    return this.pages(options, [...keys, HASH_COLUMN], (range, limit) => this.sql.keyHashPage(source, options.columns, keys, range, limit));
  }

  /** One bounded page per statement, the next page after the last key seen. */
  private async *pages(options: ReadOptions, resultColumns: readonly Column[], build: (range: KeyRange, limit: number) => Statement): AsyncIterable<Row[]> {
    const pageSize = new PageSizer(options.batchSize, resultColumns);
    let after = options.after ? [...options.after] : undefined;
    for (;;) {
      if (options.signal?.aborted) throw new ExNodeError('CANCELLED', msg('connectors.readCancelled'));
      const limit = pageSize.limit;
      const statement = build(this.range(options.columns, { ...options, after }), limit);
      const rows = this.normalize(await this.driver.read(options.table, msg('connectors.action.reading', { table: options.table.name }), statement), resultColumns);
      if (rows.length === 0) return;
      pageSize.adjust(rows);
      yield rows;
      if (rows.length < limit) return;
      const last = rows[rows.length - 1]!;
      after = options.keyColumns.map((k) => last[k]);
    }
  }

  async rangeChecksum(options: RangeChecksumOptions): Promise<RangeChecksum> {
    const statement = this.sql.rangeChecksum(this.driver.resolve(options.table), options.columns, this.range(options.columns, options));
    const rows = await this.driver.read(options.table, msg('connectors.action.checksumming', { table: options.table.name }), statement);
    return { count: Number(rows[0]?.n ?? 0), checksum: String(rows[0]?.s ?? 0) };
  }

  lookup(options: LookupOptions, run?: RunRead): Promise<Row[]> {
    return this.lookupWith(options, run ?? ((statement) => this.driver.read(options.table, msg('connectors.action.reading', { table: options.table.name }), statement)));
  }

  private async lookupWith(options: LookupOptions, run: RunRead): Promise<Row[]> {
    const source = this.driver.resolve(options.table);
    const types = keyTypes(options.columns, options.keyColumns);
    const filter = this.typedFilter(options.filter, options.columns);
    const out: Row[] = [];
    for (const keys of this.keyChunks(options.keys, options.keyColumns.length)) {
      const bound = keys.map((k) => k.map((v, i) => this.driver.toDriver(types[i]!, v)));
      const rows = await run(this.sql.lookup(source, options.columns, options.keyColumns, bound, filter, types));
      out.push(...this.normalize(rows, options.columns));
    }
    return out;
  }

  async maxValue(table: SourceRef, column: Column, filter?: readonly FilterCondition[]): Promise<unknown> {
    const statement = this.sql.maxValue(this.driver.resolve(table), column, this.typedFilter(filter, [column]));
    const rows = await this.driver.read(table, msg('connectors.action.readingMax', { column: column.name, table: table.name }), statement);
    return this.normalize(rows, [column])[0]?.[column.name] ?? null;
  }

  async count(table: SourceRef, filter?: readonly FilterCondition[]): Promise<number> {
    const rows = await this.driver.read(table, msg('connectors.action.counting', { table: table.name }), this.sql.count(this.driver.resolve(table), this.typedFilter(filter, [])));
    return Number(rows[0]?.n ?? 0);
  }

  /** Chunks of keys for one membership statement each, within the bind-parameter and list limits. */
  keyChunks<T>(keys: readonly T[], width: number): T[][] {
    return chunkForParams(keys, width, Math.max(1, this.driver.maxBindParams - 200), Math.min(5000, this.sql.keyShapes.maxKeysPerStatement));
  }

  /** The filter and key bounds of a read, with values as the driver binds them. */
  private range(columns: readonly Column[], range: KeyRange): KeyRange {
    const types = keyTypes(columns, range.keyColumns);
    const bind = (values: readonly unknown[] | undefined) => values?.map((v, i) => this.driver.toDriver(types[i]!, v));
    return { keyColumns: range.keyColumns, filter: this.typedFilter(range.filter, columns), after: bind(range.after), upTo: bind(range.upTo) };
  }

  /** Filter values as the driver binds them for their column (an instant as MySQL reads it, a boolean as 1/0...). */
  private typedFilter(filter: readonly FilterCondition[] | undefined, columns: readonly Column[]): readonly FilterCondition[] | undefined {
    return filter?.map((f) => {
      const column = columns.find((c) => c.name === f.column);
      if (f.value === undefined || (!column && !this.driver.bindUntyped)) return f;
      const bind = (v: unknown) => (v === null ? v : column ? this.driver.toDriver(column, v) : this.driver.bindUntyped!(v));
      return { ...f, value: (Array.isArray(f.value) ? f.value.map(bind) : bind(f.value)) as FilterCondition['value'] };
    });
  }

  /** Rows made canonical in place. */
  normalize(rows: Row[], columns: readonly Column[]): Row[] {
    for (const row of rows) for (const c of columns) row[c.name] = this.driver.fromDriver(c, row[c.name]);
    return rows;
  }
}

/** The key columns among `columns`, in key order. */
export function keyTypes(columns: readonly Column[], keyColumns: readonly string[]): Column[] {
  return keyColumns.map((k) => {
    const c = columns.find((col) => col.name === k);
    if (!c) throw new ExNodeError('INTERNAL', `Key column "${k}" must be among the columns read`);
    return c;
  });
}
