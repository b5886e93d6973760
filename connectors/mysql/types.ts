import type { Column } from '../../shared/index.js';
import { ExNodeError, msg } from '../../shared/index.js';
import { canonicalDateTime, canonicalInstant, canonicalTime } from '../core/values.js';
import { ddlTypeMap, type Mapped, nativeTypeMap } from '../core/type-map.js';

/**
 * Column comments `exnode:<type>` keep the canonical type where MySQL has no exact native one: UTC
 * instants live in DATETIME (TIMESTAMP ends in 2038), UUIDs in CHAR(36), JSON in MariaDB's LONGTEXT.
 */
const TYPE_COMMENT = /^exnode:(timestamptz|uuid|json)$/;

export function mysqlColumnComment(c: Column): string {
  return c.type === 'timestamptz' || c.type === 'uuid' || c.type === 'json' ? `exnode:${c.type}` : '';
}

export interface MysqlColumnInfo {
  dataType: string;
  columnType: string;
  charLength: number | null;
  precision: number | null;
  scale: number | null;
  datetimePrecision: number | null;
  comment: string;
}

const SPATIAL_TYPES = new Set(['geometry', 'point', 'linestring', 'polygon', 'multipoint', 'multilinestring', 'multipolygon', 'geometrycollection', 'geomcollection']);

const unsigned = (c: MysqlColumnInfo) => /unsigned/i.test(c.columnType);
/** INT UNSIGNED goes past 2^31: BIGINT keeps every value. */
const int = (c: MysqlColumnInfo): Mapped => (unsigned(c) ? { type: 'bigint' } : { type: 'integer' });
const exactDecimal = (c: MysqlColumnInfo): Mapped => ({ type: 'decimal', precision: c.precision ?? 65, scale: c.scale ?? 0 });
const characters = (c: MysqlColumnInfo): Mapped => ({ type: 'string', ...(c.charLength ? { length: c.charLength } : {}) });
const listed = (c: MysqlColumnInfo): Mapped => ({ type: 'string', length: Math.max(1, c.charLength ?? 255), enumValues: enumValues(c.columnType) });
const fractional = (type: 'datetime' | 'timestamptz') => (c: MysqlColumnInfo): Mapped => ({ type, ...(c.datetimePrecision ? { precision: c.datetimePrecision } : {}) });

/** MySQL / MariaDB DATA_TYPE (lower case) → canonical type, keeping sizes, scales and ENUM/SET values. */
const MYSQL_TYPES = nativeTypeMap<MysqlColumnInfo>({
  tinyint: (c) => (/^tinyint\(1\)/i.test(c.columnType) ? { type: 'boolean' } : { type: 'integer' }),
  smallint: 'integer', mediumint: 'integer', year: 'integer',
  int: int, integer: int,
  // BIGINT UNSIGNED goes past 2^63: an exact decimal keeps every value.
  bigint: (c) => (unsigned(c) ? { type: 'decimal', precision: 20, scale: 0 } : { type: 'bigint' }),
  decimal: exactDecimal, numeric: exactDecimal,
  float: 'float', double: 'double', real: 'double',
  bit: (c) => (/^bit\(1\)$/i.test(c.columnType) ? { type: 'boolean' } : { type: 'bigint' }),
  char: characters, varchar: characters, enum: listed, set: listed,
  tinytext: 'text', text: 'text', mediumtext: 'text', longtext: 'text', json: 'json',
  binary: 'binary', varbinary: 'binary', tinyblob: 'binary', blob: 'binary', mediumblob: 'binary', longblob: 'binary',
  date: 'date', time: 'time', datetime: fractional('datetime'), timestamp: fractional('timestamptz'),
  // Spatial columns travel as WKT text (read through ST_AsText); other exotic types as bytes.
  ...Object.fromEntries([...SPATIAL_TYPES].map((t) => [t, 'text' as const])),
}, 'binary');

/** MySQL / MariaDB native type → canonical type; the `exnode:<type>` comment wins. */
export function canonicalFromMysql(c: MysqlColumnInfo): Mapped {
  const marked = TYPE_COMMENT.exec(c.comment)?.[1] as 'timestamptz' | 'uuid' | 'json' | undefined;
  if (marked) return { type: marked };
  return MYSQL_TYPES(c.dataType.toLowerCase(), c);
}

/** True for GEOMETRY, POINT, POLYGON...: the driver would hand these over as parsed objects. */
export function isSpatial(nativeType: string): boolean {
  return SPATIAL_TYPES.has(nativeType.toLowerCase().replace(/\(.*$/, '').trim());
}

/** MariaDB stores JSON as LONGTEXT with a `json_valid(col)` check: those columns are JSON. */
export function jsonCheckedColumn(checkClause: string): string | null {
  const m = /^json_valid\(`((?:[^`]|``)+)`\)$/i.exec(checkClause.trim());
  return m ? m[1]!.replace(/``/g, '`') : null;
}

