import type { Column, OracleConnectionConfig, TableRef } from '../../shared/index.js';
import { CAPABILITIES } from '../../shared/index.js';
import { SqlCompiler } from '../core/compiler.js';
import { KEY_SHAPES } from '../core/key-predicates.js';
import { PLACEHOLDERS, type Statement } from '../core/statement.js';
import { oracleTypeFor } from './types.js';

/** Every statement the Oracle connector runs, with `:n` placeholders. */
export const oracleSql = new SqlCompiler({
  dialect: 'oracle',
  placeholder: PLACEHOLDERS.colon,
  keyShapes: KEY_SHAPES.oracle,
  // Oracle 12c and later page with the standard row-limiting clause.
  limit: (list, rest, limit) => `SELECT ${list} ${rest} FETCH FIRST ${limit} ROWS ONLY`,
  rowHash: (columns, q) => {
    const part = (c: Column) => {
      const col = q(c.name);
      // LOBs and RAW are hashed first: concatenating them would overflow VARCHAR2.
      if (c.type === 'binary' || c.type === 'text' || c.type === 'json') return `NVL(RAWTOHEX(DBMS_CRYPTO.HASH(${col}, 2)), '~N')`;
      return `NVL(TO_CHAR(${col}), '~N')`;
    };
    return `RAWTOHEX(STANDARD_HASH(${columns.map(part).join(` || '|' || `)}, 'MD5'))`;
  },
  // As text: the driver would read a NUMBER this large as a float and drop its low digits.
  sumHash: (rowHash) => `TO_CHAR(SUM(TO_NUMBER(SUBSTR(${rowHash}, 1, 13), 'XXXXXXXXXXXXX')))`,
  columnDdl: oracleTypeFor,
  // No multi-row VALUES before 23c: the rows are a UNION ALL of one-row SELECTs.
  insertRows: (rows) => rows.map((r) => `SELECT ${r} FROM dual`).join(' UNION ALL '),
  dropTable: (table) => `BEGIN EXECUTE IMMEDIATE 'DROP TABLE ${table.replace(/'/g, "''")} PURGE'; EXCEPTION WHEN OTHERS THEN IF SQLCODE != -942 THEN RAISE; END IF; END;`,
});

const q = oracleSql.q;

/** The keys among `keys` that exist, locked until the transaction ends (Oracle's MERGE reports only a total). */
export function oracleLockKeys(table: TableRef, keyColumns: readonly string[], keys: readonly (readonly unknown[])[]): Statement {
  const b = oracleSql.bindings();
  const target = oracleSql.table(table);
  return b.statement(`SELECT 1 AS ${q('x')} FROM ${target} WHERE ${b.adopt((quote) => oracleSql.keyShapes.membership(keyColumns, keys, quote), q)} FOR UPDATE`);
}

/** executeMany's INSERT: one row of `:n` binds, run for every row of a batch in one round trip. */
export function oracleInsertMany(table: TableRef, columns: readonly Column[]): string {
  return `INSERT INTO ${oracleSql.table(table)} (${oracleSql.columnList(columns)}) VALUES (${columns.map((_, i) => `:${i + 1}`).join(', ')})`;
}

export const ORACLE_NOW_SQL = `SELECT TO_CHAR(SYS_EXTRACT_UTC(SYSTIMESTAMP), 'YYYY-MM-DD HH24:MI:SS.FF6') AS "now" FROM dual`;

/**
 * MERGE from a DUAL union of bound rows. Oracle's MERGE reports only a total, so the connector
 * counts existing keys (locked) first and derives inserts and updates from that.
 */
export function oracleMerge(table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: readonly (readonly unknown[])[]): Statement {
  const b = oracleSql.bindings();
  const target = oracleSql.table(table);
  const source = rows.map((r) => `SELECT ${columns.map((c, i) => `${b.bind(r[i])} AS ${q(c.name)}`).join(', ')} FROM dual`).join(' UNION ALL ');
  const on = keyColumns.map((k) => `t.${q(k)} = s.${q(k)}`).join(' AND ');
  const sets = columns.filter((c) => !keyColumns.includes(c.name)).map((c) => `t.${q(c.name)} = s.${q(c.name)}`);
  return b.statement(`MERGE INTO ${target} t USING (${source}) s ON (${on})` +
    (sets.length > 0 ? ` WHEN MATCHED THEN UPDATE SET ${sets.join(', ')}` : '') +
    ` WHEN NOT MATCHED THEN INSERT (${columns.map((c) => q(c.name)).join(', ')}) VALUES (${columns.map((c) => `s.${q(c.name)}`).join(', ')})`);
}

export const ORACLE_TABLES_SQL =
  `SELECT table_name AS "name", 'table' AS "kind", num_rows AS "estimate" FROM all_tables WHERE owner = COALESCE(:1, USER)
   UNION ALL SELECT view_name, 'view', NULL FROM all_views WHERE owner = COALESCE(:2, USER) ORDER BY 1`;

export const ORACLE_COLUMNS_SQL =
  `SELECT column_name AS "name", data_type AS "data_type", char_length AS "char_length", data_precision AS "data_precision",
     data_scale AS "data_scale", nullable AS "nullable"
   FROM all_tab_columns WHERE owner = COALESCE(:1, USER) AND table_name = :2 ORDER BY column_id`;

export const ORACLE_KEYS_SQL =
  `SELECT c.constraint_name AS "name", c.constraint_type AS "type", cc.column_name AS "col"
   FROM all_constraints c JOIN all_cons_columns cc ON cc.owner = c.owner AND cc.constraint_name = c.constraint_name
   WHERE c.owner = COALESCE(:1, USER) AND c.table_name = :2 AND c.constraint_type IN ('P', 'U') ORDER BY c.constraint_name, cc.position`;

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
