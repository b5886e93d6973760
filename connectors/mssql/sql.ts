import type { Column, MssqlConnectionConfig, TableRef } from '../../shared/index.js';
import { CAPABILITIES } from '../../shared/index.js';
import { quoteIdent, quoteTable } from '../core/sql.js';

const q = (name: string) => quoteIdent('mssql', name);

/** SQL Server pages with TOP: understood by every version the node meets (2008 and later). */
export function mssqlLimit(sql: string, limit: number): string {
  return sql.replace(/^SELECT /, `SELECT TOP (${Math.floor(limit)}) `);
}

/**
 * MERGE upsert whose OUTPUT $action says, row by row, what the server did; HOLDLOCK closes the race
 * between the match and the insert.
 */
export function mssqlMerge(table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: number): string {
  const names = columns.map((c) => q(c.name));
  const values = Array.from({ length: rows }, () => `(${columns.map(() => '?').join(', ')})`).join(', ');
  const on = keyColumns.map((k) => `target.${q(k)} = source.${q(k)}`).join(' AND ');
  const sets = columns.filter((c) => !keyColumns.includes(c.name)).map((c) => `target.${q(c.name)} = source.${q(c.name)}`);
  return `MERGE INTO ${quoteTable(q, table)} WITH (HOLDLOCK) AS target USING (VALUES ${values}) AS source (${names.join(', ')}) ON ${on}` +
    (sets.length > 0 ? ` WHEN MATCHED THEN UPDATE SET ${sets.join(', ')}` : '') +
    ` WHEN NOT MATCHED THEN INSERT (${names.join(', ')}) VALUES (${names.map((n) => `source.${n}`).join(', ')}) OUTPUT $action AS action;`;
}

export const MSSQL_TABLES_SQL =
  `SELECT s.name AS [schema], o.name AS name, o.type AS kind, (SELECT SUM(p.rows) FROM sys.partitions p WHERE p.object_id = o.object_id AND p.index_id IN (0, 1)) AS estimate
   FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id
   WHERE o.type IN ('U', 'V') AND o.is_ms_shipped = 0 AND (s.name = ? OR ? IS NULL) ORDER BY s.name, o.name`;

export const MSSQL_COLUMNS_SQL =
  `SELECT c.name AS name, t.name AS typeName, c.max_length AS maxLength, c.precision AS precision, c.scale AS scale,
     c.is_nullable AS nullable, OBJECT_DEFINITION(c.default_object_id) AS def
   FROM sys.columns c JOIN sys.types t ON t.user_type_id = c.user_type_id
   WHERE c.object_id = OBJECT_ID(?) ORDER BY c.column_id`;

export const MSSQL_INDEXES_SQL =
  `SELECT i.name AS name, i.is_unique AS isUnique, i.is_primary_key AS isPrimary, c.name AS col
   FROM sys.indexes i JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
   JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
   WHERE i.object_id = OBJECT_ID(?) AND ic.is_included_column = 0 ORDER BY i.name, ic.key_ordinal`;

/** The result columns of a query, without running it (the query is the one parameter). */
export const MSSQL_DESCRIBE_QUERY_SQL =
  'SELECT name, system_type_name AS typeName, max_length AS maxLength, precision, scale ' +
  'FROM sys.dm_exec_describe_first_result_set(?, NULL, 0) WHERE is_hidden = 0 ORDER BY column_ordinal';

export const MSSQL_IDENTIFY_SQL =
  `SELECT CAST(SERVERPROPERTY('ProductVersion') AS VARCHAR(50)) AS version, CAST(SERVERPROPERTY('Edition') AS VARCHAR(100)) AS edition,
     SUSER_SNAME() AS [user], DB_NAME() AS db`;

/** The driver configuration of the mssql package (tedious underneath). */
export function mssqlDriverConfig(c: MssqlConnectionConfig, password: string | undefined): Record<string, unknown> {
  return {
    server: c.host,
    ...(c.instanceName ? {} : { port: c.port ?? CAPABILITIES.mssql.defaultPort }),
    user: c.user,
    password: password ?? '',
    database: c.database,
    connectionTimeout: c.connectTimeoutMs,
    requestTimeout: c.queryTimeoutMs,
    pool: { max: c.poolSize, min: 0 },
    options: {
      encrypt: c.encrypt,
      trustServerCertificate: c.trustServerCertificate,
      ...(c.instanceName ? { instanceName: c.instanceName } : {}),
      // Dates are selected as text; UTC only matters for values bound as Date, which the node never does.
      useUTC: true,
      enableArithAbort: true,
    },
  };
}
