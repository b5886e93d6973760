import type { CanonicalType } from '../../shared/index.js';
import { canonicalDateTime, canonicalInstant, canonicalTime } from './values.js';

/** The date-time types whose values every dialect reads as text. */
export type TemporalType = 'datetime' | 'time' | 'timestamptz';

/** A driver's date-time text → canonical text. */
export function canonicalTemporal(type: TemporalType, text: string): string {
  return type === 'datetime' ? canonicalDateTime(text) : type === 'timestamptz' ? canonicalInstant(text) : canonicalTime(text);
}

/** Bytes as the driver gave them, or the UTF-8 bytes of their text. */
export function driverBytes(v: unknown): Buffer {
  return Buffer.isBuffer(v) ? v : Buffer.from(String(v));
}

/**
 * A value (not null) from a driver that hands over exact numbers and date-times as text: SQL Server
 * (converted in the select list) and Oracle (session formats). Numbers become numbers, the rest text.
 */
export function fromDriverText(type: CanonicalType, v: unknown): unknown {
  switch (type) {
    case 'integer':
    case 'float':
    case 'double': return Number(v);
    case 'datetime':
    case 'time':
    case 'timestamptz': return canonicalTemporal(type, String(v));
    case 'binary': return driverBytes(v);
    default: return String(v);
  }
}
