import type { Column } from '../../shared/index.js';
import { ExNodeError, msg } from '../../shared/index.js';
import { canonicalDateTime, canonicalInstant, canonicalTime } from '../core/values.js';

type Mapped = Pick<Column, 'type'> & Partial<Pick<Column, 'length' | 'precision' | 'scale'>>;

/**
 * SQL Server type (sys.types name, max_length in bytes, precision, scale) → canonical type.
 * datetime2(7) and time(7) keep their 100 ns digits because they are read as text (see selectSql).
 */
export function canonicalFromMssql(typeName: string, maxLength: number, precision: number, scale: number): Mapped {
  switch (typeName.toLowerCase()) {
    case 'tinyint':
    case 'smallint':
    case 'int':
      return { type: 'integer' };
    case 'bigint':
      return { type: 'bigint' };
    case 'decimal':
    case 'numeric':
      return { type: 'decimal', precision, scale };
    case 'money':
      return { type: 'decimal', precision: 19, scale: 4 };
    case 'smallmoney':
      return { type: 'decimal', precision: 10, scale: 4 };
    case 'real':
      return { type: 'float' };
    case 'float':
      return { type: 'double' };
    case 'bit':
      return { type: 'boolean' };
    case 'char':
    case 'varchar':
      return maxLength === -1 ? { type: 'text' } : { type: 'string', length: maxLength };
    case 'nchar':
    case 'nvarchar':
      return maxLength === -1 ? { type: 'text' } : { type: 'string', length: maxLength / 2 };
    case 'text':
    case 'ntext':
    case 'xml':
      return { type: 'text' };
    case 'uniqueidentifier':
      return { type: 'uuid' };
    case 'date':
      return { type: 'date' };
    case 'time':
      return { type: 'time', precision: scale };
    case 'datetime':
    case 'smalldatetime':
      return { type: 'datetime' };
    case 'datetime2':
      return { type: 'datetime', precision: scale };
    case 'datetimeoffset':
      return { type: 'timestamptz', precision: scale };
    case 'binary':
    case 'varbinary':
    case 'image':
    case 'timestamp':
    case 'rowversion':
      return { type: 'binary' };
    default:
      return { type: 'text' };
  }
}

/** Canonical type → SQL Server column DDL; Unicode (NVARCHAR) for all text. */
export function mssqlTypeFor(c: Column): string {
  switch (c.type) {
    case 'integer': return 'INT';
    case 'bigint': return 'BIGINT';
    case 'decimal': {
      if (c.precision !== undefined && c.precision > 38) {
        throw new ExNodeError('UNSUPPORTED', msg('connectors.decimalTooWide', { name: c.name, precision: c.precision ?? 0 }));
      }
      return `DECIMAL(${c.precision ?? 38},${c.scale ?? (c.precision === undefined ? 10 : 0)})`;
    }
    case 'float': return 'REAL';
    case 'double': return 'FLOAT';
    case 'boolean': return 'BIT';
    case 'string': return c.length !== undefined && c.length <= 4000 ? `NVARCHAR(${c.length})` : c.primaryKey ? 'NVARCHAR(450)' : 'NVARCHAR(MAX)';
    case 'text': return 'NVARCHAR(MAX)';
    case 'json': return 'NVARCHAR(MAX)';
    case 'uuid': return 'UNIQUEIDENTIFIER';
    case 'date': return 'DATE';
    case 'time': return 'TIME(7)';
    case 'datetime': return 'DATETIME2(7)';
    case 'timestamptz': return 'DATETIMEOFFSET(7)';
    case 'binary': return c.primaryKey ? 'VARBINARY(900)' : 'VARBINARY(MAX)';
  }
}

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
  switch (c.type) {
    case 'integer':
    case 'float':
    case 'double': return Number(v);
    case 'boolean': return v === true || v === 1;
    case 'datetime': return canonicalDateTime(String(v));
    case 'time': return canonicalTime(String(v));
    case 'timestamptz': return canonicalInstant(String(v));
    case 'binary': return Buffer.isBuffer(v) ? v : Buffer.from(String(v));
    default: return String(v);
  }
}

export function toMssql(c: Column, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (c.type === 'boolean') return v === true || v === 1 || v === '1';
  if (c.type === 'datetime' && typeof v === 'string') return v.replace('T', ' ');
  return v;
}
