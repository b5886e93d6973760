import type { Column } from '../../shared/index.js';
import { canonicalDateTime, canonicalInstant, canonicalTime } from '../core/values.js';

type Mapped = Pick<Column, 'type'> & Partial<Pick<Column, 'length' | 'precision' | 'scale'>>;

/** PostgreSQL type name and type modifier → canonical type. Unknown types travel as their text form. */
export function canonicalFromPostgres(typname: string, typmod: number): Mapped {
  switch (typname) {
    case 'int2':
    case 'int4':
      return { type: 'integer' };
    case 'int8':
      return { type: 'bigint' };
    case 'numeric': {
      if (typmod < 0) return { type: 'decimal' };
      const mod = typmod - 4;
      return { type: 'decimal', precision: (mod >> 16) & 0xffff, scale: mod & 0xffff };
    }
    case 'float4':
      return { type: 'float' };
    case 'float8':
      return { type: 'double' };
    case 'bool':
      return { type: 'boolean' };
    case 'varchar':
    case 'bpchar':
      return typmod > 4 ? { type: 'string', length: typmod - 4 } : { type: 'string' };
    case 'json':
    case 'jsonb':
      return { type: 'json' };
    case 'uuid':
      return { type: 'uuid' };
    case 'date':
      return { type: 'date' };
    case 'time':
      return { type: 'time' };
    case 'timetz':
      // A time of day with an offset has no canonical twin: its text keeps both.
      return { type: 'string' };
    case 'timestamp':
      return { type: 'datetime', ...(typmod >= 0 ? { precision: typmod } : {}) };
    case 'timestamptz':
      return { type: 'timestamptz', ...(typmod >= 0 ? { precision: typmod } : {}) };
    case 'bytea':
      return { type: 'binary' };
    default:
      return { type: 'text' };
  }
}

/** Canonical type → PostgreSQL column DDL. */
export function postgresTypeFor(c: Column): string {
  switch (c.type) {
    case 'integer': return 'INTEGER';
    case 'bigint': return 'BIGINT';
    case 'decimal': return c.precision !== undefined && c.precision > 0 ? `NUMERIC(${Math.min(c.precision, 1000)},${c.scale ?? 0})` : 'NUMERIC';
    case 'float': return 'REAL';
    case 'double': return 'DOUBLE PRECISION';
    case 'boolean': return 'BOOLEAN';
    case 'string': return c.length !== undefined ? `VARCHAR(${c.length})` : 'TEXT';
    case 'text': return 'TEXT';
    // JSON, not JSONB: JSONB reorders keys and drops whitespace, so the value would not come back as sent.
    case 'json': return 'JSON';
    case 'uuid': return 'UUID';
    case 'date': return 'DATE';
    case 'time': return 'TIME(6)';
    case 'datetime': return 'TIMESTAMP(6)';
    case 'timestamptz': return 'TIMESTAMPTZ(6)';
    case 'binary': return 'BYTEA';
  }
}

/** Type parsers for the pool: everything that could lose precision or shift in time stays text. */
const OID = { bool: 16, bytea: 17, int2: 21, int4: 23, float4: 700, float8: 701 } as const;

export function typeParser(defaults: (oid: number, format?: 'text' | 'binary') => (value: string) => unknown) {
  return (oid: number, format?: 'text' | 'binary') => {
    if (oid === OID.bool || oid === OID.bytea || oid === OID.int2 || oid === OID.int4 || oid === OID.float4 || oid === OID.float8) {
      return defaults(oid, format);
    }
    return (value: string) => value;
  };
}

/** A pg value (text unless listed above) → canonical. */
export function fromPostgres(c: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (c.type) {
    case 'integer':
    case 'float':
    case 'double':
      return typeof v === 'number' ? v : Number(v);
    case 'boolean':
      return v === true || v === 't' || v === 'true';
    case 'binary':
      return Buffer.isBuffer(v) ? v : Buffer.from(String(v), 'utf8');
    case 'datetime':
      return canonicalDateTime(String(v));
    case 'time':
      return canonicalTime(String(v));
    case 'timestamptz':
      return canonicalInstant(String(v));
    default:
      return typeof v === 'string' ? v : JSON.stringify(v);
  }
}

/** A canonical value → what pg binds. */
export function toPostgres(c: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (c.type === 'boolean') return typeof v === 'boolean' ? v : v === 1 || v === '1' || v === 't' || v === 'true';
  if (c.type === 'json' && typeof v === 'object' && !Buffer.isBuffer(v)) return JSON.stringify(v);
  if ((c.type === 'integer' || c.type === 'float' || c.type === 'double') && typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'boolean') return v ? '1' : '0';
  return v;
}
