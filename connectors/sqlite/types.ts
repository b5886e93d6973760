import type { CanonicalType, Column } from '../../shared/index.js';
import { canonicalDateTime, canonicalInstant, canonicalTime } from '../core/values.js';

/**
 * SQLite stores by affinity, so the declared type decides what survives. Exact decimals and JSON
 * get names containing TEXT (TEXT affinity), or '1.10' would be stored as the REAL 1.1.
 */
export function sqliteTypeFor(column: Pick<Column, 'type' | 'length' | 'precision' | 'scale'>): string {
  switch (column.type) {
    case 'integer': return 'INTEGER';
    case 'bigint': return 'BIGINT';
    case 'decimal':
      return column.precision !== undefined ? `DECIMAL_TEXT(${column.precision},${column.scale ?? 0})` : 'DECIMAL_TEXT';
    case 'float': return 'FLOAT';
    case 'double': return 'DOUBLE';
    case 'boolean': return 'BOOLEAN';
    case 'string': return column.length !== undefined ? `VARCHAR(${column.length})` : 'VARCHAR';
    case 'text': return 'TEXT';
    case 'json': return 'JSON_TEXT';
    case 'uuid': return 'UUID_TEXT';
    case 'date': return 'DATE';
    case 'time': return 'TIME';
    case 'datetime': return 'DATETIME';
    case 'timestamptz': return 'TIMESTAMPTZ';
    case 'binary': return 'BLOB';
  }
}

interface Parsed {
  type: CanonicalType;
  length?: number;
  precision?: number;
  scale?: number;
}

/** Maps a declared SQLite type back to a canonical type; unknown names follow SQLite's affinity rules. */
export function canonicalFromSqlite(declared: string): Parsed {
  const upper = declared.trim().toUpperCase();
  const args = /\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)/.exec(upper);
  const a = args?.[1] !== undefined ? Number(args[1]) : undefined;
  const b = args?.[2] !== undefined ? Number(args[2]) : undefined;
  const base = upper.replace(/\(.*\)/, '').trim();
  if (base === 'DECIMAL_TEXT' || base === 'NUMERIC_TEXT') return withArgs('decimal', a, b);
  if (base === 'JSON_TEXT' || base === 'JSON') return { type: 'json' };
  if (base === 'UUID_TEXT' || base === 'UUID') return { type: 'uuid' };
  if (base === 'BOOLEAN' || base === 'BOOL') return { type: 'boolean' };
  if (base === 'BIGINT' || base === 'INT8') return { type: 'bigint' };
  if (base === 'DATE') return { type: 'date' };
  if (base === 'TIME') return { type: 'time' };
  if (base === 'DATETIME' || base === 'TIMESTAMP') return { type: 'datetime' };
  if (base === 'TIMESTAMPTZ') return { type: 'timestamptz' };
  if (base === 'DECIMAL' || base === 'NUMERIC') return withArgs('decimal', a, b);
  if (base.includes('INT')) return { type: 'integer' };
  if (base.includes('CHAR') || base.includes('CLOB') || base.includes('TEXT')) {
    return base.includes('CHAR') && a !== undefined ? { type: 'string', length: a } : { type: base.includes('CHAR') ? 'string' : 'text' };
  }
  if (base === '' || base.includes('BLOB')) return { type: 'binary' };
  if (base.includes('REAL') || base.includes('FLOA') || base.includes('DOUB')) return { type: base.includes('FLOAT') ? 'float' : 'double' };
  return { type: 'text' };
}

function withArgs(type: CanonicalType, precision?: number, scale?: number): Parsed {
  const out: Parsed = { type };
  if (precision !== undefined) out.precision = precision;
  if (scale !== undefined) out.scale = scale;
  return out;
}

/** Converts one stored SQLite value (read with safe integers) to the canonical form of `type`. */
export function fromSqlite(type: CanonicalType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'integer':
      return typeof value === 'bigint' ? Number(value) : value;
    case 'bigint':
    case 'decimal':
      return typeof value === 'string' ? value : String(value);
    case 'float':
    case 'double':
      return typeof value === 'bigint' ? Number(value) : value;
    case 'boolean':
      return typeof value === 'string' ? value === '1' || value.toLowerCase() === 'true' : Number(value) !== 0;
    case 'binary':
      return Buffer.isBuffer(value) ? value : Buffer.from(String(value));
    case 'datetime':
      return canonicalDateTime(String(value));
    case 'time':
      return canonicalTime(String(value));
    case 'timestamptz':
      return canonicalInstant(String(value));
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
