import type { Column, TableRef, TableSchema, TableSummary } from '../../shared/index.js';
import { canonicalFromMysql, jsonCheckedColumn, type MysqlColumnInfo } from './types.js';

type Run = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

const schemaOf = (ref?: TableRef) => (ref?.schema ? '?' : 'DATABASE()');
const params = (ref?: TableRef) => (ref?.schema ? [ref.schema] : []);

export async function listMysqlTables(run: Run, schema?: string): Promise<TableSummary[]> {
  const ref = schema ? { schema, name: '' } : undefined;
  const rows = await run(
    `SELECT TABLE_NAME AS name, TABLE_TYPE AS kind, TABLE_ROWS AS estimate FROM information_schema.TABLES WHERE TABLE_SCHEMA = ${schemaOf(ref)} ORDER BY TABLE_NAME`,
    params(ref),
  );
  return rows.map((r) => ({
    name: String(r.name),
    kind: String(r.kind).includes('VIEW') ? 'view' : 'table',
    rowEstimate: r.estimate === null ? null : Number(r.estimate),
  }));
}

export async function describeMysqlTable(run: Run, ref: TableRef): Promise<TableSchema | null> {
  const meta = await run(
    `SELECT TABLE_TYPE AS kind, TABLE_ROWS AS estimate FROM information_schema.TABLES WHERE TABLE_SCHEMA = ${schemaOf(ref)} AND TABLE_NAME = ?`,
    [...params(ref), ref.name],
  );
  if (meta.length === 0) return null;
  const cols = await run(
    `SELECT COLUMN_NAME AS name, DATA_TYPE AS dataType, COLUMN_TYPE AS columnType, CHARACTER_MAXIMUM_LENGTH AS charLength,
       NUMERIC_PRECISION AS numPrecision, NUMERIC_SCALE AS numScale, DATETIME_PRECISION AS dtPrecision, IS_NULLABLE AS nullable,
       COLUMN_DEFAULT AS def, COLUMN_COMMENT AS comment
     FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ${schemaOf(ref)} AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION`,
    [...params(ref), ref.name],
  );
  const stats = await run(
    `SELECT INDEX_NAME AS name, NON_UNIQUE AS nonUnique, COLUMN_NAME AS col FROM information_schema.STATISTICS
     WHERE TABLE_SCHEMA = ${schemaOf(ref)} AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX`,
    [...params(ref), ref.name],
  );
  const indexes = new Map<string, { name: string; columns: string[]; unique: boolean; primary: boolean }>();
  for (const s of stats) {
    const name = String(s.name);
    const entry = indexes.get(name) ?? { name, columns: [], unique: Number(s.nonUnique) === 0, primary: name === 'PRIMARY' };
    entry.columns.push(String(s.col));
    indexes.set(name, entry);
  }
  const primaryKey = indexes.get('PRIMARY')?.columns ?? [];
  const jsonColumns = await mariadbJsonColumns(run, ref);
  const columns: Column[] = cols.map((c) => {
    const info = {
      dataType: String(c.dataType), columnType: String(c.columnType),
      charLength: c.charLength === null ? null : Number(c.charLength),
      precision: c.numPrecision === null ? null : Number(c.numPrecision),
      scale: c.numScale === null ? null : Number(c.numScale),
      datetimePrecision: c.dtPrecision === null ? null : Number(c.dtPrecision),
      comment: String(c.comment ?? ''),
    };
    return {
      name: String(c.name),
      nativeType: info.columnType,
      ...(jsonColumns.has(String(c.name)) && !info.comment ? { type: 'json' as const } : canonicalFromMysql(info)),
      nullable: c.nullable === 'YES',
      defaultValue: c.def === null || c.def === undefined ? null : String(c.def),
      primaryKey: primaryKey.includes(String(c.name)),
    };
  });
  const all = [...indexes.values()];
  return {
    ...(ref.schema ? { schema: ref.schema } : {}),
    name: ref.name,
    kind: String(meta[0]!.kind).includes('VIEW') ? 'view' : 'table',
    rowEstimate: meta[0]!.estimate === null ? null : Number(meta[0]!.estimate),
    columns,
    primaryKey,
    uniqueKeys: all.filter((i) => i.unique && !i.primary).map((i) => i.columns),
    indexes: all,
  };
}

