import type { Column } from '../../shared/index.js';
import { fromDriverText } from '../core/driver-values.js';
import { ddlTypeMap, type Mapped, nativeTypeMap } from '../core/type-map.js';

interface OracleColumn {
  charLength: number | null;
  precision: number | null;
  scale: number | null;
}

/** NUMBER keeps its scale; NUMBER without precision is an exact decimal of any size. */
function number({ precision, scale }: OracleColumn): Mapped {
  if (precision === null) return scale === 0 ? { type: 'decimal', precision: 38, scale: 0 } : { type: 'decimal' };
  if ((scale ?? 0) === 0) return precision <= 9 ? { type: 'integer' } : precision <= 18 ? { type: 'bigint' } : { type: 'decimal', precision, scale: 0 };
  return { type: 'decimal', precision, scale: scale ?? 0 };
}

const characters = (c: OracleColumn): Mapped => ({ type: 'string', ...(c.charLength ? { length: c.charLength } : {}) });

/** TIMESTAMP(n) [WITH [LOCAL] TIME ZONE] carries its precision in the name; any other type is text. */
function timestampOrText(c: OracleColumn, name: string): Mapped {
  const precision = c.scale !== null ? { precision: c.scale } : {};
  if (/^TIMESTAMP\(\d\) WITH (LOCAL )?TIME ZONE$/.test(name)) return { type: 'timestamptz', ...precision };
  if (/^TIMESTAMP/.test(name)) return { type: 'datetime', ...precision };
  return { type: 'text' };
}

/** Oracle DATA_TYPE (upper case) → canonical type. DATE has a time part; CLOB is text of any length. */
const ORACLE_TYPES = nativeTypeMap<OracleColumn>({
  NUMBER: number, FLOAT: 'double', BINARY_DOUBLE: 'double', BINARY_FLOAT: 'float',
  VARCHAR2: characters, NVARCHAR2: characters, CHAR: characters, NCHAR: characters,
  CLOB: 'text', NCLOB: 'text', LONG: 'text', JSON: 'json',
  BLOB: 'binary', RAW: 'binary', 'LONG RAW': 'binary',
  DATE: 'datetime',
}, timestampOrText);

/** Oracle column (ALL_TAB_COLUMNS) → canonical type. */
export function canonicalFromOracle(dataType: string, charLength: number | null, precision: number | null, scale: number | null): Mapped {
  return ORACLE_TYPES(dataType.toUpperCase(), { charLength, precision, scale });
}

/** Canonical type → Oracle DDL (AL32UTF8 databases; NVARCHAR2 for national text). */
export const oracleTypeFor = ddlTypeMap({
  integer: 'NUMBER(10)', bigint: 'NUMBER(19)', float: 'BINARY_FLOAT', double: 'BINARY_DOUBLE', boolean: 'NUMBER(1)',
  decimal: (c) => (c.precision !== undefined && c.precision <= 38 ? `NUMBER(${c.precision},${c.scale ?? 0})` : 'NUMBER'),
  string: (c) => (c.length !== undefined && c.length <= 2000 ? `NVARCHAR2(${c.length})` : c.primaryKey ? 'NVARCHAR2(2000)' : 'NCLOB'),
  text: 'NCLOB', json: 'NCLOB', uuid: 'VARCHAR2(36)',
  // Oracle has no time-of-day type: ISO text keeps every digit.
  date: 'DATE', time: 'VARCHAR2(18)', datetime: 'TIMESTAMP(6)', timestamptz: 'TIMESTAMP(6) WITH TIME ZONE',
  binary: (c) => (c.primaryKey ? 'RAW(2000)' : 'BLOB'),
});

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
    case 'boolean': return Number(v) === 1;
    // DATE has a time part (midnight for a canonical date); TIME is stored as its ISO text (VARCHAR2).
    case 'date': return String(v).slice(0, 10);
    case 'time': return String(v);
    default: return fromDriverText(c.type, v);
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
