import type { Column } from '../../shared/index.js';
import { canonicalTemporal, driverBytes } from '../core/driver-values.js';
import { ddlTypeMap, type Mapped, nativeTypeMap } from '../core/type-map.js';

/** NUMERIC's type modifier packs precision and scale, offset by 4; -1 is a NUMERIC of any size. */
function numeric(typmod: number): Mapped {
  if (typmod < 0) return { type: 'decimal' };
  const mod = typmod - 4;
  return { type: 'decimal', precision: (mod >> 16) & 0xffff, scale: mod & 0xffff };
}

const characters = (typmod: number): Mapped => (typmod > 4 ? { type: 'string', length: typmod - 4 } : { type: 'string' });
const fractional = (type: 'datetime' | 'timestamptz') => (typmod: number): Mapped => ({ type, ...(typmod >= 0 ? { precision: typmod } : {}) });

/** PostgreSQL type name (pg_type.typname) and type modifier → canonical type. Unknown types travel as their text form. */
const POSTGRES_TYPES = nativeTypeMap<number>({
  int2: 'integer', int4: 'integer', int8: 'bigint', numeric, float4: 'float', float8: 'double', bool: 'boolean',
  varchar: characters, bpchar: characters, json: 'json', jsonb: 'json', uuid: 'uuid',
  date: 'date', time: 'time', timestamp: fractional('datetime'), timestamptz: fractional('timestamptz'),
  // A time of day with an offset has no canonical twin: its text keeps both.
  timetz: 'string',
  bytea: 'binary',
}, 'text');

export function canonicalFromPostgres(typname: string, typmod: number): Mapped {
  return POSTGRES_TYPES(typname, typmod);
}

/** Canonical type → PostgreSQL column DDL. */
export const postgresTypeFor = ddlTypeMap({
  integer: 'INTEGER', bigint: 'BIGINT', float: 'REAL', double: 'DOUBLE PRECISION', boolean: 'BOOLEAN',
  decimal: (c) => (c.precision !== undefined && c.precision > 0 ? `NUMERIC(${Math.min(c.precision, 1000)},${c.scale ?? 0})` : 'NUMERIC'),
  string: (c) => (c.length !== undefined ? `VARCHAR(${c.length})` : 'TEXT'),
  // JSON, not JSONB: JSONB reorders keys and drops whitespace, so the value would not come back as sent.
  text: 'TEXT', json: 'JSON', uuid: 'UUID',
  date: 'DATE', time: 'TIME(6)', datetime: 'TIMESTAMP(6)', timestamptz: 'TIMESTAMPTZ(6)',
  binary: 'BYTEA',
});

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
      return driverBytes(v);
    case 'datetime':
    case 'time':
    case 'timestamptz':
      return canonicalTemporal(c.type, String(v));
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
