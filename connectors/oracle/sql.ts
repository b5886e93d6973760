import type { Column, OracleConnectionConfig, TableRef } from '../../shared/index.js';
import { CAPABILITIES } from '../../shared/index.js';
import { quoteIdent, quoteTable } from '../core/sql.js';

const q = (name: string) => quoteIdent('oracle', name);

/** Oracle 12c and later page with the standard row-limiting clause. */
export function oracleLimit(sql: string, limit: number): string {
  return `${sql} FETCH FIRST ${Math.floor(limit)} ROWS ONLY`;
}

/**
 * MERGE from a DUAL union of bound rows. Oracle's MERGE reports only a total, so the connector
 * counts existing keys (locked) first and derives inserts and updates from that.
 */
export function oracleMerge(table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: number): string {
  const select = `SELECT ${columns.map((c) => `? AS ${q(c.name)}`).join(', ')} FROM dual`;
  const source = Array.from({ length: rows }, () => select).join(' UNION ALL ');
  const on = keyColumns.map((k) => `t.${q(k)} = s.${q(k)}`).join(' AND ');
  const sets = columns.filter((c) => !keyColumns.includes(c.name)).map((c) => `t.${q(c.name)} = s.${q(c.name)}`);
  return `MERGE INTO ${quoteTable(q, table)} t USING (${source}) s ON (${on})` +
    (sets.length > 0 ? ` WHEN MATCHED THEN UPDATE SET ${sets.join(', ')}` : '') +
    ` WHEN NOT MATCHED THEN INSERT (${columns.map((c) => q(c.name)).join(', ')}) VALUES (${columns.map((c) => `s.${q(c.name)}`).join(', ')})`;
}

export const ORACLE_TABLES_SQL =
  `SELECT table_name AS "name", 'table' AS "kind", num_rows AS "estimate" FROM all_tables WHERE owner = COALESCE(?, USER)
   UNION ALL SELECT view_name, 'view', NULL FROM all_views WHERE owner = COALESCE(?, USER) ORDER BY 1`;

export const ORACLE_COLUMNS_SQL =
  `SELECT column_name AS "name", data_type AS "data_type", char_length AS "char_length", data_precision AS "data_precision",
     data_scale AS "data_scale", nullable AS "nullable"
   FROM all_tab_columns WHERE owner = COALESCE(?, USER) AND table_name = ? ORDER BY column_id`;

export const ORACLE_KEYS_SQL =
  `SELECT c.constraint_name AS "name", c.constraint_type AS "type", cc.column_name AS "col"
   FROM all_constraints c JOIN all_cons_columns cc ON cc.owner = c.owner AND cc.constraint_name = c.constraint_name
   WHERE c.owner = COALESCE(?, USER) AND c.table_name = ? AND c.constraint_type IN ('P', 'U') ORDER BY c.constraint_name, cc.position`;

export const ORACLE_IDENTIFY_SQL =
  `SELECT SYS_CONTEXT('USERENV', 'SESSION_USER') AS "user", SYS_CONTEXT('USERENV', 'DB_NAME') AS "db" FROM dual`;

/**
 * The connect string of the thin driver: given as is, or Easy Connect from host/port/service name,
 * or a descriptor when only a SID is known.
 */
export function oracleConnectString(c: OracleConnectionConfig): string {
  if (c.connectString) return c.connectString;
  const port = c.port ?? CAPABILITIES.oracle.defaultPort;
  const service = c.serviceName ?? c.database;
  if (service) return `${c.host}:${port}/${service}`;
  return `(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=${c.host})(PORT=${port}))(CONNECT_DATA=(SID=${c.sid})))`;
}
