import type { CanonicalType, Column } from '../../shared/index.js';
import { canonicalTemporal, driverBytes } from '../core/driver-values.js';
import { ddlTypeMap, type Mapped, nativeTypeMap } from '../core/type-map.js';

/**
 * SQLite stores by affinity, so the declared type decides what survives. Exact decimals and JSON
 * get names containing TEXT (TEXT affinity), or '1.10' would be stored as the REAL 1.1.
 */
export const sqliteTypeFor = ddlTypeMap<Pick<Column, 'type' | 'length' | 'precision' | 'scale'>>({
  integer: 'INTEGER', bigint: 'BIGINT', float: 'FLOAT', double: 'DOUBLE', boolean: 'BOOLEAN',
  decimal: (c) => (c.precision !== undefined ? `DECIMAL_TEXT(${c.precision},${c.scale ?? 0})` : 'DECIMAL_TEXT'),
  string: (c) => (c.length !== undefined ? `VARCHAR(${c.length})` : 'VARCHAR'),
  text: 'TEXT', json: 'JSON_TEXT', uuid: 'UUID_TEXT',
  date: 'DATE', time: 'TIME', datetime: 'DATETIME', timestamptz: 'TIMESTAMPTZ', binary: 'BLOB',
});

/** The numbers in a declared type's parentheses: `DECIMAL(10,2)` → 10 and 2. */
interface TypeArgs {
  a: number | undefined;
  b: number | undefined;
}

function decimal({ a, b }: TypeArgs): Mapped {
  const out: Mapped = { type: 'decimal' };
  if (a !== undefined) out.precision = a;
  if (b !== undefined) out.scale = b;
  return out;
}

/** SQLite's affinity rules (INT, CHAR/CLOB/TEXT, BLOB or none, REAL/FLOA/DOUB), for names the table does not hold. */
function byAffinity({ a }: TypeArgs, base: string): Mapped {
  if (base.includes('INT')) return { type: 'integer' };
  if (base.includes('CHAR') || base.includes('CLOB') || base.includes('TEXT')) {
    return base.includes('CHAR') && a !== undefined ? { type: 'string', length: a } : { type: base.includes('CHAR') ? 'string' : 'text' };
  }
  if (base === '' || base.includes('BLOB')) return { type: 'binary' };
  if (base.includes('REAL') || base.includes('FLOA') || base.includes('DOUB')) return { type: base.includes('FLOAT') ? 'float' : 'double' };
  return { type: 'text' };
}

/** The names this node declares (and their common spellings), before affinity. */
const SQLITE_TYPES = nativeTypeMap<TypeArgs>({
  DECIMAL_TEXT: decimal, NUMERIC_TEXT: decimal, DECIMAL: decimal, NUMERIC: decimal,
  JSON_TEXT: 'json', JSON: 'json', UUID_TEXT: 'uuid', UUID: 'uuid',
  BOOLEAN: 'boolean', BOOL: 'boolean', BIGINT: 'bigint', INT8: 'bigint',
  DATE: 'date', TIME: 'time', DATETIME: 'datetime', TIMESTAMP: 'datetime', TIMESTAMPTZ: 'timestamptz',
}, byAffinity);

/** Maps a declared SQLite type back to a canonical type; unknown names follow SQLite's affinity rules. */
export function canonicalFromSqlite(declared: string): Mapped {
  const upper = declared.trim().toUpperCase();
  const args = /\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)/.exec(upper);
  const a = args?.[1] !== undefined ? Number(args[1]) : undefined;
  const b = args?.[2] !== undefined ? Number(args[2]) : undefined;
  return SQLITE_TYPES(upper.replace(/\(.*\)/, '').trim(), { a, b });
}

/** Converts one stored SQLite value (read with safe integers) to the canonical form of `type`. */
export function fromSqlite(type: CanonicalType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'integer':
    case 'float':
    case 'double':
      return typeof value === 'bigint' ? Number(value) : value;
    case 'bigint':
    case 'decimal':
      return typeof value === 'string' ? value : String(value);
    case 'boolean':
      return typeof value === 'string' ? value === '1' || value.toLowerCase() === 'true' : Number(value) !== 0;
    case 'binary':
      return driverBytes(value);
    case 'datetime':
    case 'time':
    case 'timestamptz':
      return canonicalTemporal(type, String(value));
    default:
      return typeof value === 'bigint' ? value.toString() : typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
}

/** Converts one canonical value to what better-sqlite3 binds. */
export function toSqlite(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.isBuffer(value) ? value : Buffer.from(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}
