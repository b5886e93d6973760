import type { Column } from '../../shared/index.js';
import { canonicalDateTime, canonicalInstant } from '../core/values.js';

type Mapped = Pick<Column, 'type'> & Partial<Pick<Column, 'length' | 'precision' | 'scale'>>;

/**
 * Oracle column (ALL_TAB_COLUMNS) → canonical type. The traps: NUMBER keeps its scale, NUMBER without
 * precision is an exact decimal, DATE has a time part, CLOB is text of any length.
 */
export function canonicalFromOracle(dataType: string, charLength: number | null, precision: number | null, scale: number | null): Mapped {
  const t = dataType.toUpperCase();
  if (t === 'NUMBER') {
    if (precision === null) return scale === 0 ? { type: 'decimal', precision: 38, scale: 0 } : { type: 'decimal' };
    if ((scale ?? 0) === 0) return precision <= 9 ? { type: 'integer' } : precision <= 18 ? { type: 'bigint' } : { type: 'decimal', precision, scale: 0 };
    return { type: 'decimal', precision, scale: scale ?? 0 };
  }
  if (t === 'FLOAT' || t === 'BINARY_DOUBLE') return { type: 'double' };
  if (t === 'BINARY_FLOAT') return { type: 'float' };
  if (t === 'VARCHAR2' || t === 'NVARCHAR2' || t === 'CHAR' || t === 'NCHAR') return { type: 'string', ...(charLength ? { length: charLength } : {}) };
  if (t === 'CLOB' || t === 'NCLOB' || t === 'LONG') return { type: 'text' };
  if (t === 'BLOB' || t === 'RAW' || t === 'LONG RAW') return { type: 'binary' };
  if (t === 'DATE') return { type: 'datetime' };
  if (/^TIMESTAMP\(\d\) WITH (LOCAL )?TIME ZONE$/.test(t)) return { type: 'timestamptz', ...(scale !== null ? { precision: scale } : {}) };
  if (/^TIMESTAMP/.test(t)) return { type: 'datetime', ...(scale !== null ? { precision: scale } : {}) };
  if (t === 'JSON') return { type: 'json' };
  return { type: 'text' };
}

/** Canonical type → Oracle DDL (AL32UTF8 databases; NVARCHAR2 for national text). */
export function oracleTypeFor(c: Column): string {
  switch (c.type) {
    case 'integer': return 'NUMBER(10)';
    case 'bigint': return 'NUMBER(19)';
    case 'decimal': return c.precision !== undefined && c.precision <= 38 ? `NUMBER(${c.precision},${c.scale ?? 0})` : 'NUMBER';
    case 'float': return 'BINARY_FLOAT';
    case 'double': return 'BINARY_DOUBLE';
    case 'boolean': return 'NUMBER(1)';
    case 'string': return c.length !== undefined && c.length <= 2000 ? `NVARCHAR2(${c.length})` : c.primaryKey ? 'NVARCHAR2(2000)' : 'NCLOB';
    case 'text': return 'NCLOB';
    case 'json': return 'NCLOB';
    case 'uuid': return 'VARCHAR2(36)';
    case 'date': return 'DATE';
    // Oracle has no time-of-day type: ISO text keeps every digit.
    case 'time': return 'VARCHAR2(18)';
    case 'datetime': return 'TIMESTAMP(6)';
    case 'timestamptz': return 'TIMESTAMP(6) WITH TIME ZONE';
    case 'binary': return c.primaryKey ? 'RAW(2000)' : 'BLOB';
  }
}

/** Session formats so that dates and timestamps arrive as exact, zone-less (or UTC) text. */
export const ORACLE_SESSION_SQL = [
  `ALTER SESSION SET NLS_DATE_FORMAT = 'YYYY-MM-DD HH24:MI:SS'`,
  `ALTER SESSION SET NLS_TIMESTAMP_FORMAT = 'YYYY-MM-DD HH24:MI:SS.FF9'`,
  `ALTER SESSION SET NLS_TIMESTAMP_TZ_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS.FF9TZH:TZM'`,
  `ALTER SESSION SET TIME_ZONE = '+00:00'`,
  `ALTER SESSION SET NLS_NUMERIC_CHARACTERS = '.,'`,
];

export function fromOracle(c: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (c.type) {
    case 'integer':
    case 'float':
    case 'double': return Number(v);
    case 'boolean': return Number(v) === 1;
    case 'date': return String(v).slice(0, 10);
    case 'datetime': return canonicalDateTime(String(v));
    case 'timestamptz': return canonicalInstant(String(v));
    case 'binary': return Buffer.isBuffer(v) ? v : Buffer.from(String(v));
    default: return String(v);
  }
}

export function toOracle(c: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if ((c.type === 'datetime' || c.type === 'date') && typeof v === 'string') return v.replace('T', ' ');
  if (c.type === 'timestamptz' && typeof v === 'string') return v.replace('T', ' ').replace('Z', ' +00:00');
  return v;
}

/**
 * Result metadata names time-zone timestamps without their precision ("TIMESTAMP WITH TIME ZONE");
 * the dictionary, which the type map reads, writes "TIMESTAMP(6) WITH TIME ZONE".
 */
export function oracleResultType(typeName: string, scale: number | undefined): string {
  return /^TIMESTAMP WITH (LOCAL )?TIME ZONE$/.test(typeName) ? typeName.replace('TIMESTAMP', `TIMESTAMP(${scale ?? 6})`) : typeName;
}