function enumValues(columnType: string): string[] {
  const inner = /^(?:enum|set)\((.*)\)$/i.exec(columnType)?.[1] ?? '';
  return [...inner.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
}

/** Longest VARCHAR that fits the 65,535-byte row limit in utf8mb4 with room for other columns. */
const MAX_VARCHAR = 4000;

function mysqlDecimal(c: Column): string {
  const p = Math.min(c.precision ?? 65, 65);
  const s = Math.min(c.scale ?? (c.precision === undefined ? 30 : 0), 30, p);
  return `DECIMAL(${p},${s})`;
}

/** A key column must have a bounded type. */
function mysqlString(c: Column): string {
  if (c.length !== undefined && c.length <= MAX_VARCHAR) return `VARCHAR(${c.length})`;
  if (c.primaryKey) {
    if (c.length === undefined) return 'VARCHAR(255)';
    throw new ExNodeError('UNSUPPORTED', msg('connectors.keyTooLong', { name: c.name, length: c.length ?? 0, max: MAX_VARCHAR }));
  }
  return 'LONGTEXT';
}

/** Canonical type → MySQL column DDL, lossless. */
export const mysqlTypeFor = ddlTypeMap({
  integer: 'INT', bigint: 'BIGINT', decimal: mysqlDecimal, float: 'FLOAT', double: 'DOUBLE', boolean: 'TINYINT(1)',
  string: mysqlString, text: 'LONGTEXT', json: 'JSON', uuid: 'CHAR(36)',
  date: 'DATE', time: 'TIME(6)', datetime: 'DATETIME(6)', timestamptz: 'DATETIME(6)',
  binary: (c) => (c.primaryKey ? 'VARBINARY(255)' : 'LONGBLOB'),
});

/** A MySQL driver value → canonical (the pool reads with dateStrings and big numbers as strings). */
export function fromMysql(c: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (c.type) {
    case 'integer': return Buffer.isBuffer(v) ? Number(bitValue(v)) : Number(v);
    case 'float':
    case 'double': return Number(v);
    case 'bigint':
    case 'decimal': return Buffer.isBuffer(v) ? bitValue(v).toString() : String(v);
    case 'boolean': return v === true || v === 1 || v === '1' || (Buffer.isBuffer(v) && v[0] === 1);
    case 'json': return typeof v === 'object' && !Buffer.isBuffer(v) ? JSON.stringify(v) : Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
    case 'timestamptz': return canonicalInstant(`${String(v)}Z`);
    case 'datetime': return canonicalDateTime(String(v));
    case 'time': return canonicalTime(String(v));
    case 'binary': return Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8');
    default:
      if (Buffer.isBuffer(v)) return v.toString('utf8');
      // MariaDB 10.5+ flags its JSON columns and the driver parses them even when read as text.
      return typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
}

/** A BIT(n) value arrives as big-endian bytes. */
function bitValue(bytes: Buffer): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** Whether the column is BIT(n) (checked per value when binding: the first letter rules most columns out). */
export function isBit(c: Column): boolean {
  return (c.nativeType.charCodeAt(0) | 32) === 98 && /^bit\b/i.test(c.nativeType);
}

/** A canonical value → what mysql2 binds for a column of type `c`. */
export function toMysql(c: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (c.type === 'timestamptz' || c.type === 'datetime') return typeof v === 'string' ? fromIso(v) : v;
  if (c.type === 'json' && typeof v === 'object' && !Buffer.isBuffer(v)) return JSON.stringify(v);
  // A BIT(n) column takes a number; a string would be read as its bytes.
  if (typeof v === 'string' && isBit(c) && /^\d+$/.test(v)) return BigInt(v);
  return v;
}

/** '2024-01-02T03:04:05.123+08:00' → '2024-01-02 03:04:05.123' in UTC: a literal MySQL accepts. */
export function fromIso(text: string): string {
  // The usual value, a canonical 'YYYY-MM-DD HH:MM:SS[.f]' (no 'T', no zone), is already that literal.
  const last = text.charCodeAt(text.length - 1);
  if (text.charCodeAt(10) === 32 && last >= 48 && last <= 57 && text.indexOf('+', 11) < 0 && text.indexOf('-', 11) < 0) return text;
  const instant = /[zZ]$|[+-]\d{2}(:?\d{2})?$/.test(text) ? canonicalInstant(text) : text;
  return instant.replace('T', ' ').replace(/Z$/, '');
}
