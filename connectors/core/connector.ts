import type {
  Column, ConnectionConfig, DialectCapabilities, FilterCondition, Row, SourceRef, TableRef, TableSchema,
  TableSummary, TestResult,
} from '../../shared/index.js';

/** Where and what to read: one table, in key order, one bounded page at a time. */
export interface ReadOptions {
  readonly table: SourceRef;
  /** Columns to return, as described by `describeTable`; values come back canonical for their type. */
  readonly columns: readonly Column[];
  /** Key columns that order the read and define the keyset position (usually the primary key). */
  readonly keyColumns: readonly string[];
  /** Return only rows whose key tuple is strictly greater than this one. */
  readonly after?: readonly unknown[];
  /** Return only rows whose key tuple is less than or equal to this one. */
  readonly upTo?: readonly unknown[];
  readonly filter?: readonly FilterCondition[];
  readonly batchSize: number;
  readonly signal?: AbortSignal;
}

export interface LookupOptions {
  readonly table: SourceRef;
  readonly columns: readonly Column[];
  readonly keyColumns: readonly string[];
  /** Key tuples, in the order of `keyColumns`. */
  readonly keys: readonly (readonly unknown[])[];
  readonly filter?: readonly FilterCondition[];
}

/** Name of the per-row hash field `readKeyHashes` returns next to the key columns. */
export const KEY_HASH_FIELD = '__exn_row_hash';

/** The rows a range checksum covers: a read's table, columns, key bounds and filter. */
export type RangeChecksumOptions = Omit<ReadOptions, 'batchSize' | 'signal'>;

export interface RangeChecksum {
  readonly count: number;
  readonly checksum: string;
}

export interface UpsertCounts {
  readonly inserted: number;
  readonly updated: number;
}

/**
 * Writes inside one transaction that the caller controls. Every count is what the database itself
 * reported as affected, never the number of rows handed in.
 */
export interface Writer {
  /** Plain insert; a duplicate key fails the statement. */
  insert(table: TableRef, columns: readonly Column[], rows: readonly (readonly unknown[])[]): Promise<number>;
  /** Insert or replace by `keyColumns` with the dialect's native upsert. */
  upsert(
    table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: readonly (readonly unknown[])[],
  ): Promise<UpsertCounts>;
  /** Delete rows whose key tuple is in `keys`. */
  deleteKeys(table: TableRef, keyColumns: readonly string[], keys: readonly (readonly unknown[])[]): Promise<number>;
  /** Read inside the transaction (sees its own writes). */
  lookup(options: LookupOptions): Promise<Row[]>;
  /**
   * The dialect's fast load path (COPY FROM STDIN, LOAD DATA LOCAL INFILE, bulk insert, executeMany)
   * for rows known to be new; absent where the dialect has none, and callers fall back to `insert`.
   */
  bulkInsert?(table: TableRef, columns: readonly Column[], rows: readonly (readonly unknown[])[]): Promise<number>;
}

export interface Connector {
  readonly config: ConnectionConfig;
  readonly capabilities: DialectCapabilities;

  /** Connect, identify the server and measure a round trip; failures are classified, never thrown raw. */
  test(): Promise<TestResult>;
  listTables(): Promise<TableSummary[]>;
  describeTable(table: TableRef): Promise<TableSchema>;
  /**
   * The columns a checked SELECT returns (names, native and canonical types), found without reading
   * its rows. It has no keys: a bridge declares them.
   */
  describeQuery(query: string): Promise<TableSchema>;
  tableExists(table: TableRef): Promise<boolean>;
  /** Creates a table from canonical columns; throws UNSUPPORTED before creating anything it cannot map. */
  createTable(table: TableRef, columns: readonly Column[], primaryKey: readonly string[]): Promise<void>;
  /** Creates a plain (non-unique) index; `name` must fit the dialect's identifier limit. */
  createIndex(table: TableRef, name: string, columns: readonly string[]): Promise<void>;
  addColumns(table: TableRef, columns: readonly Column[]): Promise<void>;
  dropTable(table: TableRef): Promise<void>;

  /** Keyset-paginated read: at most `batchSize` rows in memory, whatever the table size. */
  readBatches(options: ReadOptions): AsyncIterable<Row[]>;
  lookup(options: LookupOptions): Promise<Row[]>;
  count(table: SourceRef, filter?: readonly FilterCondition[]): Promise<number>;
  /** The highest value of `column` (canonical), or null for no rows. */
  maxValue(table: SourceRef, column: Column, filter?: readonly FilterCondition[]): Promise<unknown>;
  /**
   * Row count and a checksum of `columns` over the key range (after, upTo], computed inside the
   * database so that an unchanged range moves no rows. The checksum is only ever compared with an
   * earlier checksum of the same database, never across dialects.
   */
  rangeChecksum?(options: RangeChecksumOptions): Promise<RangeChecksum>;
  /**
   * Keyset-paginated read of key columns plus the database's own hash of `columns` (the same per-row
   * hash `rangeChecksum` sums), in the field KEY_HASH_FIELD: diff mode fetches full rows only where
   * that hash changed.
   */
  readKeyHashes?(options: ReadOptions): AsyncIterable<Row[]>;
  /**
   * The checksum `rangeChecksum` would return for rows with these row hashes (KEY_HASH_FIELD values),
   * computed here: diff mode checks a range it has read the hashes of without a second pass in the database.
   */
  checksumOf?(rowHashes: readonly string[]): string;
  /**
   * Refreshes the planner's statistics of `table` after a bulk load or a large change (autovacuum may
   * be off or late): without them a keyed lookup can be planned as a scan. Absent where the dialect
   * keeps its statistics itself.
   */
  analyze?(table: TableRef): Promise<void>;
  /** Current time on the database server, as canonical datetime in UTC. */
  serverNow(): Promise<string>;

  transaction<T>(work: (writer: Writer) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type ConnectorFactory = (config: ConnectionConfig, context: ConnectorContext) => Connector;

export interface ConnectorContext {
  /** Resolves the password of a saved connection (decrypted, or read from `passwordEnv`). */
  readonly password: string | undefined;
}

/** The schema of a query's result: columns only, no keys. */
export function querySchema(columns: Column[]): TableSchema {
  return { name: 'query', kind: 'view', rowEstimate: null, columns, primaryKey: [], uniqueKeys: [], indexes: [] };
}
