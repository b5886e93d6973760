/** The database families a connection can speak, and what each can do, as data shared with the UI. */
export const DIALECTS = ['mysql', 'postgres', 'mssql', 'oracle', 'sqlite'] as const;
export type Dialect = (typeof DIALECTS)[number];

/** How rows are inserted or replaced by key; SQLite updates by key, then inserts the rows no update matched (exact counts). */
export type UpsertSyntax = 'on-duplicate-key' | 'on-conflict' | 'merge' | 'update-then-insert';
/**
 * How a dialect loads rows into an empty table: its own bulk path (LOAD DATA, COPY, executeMany), or
 * plain statements (SQLite's prepared insert on the write thread; SQL Server's multi-row INSERT, until
 * a TDS bulk path is proved on a live server).
 */
export type BulkLoadPath = 'load-data-local-infile' | 'copy-from-stdin' | 'execute-many' | 'prepared-insert' | 'multi-row-insert';

export interface DialectCapabilities {
  readonly dialect: Dialect;
  readonly label: string;
  readonly defaultPort: number | null;
  readonly upsert: UpsertSyntax;
  /** Largest number of bind parameters one statement may carry. */
  readonly maxBindParams: number;
  readonly bulkLoad: BulkLoadPath;
  /** How unquoted identifiers are folded by the server. */
  readonly identifierCase: 'preserve' | 'lower' | 'upper';
  readonly supportsSchemas: boolean;
  readonly defaultSchema: string | null;
  readonly fileBased: boolean;
  /** Longest identifier (table, column, index name) the server accepts. */
  readonly maxIdentifierLength: number;
}

export const CAPABILITIES: Readonly<Record<Dialect, DialectCapabilities>> = Object.freeze({
  mysql: {
    dialect: 'mysql', label: 'MySQL / MariaDB', defaultPort: 3306, upsert: 'on-duplicate-key',
    maxBindParams: 65535, bulkLoad: 'load-data-local-infile', identifierCase: 'preserve',
    supportsSchemas: false, defaultSchema: null, fileBased: false, maxIdentifierLength: 64,
  },
  postgres: {
    dialect: 'postgres', label: 'PostgreSQL', defaultPort: 5432, upsert: 'on-conflict',
    maxBindParams: 65535, bulkLoad: 'copy-from-stdin', identifierCase: 'lower',
    supportsSchemas: true, defaultSchema: 'public', fileBased: false, maxIdentifierLength: 63,
  },
  mssql: {
    dialect: 'mssql', label: 'SQL Server', defaultPort: 1433, upsert: 'merge',
    maxBindParams: 2100, bulkLoad: 'multi-row-insert', identifierCase: 'preserve',
    supportsSchemas: true, defaultSchema: 'dbo', fileBased: false, maxIdentifierLength: 128,
  },
  oracle: {
    dialect: 'oracle', label: 'Oracle', defaultPort: 1521, upsert: 'merge',
    maxBindParams: 65535, bulkLoad: 'execute-many', identifierCase: 'upper',
    supportsSchemas: true, defaultSchema: null, fileBased: false, maxIdentifierLength: 30,
  },
  sqlite: {
    dialect: 'sqlite', label: 'SQLite', defaultPort: null, upsert: 'update-then-insert',
    maxBindParams: 32766, bulkLoad: 'prepared-insert', identifierCase: 'preserve',
    supportsSchemas: false, defaultSchema: null, fileBased: true, maxIdentifierLength: 128,
  },
});

/** Compatible products people pick in the UI; each maps onto one dialect. */
export interface DialectPreset {
  readonly id: string;
  readonly label: string;
  readonly dialect: Dialect;
  readonly defaultPort: number | null;
  readonly note: string;
}

export const PRESETS: readonly DialectPreset[] = Object.freeze([
  { id: 'mysql', label: 'MySQL', dialect: 'mysql', defaultPort: 3306, note: 'MySQL 5.7 and 8.x' },
  { id: 'mariadb', label: 'MariaDB', dialect: 'mysql', defaultPort: 3306, note: 'MariaDB 10.3 and later' },
  { id: 'tidb', label: 'TiDB', dialect: 'mysql', defaultPort: 4000, note: 'MySQL protocol' },
  { id: 'oceanbase-mysql', label: 'OceanBase (MySQL mode)', dialect: 'mysql', defaultPort: 2881, note: 'MySQL tenant' },
  { id: 'gbase8a', label: 'GBase 8a', dialect: 'mysql', defaultPort: 5258, note: 'MySQL protocol' },
  { id: 'postgres', label: 'PostgreSQL', dialect: 'postgres', defaultPort: 5432, note: 'PostgreSQL 10 and later' },
  { id: 'kingbase', label: 'KingbaseES', dialect: 'postgres', defaultPort: 54321, note: 'PostgreSQL compatible mode' },
  { id: 'mssql', label: 'SQL Server', dialect: 'mssql', defaultPort: 1433, note: 'SQL Server 2012 and later' },
  { id: 'oracle', label: 'Oracle', dialect: 'oracle', defaultPort: 1521, note: 'Oracle 12c and later (thin driver)' },
  { id: 'sqlite', label: 'SQLite', dialect: 'sqlite', defaultPort: null, note: 'A database file on this machine' },
]);