/**
 * MariaDB's JSON is LONGTEXT plus a `json_valid` check. The check table differs between MariaDB and
 * MySQL (whose JSON is a real type) and is missing before MySQL 8.0.16: any failure means none.
 */
async function mariadbJsonColumns(run: Run, ref: TableRef): Promise<Set<string>> {
  try {
    const rows = await run(
      `SELECT CHECK_CLAUSE AS clause FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ${schemaOf(ref)} AND TABLE_NAME = ?`,
      [...params(ref), ref.name],
    );
    return new Set(rows.map((r) => jsonCheckedColumn(String(r.clause))).filter((c): c is string => c !== null));
  } catch {
    return new Set();
  }
}

/** One result column as the MySQL protocol describes it (mysql2's column definition). */
export interface MysqlField {
  name: string;
  columnType: number;
  columnLength: number;
  flags: number;
  decimals: number;
  characterSet: number;
  extendedFormat?: string;
}

const UNSIGNED_FLAG = 32;
const ENUM_FLAG = 256;
const SET_FLAG = 2048;
const BINARY_CHARSET = 63;

/**
 * The columns of a query's result, from protocol metadata mapped to the native type names the table
 * introspection sees, so both go through the same canonical type map. `maxBytesPerChar` turns byte
 * lengths into character lengths for the result's character set.
 */
export function mysqlQueryColumns(fields: readonly MysqlField[], maxBytesPerChar: (charset: number) => number): Column[] {
  return fields.map((f) => {
    const native = nativeOf(f, maxBytesPerChar(f.characterSet));
    const info = { comment: '', charLength: null, precision: null, scale: null, datetimePrecision: null, ...native };
    return { name: f.name, nativeType: info.columnType, ...canonicalFromMysql(info), nullable: true, primaryKey: false };
  });
}

type Native = { dataType: string; columnType: string } & Partial<Pick<MysqlColumnInfo, 'charLength' | 'precision' | 'scale' | 'datetimePrecision'>>;

function nativeOf(f: MysqlField, bytesPerChar: number): Native {
  const unsigned = (f.flags & UNSIGNED_FLAG) !== 0 ? ' unsigned' : '';
  const binary = f.characterSet === BINARY_CHARSET;
  const chars = Math.max(1, Math.ceil(f.columnLength / Math.max(1, bytesPerChar)));
  const simple = (name: string): Native => ({ dataType: name, columnType: `${name}${unsigned}` });
  if (f.extendedFormat === 'json') return simple('json');
  switch (f.columnType) {
    case 0x01: return { dataType: 'tinyint', columnType: `tinyint(${f.columnLength})${unsigned}` };
    case 0x02: return simple('smallint');
    case 0x09: return simple('mediumint');
    case 0x03: return simple('int');
    case 0x08: return simple('bigint');
    case 0x0d: return simple('year');
    case 0x00:
    case 0xf6: {
      const precision = f.columnLength - (f.decimals > 0 ? 1 : 0) - (unsigned ? 0 : 1);
      return { dataType: 'decimal', columnType: `decimal(${precision},${f.decimals})${unsigned}`, precision, scale: f.decimals };
    }
    case 0x04: return simple('float');
    case 0x05: return simple('double');
    case 0x07: return { dataType: 'timestamp', columnType: 'timestamp', datetimePrecision: f.decimals };
    case 0x0c: return { dataType: 'datetime', columnType: 'datetime', datetimePrecision: f.decimals };
    case 0x0a:
    case 0x0e: return simple('date');
    case 0x0b: return simple('time');
    case 0x10: return { dataType: 'bit', columnType: `bit(${f.columnLength})` };
    case 0xf5: return simple('json');
    case 0xff: return simple('geometry');
    case 0xf9:
    case 0xfa:
    case 0xfb:
    case 0xfc: return binary ? simple('longblob') : simple('longtext');
    default: {
      if (binary) return { dataType: 'varbinary', columnType: `varbinary(${f.columnLength})` };
      if ((f.flags & (ENUM_FLAG | SET_FLAG)) !== 0 || [0x0f, 0xf7, 0xf8, 0xfd, 0xfe].includes(f.columnType)) {
        return { dataType: 'varchar', columnType: `varchar(${chars})`, charLength: chars };
      }
      return simple('longtext');
    }
  }
}
