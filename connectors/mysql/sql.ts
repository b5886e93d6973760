import type { Column, TableRef } from '../../shared/index.js';
import { SqlCompiler } from '../core/compiler.js';
import { KEY_SHAPES } from '../core/key-predicates.js';
import { PLACEHOLDERS, type Statement } from '../core/statement.js';
import { isSpatial, mysqlColumnComment, mysqlTypeFor } from './types.js';

/** Every statement the MySQL/MariaDB connector runs, with positional `?` placeholders. */
export const mysqlSql = new SqlCompiler({
  dialect: 'mysql',
  placeholder: PLACEHOLDERS.question,
  keyShapes: KEY_SHAPES.mysql,
  selectColumn: (c, q) => (isSpatial(c.nativeType) ? `ST_AsText(${q(c.name)}) AS ${q(c.name)}` : q(c.name)),
  limit: (list, rest, limit) => `SELECT ${list} ${rest} LIMIT ${limit}`,
  rowHash: (columns, q) => {
    const parts = columns.map((c) => {
      const col = q(c.name);
      if (isSpatial(c.nativeType)) return `COALESCE(HEX(ST_AsBinary(${col})), '~N')`;
      return c.type === 'binary' ? `COALESCE(HEX(${col}), '~N')` : `COALESCE(CAST(${col} AS CHAR), '~N')`;
    });
    return `MD5(CONCAT_WS('|', ${parts.join(', ')}))`;
  },
  sumHash: (rowHash) => `SUM(CAST(CONV(SUBSTRING(${rowHash}, 1, 13), 16, 10) AS UNSIGNED))`,
  columnDdl: mysqlTypeFor,
  columnComment: (c) => {
    const comment = mysqlColumnComment(c);
    return comment ? ` COMMENT '${comment}'` : '';
  },
  // Binary collation: keys compare byte for byte, as they do in the node and in every other dialect.
  createTableSuffix: ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin',
  analyze: (table) => `ANALYZE TABLE ${table}`,
});

/** `INSERT ... ON DUPLICATE KEY UPDATE`: the server's "Duplicates" figure splits inserts from updates. */
export function mysqlUpsert(table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: readonly (readonly unknown[])[]): Statement {
  const q = mysqlSql.q;
  const b = mysqlSql.bindings();
  const updates = columns.filter((c) => !keyColumns.includes(c.name)).map((c) => `${q(c.name)} = VALUES(${q(c.name)})`);
  const onDuplicate = updates.length > 0 ? updates.join(', ') : `${q(keyColumns[0]!)} = ${q(keyColumns[0]!)}`;
  return b.statement(`INSERT INTO ${mysqlSql.table(table)} (${mysqlSql.columnList(columns)}) VALUES ${rows.map((r) => `(${b.list(r)})`).join(', ')} ON DUPLICATE KEY UPDATE ${onDuplicate}`);
}

/** LOAD DATA LOCAL INFILE of tab-separated text; binary columns arrive as hex and are decoded by SET. */
export function mysqlLoadData(table: TableRef, columns: readonly Column[]): string {
  const q = mysqlSql.q;
  const targets = columns.map((c, i) => (c.type === 'binary' ? `@b${i}` : q(c.name)));
  const sets = columns.flatMap((c, i) => (c.type === 'binary' ? [`${q(c.name)} = UNHEX(@b${i})`] : []));
  return `LOAD DATA LOCAL INFILE 'exnode-batch.tsv' INTO TABLE ${mysqlSql.table(table)} CHARACTER SET utf8mb4 ` +
    `FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${targets.join(', ')})${sets.length > 0 ? ` SET ${sets.join(', ')}` : ''}`;
}
