import type { Column } from '../../shared/index.js';
import { ExNodeError, msg } from '../../shared/index.js';
import { fromDriverText } from '../core/driver-values.js';
import { ddlTypeMap, type Mapped, nativeTypeMap } from '../core/type-map.js';

interface MssqlType {
  /** In bytes, -1 for MAX. */
  maxLength: number;
  precision: number;
  scale: number;
}

const exactDecimal = (t: MssqlType): Mapped => ({ type: 'decimal', precision: t.precision, scale: t.scale });
/** CHAR counts one byte a character, NCHAR two (UTF-16); MAX is text. */
const characters = (bytesPerChar: number) => (t: MssqlType): Mapped => (t.maxLength === -1 ? { type: 'text' } : { type: 'string', length: t.maxLength / bytesPerChar });
/** The fractional seconds of time, datetime2 and datetimeoffset are the column's scale. */
const fractional = (type: 'time' | 'datetime' | 'timestamptz') => (t: MssqlType): Mapped => ({ type, precision: t.scale });

/**
 * SQL Server type (sys.types name, lower case) → canonical type; unknown types travel as text.
 * datetime2(7) and time(7) keep their 100 ns digits because they are read as text (see selectSql).
 */
const MSSQL_TYPES = nativeTypeMap<MssqlType>({
  tinyint: 'integer', smallint: 'integer', int: 'integer', bigint: 'bigint',
  decimal: exactDecimal, numeric: exactDecimal,
  money: { type: 'decimal', precision: 19, scale: 4 },
  smallmoney: { type: 'decimal', precision: 10, scale: 4 },
  real: 'float', float: 'double', bit: 'boolean',
  char: characters(1), varchar: characters(1), nchar: characters(2), nvarchar: characters(2),
  text: 'text', ntext: 'text', xml: 'text', uniqueidentifier: 'uuid',
  date: 'date', time: fractional('time'),
  datetime: 'datetime', smalldatetime: 'datetime', datetime2: fractional('datetime'), datetimeoffset: fractional('timestamptz'),
  binary: 'binary', varbinary: 'binary', image: 'binary', timestamp: 'binary', rowversion: 'binary',
}, 'text');

/** SQL Server type (sys.types name, max_length in bytes, precision, scale) → canonical type. */
export function canonicalFromMssql(typeName: string, maxLength: number, precision: number, scale: number): Mapped {
  return MSSQL_TYPES(typeName.toLowerCase(), { maxLength, precision, scale });
}

function mssqlDecimal(c: Column): string {
  if (c.precision !== undefined && c.precision > 38) {
    throw new ExNodeError('UNSUPPORTED', msg('connectors.decimalTooWide', { name: c.name, precision: c.precision ?? 0 }));
  }
  return `DECIMAL(${c.precision ?? 38},${c.scale ?? (c.precision === undefined ? 10 : 0)})`;
}

/** Canonical type → SQL Server column DDL; Unicode (NVARCHAR) for all text. */
export const mssqlTypeFor = ddlTypeMap({
  integer: 'INT', bigint: 'BIGINT', decimal: mssqlDecimal, float: 'REAL', double: 'FLOAT', boolean: 'BIT',
  string: (c) => (c.length !== undefined && c.length <= 4000 ? `NVARCHAR(${c.length})` : c.primaryKey ? 'NVARCHAR(450)' : 'NVARCHAR(MAX)'),
  text: 'NVARCHAR(MAX)', json: 'NVARCHAR(MAX)', uuid: 'UNIQUEIDENTIFIER',
  date: 'DATE', time: 'TIME(7)', datetime: 'DATETIME2(7)', timestamptz: 'DATETIMEOFFSET(7)',
  binary: (c) => (c.primaryKey ? 'VARBINARY(900)' : 'VARBINARY(MAX)'),
});

/**
 * The select expression of a column: temporal and exact numeric types are converted to text inside
 * SQL Server, because the driver would hand them over as JavaScript Dates (milliseconds) and numbers.
 */
export function mssqlSelect(c: Column, quoted: string): string {
  switch (c.type) {
    case 'date': return `CONVERT(VARCHAR(10), ${quoted}, 23) AS ${quoted}`;
    case 'time': return `CONVERT(VARCHAR(16), ${quoted}, 114) AS ${quoted}`;
    case 'datetime': return `CONVERT(VARCHAR(27), ${quoted}, 121) AS ${quoted}`;
    case 'timestamptz': return `CONVERT(VARCHAR(34), SWITCHOFFSET(${quoted}, '+00:00'), 127) AS ${quoted}`;
    case 'decimal': return `CONVERT(VARCHAR(50), ${quoted}) AS ${quoted}`;
    case 'bigint': return `CONVERT(VARCHAR(20), ${quoted}) AS ${quoted}`;
    case 'uuid': return `LOWER(CONVERT(VARCHAR(36), ${quoted})) AS ${quoted}`;
    default: return quoted;
  }
}

export function fromMssql(c: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  return c.type === 'boolean' ? v === true || v === 1 : fromDriverText(c.type, v);
}

export function toMssql(c: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (c.type === 'boolean') return v === true || v === 1 || v === '1';
  if (c.type === 'datetime' && typeof v === 'string') return v.replace('T', ' ');
  return v;
}
