import type { Column, MssqlConnectionConfig, TableRef } from '../../shared/index.js';
import { CAPABILITIES } from '../../shared/index.js';
import { SqlCompiler } from '../core/compiler.js';
import { KEY_SHAPES } from '../core/key-predicates.js';
import { PLACEHOLDERS, type Statement } from '../core/statement.js';
import { mssqlSelect, mssqlTypeFor } from './types.js';

/** Every statement the SQL Server connector runs, with `@pn` placeholders. */
export const mssqlSql = new SqlCompiler({
  dialect: 'mssql',
  placeholder: PLACEHOLDERS.at,
  keyShapes: KEY_SHAPES.mssql,
  selectColumn: (c, q) => mssqlSelect(c, q(c.name)),
  // TOP is understood by every version the node meets (2008 and later).
  limit: (list, rest, limit) => `SELECT TOP (${limit}) ${list} ${rest}`,
  rowHash: (columns, q) => {
    const parts = columns.map((c) => (c.type === 'binary'
      ? `COALESCE(CONVERT(VARCHAR(MAX), ${q(c.name)}, 2), '~N')`
      : `COALESCE(CONVERT(NVARCHAR(MAX), ${q(c.name)}), '~N')`));
    return `CONVERT(VARCHAR(32), HASHBYTES('MD5', CONCAT_WS('|', ${parts.join(', ')})), 2)`;
  },
  // Summed as DECIMAL: 52-bit values overflow a BIGINT sum after a few thousand rows.
  sumHash: (rowHash) => `CONVERT(VARCHAR(40), SUM(CONVERT(DECIMAL(38, 0), CONVERT(BIGINT, CONVERT(VARBINARY(8), '0' + SUBSTRING(${rowHash}, 1, 13), 2)))))`,
  columnDdl: mssqlTypeFor,
});

const q = mssqlSql.q;

/**
 * MERGE upsert whose OUTPUT $action says, row by row, what the server did; HOLDLOCK closes the race
 * between the match and the insert.
 */
export function mssqlMerge(table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: readonly (readonly unknown[])[]): Statement {
  const b = mssqlSql.bindings();
  const names = columns.map((c) => q(c.name));
  const values = rows.map((r) => `(${b.list(r)})`).join(', ');
  const on = keyColumns.map((k) => `target.${q(k)} = source.${q(k)}`).join(' AND ');
  const sets = columns.filter((c) => !keyColumns.includes(c.name)).map((c) => `target.${q(c.name)} = source.${q(c.name)}`);
  return b.statement(`MERGE INTO ${mssqlSql.table(table)} WITH (HOLDLOCK) AS target USING (VALUES ${values}) AS source (${names.join(', ')}) ON ${on}` +
    (sets.length > 0 ? ` WHEN MATCHED THEN UPDATE SET ${sets.join(', ')}` : '') +
    ` WHEN NOT MATCHED THEN INSERT (${names.join(', ')}) VALUES (${names.map((n) => `source.${n}`).join(', ')}) OUTPUT $action AS action;`);
}

export const MSSQL_TABLES_SQL =
  `SELECT s.name AS [schema], o.name AS name, o.type AS kind, (SELECT SUM(p.rows) FROM sys.partitions p WHERE p.object_id = o.object_id AND p.index_id IN (0, 1)) AS estimate
   FROM sys.objects o JOIN sys.schemas s ON s.schema_id = o.schema_id
   WHERE o.type IN ('U', 'V') AND o.is_ms_shipped = 0 AND (s.name = @p1 OR @p1 IS NULL) ORDER BY s.name, o.name`;

export const MSSQL_COLUMNS_SQL =
  `SELECT c.name AS name, t.name AS typeName, c.max_length AS maxLength, c.precision AS precision, c.scale AS scale,
     c.is_nullable AS nullable, OBJECT_DEFINITION(c.default_object_id) AS def
   FROM sys.columns c JOIN sys.types t ON t.user_type_id = c.user_type_id
   WHERE c.object_id = OBJECT_ID(@p1) ORDER BY c.column_id`;

export const MSSQL_INDEXES_SQL =
  `SELECT i.name AS name, i.is_unique AS isUnique, i.is_primary_key AS isPrimary, c.name AS col
   FROM sys.indexes i JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
   JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
   WHERE i.object_id = OBJECT_ID(@p1) AND ic.is_included_column = 0 ORDER BY i.name, ic.key_ordinal`;

/** The result columns of a query, without running it (the query is the one parameter). */
export const MSSQL_DESCRIBE_QUERY_SQL =
  'SELECT name, system_type_name AS typeName, max_length AS maxLength, precision, scale ' +
  'FROM sys.dm_exec_describe_first_result_set(@p1, NULL, 0) WHERE is_hidden = 0 ORDER BY column_ordinal';

export const MSSQL_NOW_SQL = 'SELECT CONVERT(VARCHAR(27), SYSUTCDATETIME(), 121) AS now';

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
