import type { Column } from '../../../../shared/index.js';

/**
 * Keys column by column: `keys[c][i]` is part c of the i-th key. A merge compares every row of a
 * table: no array is built per key.
 */
export type KeyColumns = readonly (readonly unknown[])[];

/** Negative, zero or positive as key `i` of `a` orders before, with or after key `j` of `b`; NaN when the two cannot be ordered. */
export type KeyOrder = (a: KeyColumns, i: number, b: KeyColumns, j: number) => number;

/** Key types whose canonical values this module orders: numbers and dates, which every database orders alike. */
export const ORDERED_KEY_TYPES: ReadonlySet<Column['type']> = new Set<Column['type']>(['integer', 'bigint', 'decimal', 'date', 'datetime']);

type PartOrder = (a: unknown, b: unknown) => number;

/**
 * The order of canonical key tuples of these columns, part by part, as a database orders them by
 * value (not by text: '10' after '9'). Any value not in its canonical form (a NULL, a number in a date
 * column, malformed decimal text) compares as NaN, so a caller falls back instead of trusting an order.
 */
export function keyOrder(columns: readonly Pick<Column, 'type'>[]): KeyOrder | null {
  if (!columns.every((c) => ORDERED_KEY_TYPES.has(c.type))) return null;
  const parts = columns.map((c): PartOrder => (c.type === 'date' || c.type === 'datetime' ? compareTemporal : compareNumeric));
  if (parts.length === 1) {
    const only = parts[0]!;
    return (a, i, b, j) => only(a[0]![i], b[0]![j]);
  }
  return (a, i, b, j) => {
    for (let c = 0; c < parts.length; c++) {
      const d = parts[c]!(a[c]![i], b[c]![j]);
      if (d !== 0) return d;
    }
    return 0;
  };
}

/** Whether each of the first `count` keys orders strictly after the one before it. */
export function strictlyIncreasing(keys: KeyColumns, count: number, order: KeyOrder): boolean {
  for (let i = 1; i < count; i++) if (!(order(keys, i - 1, keys, i) < 0)) return false;
  return true;
}

/** Canonical date and datetime text is fixed-width up to an optional fraction, so text order is time order. */
function compareTemporal(a: unknown, b: unknown): number {
  if (typeof a !== 'string' || typeof b !== 'string') return NaN;
  if (a === b) return 0;
  return a < b ? -1 : a > b ? 1 : 0;
}

const DECIMAL = /^(-?)0*(\d*?)(?:\.(\d*?)0*)?$/;

/** Integers (numbers), bigints and decimals (exact text), by value. */
function compareNumeric(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN;
  // Bigint keys (text) are most often plain positive integers: ordered by length, then text.
  if (typeof a === 'string' && typeof b === 'string' && plainInteger(a) && plainInteger(b)) {
    if (a === b) return 0;
    return a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0;
  }
  return compareDecimalText(numericText(a), numericText(b));
}

/** Digits only, without a leading zero (except '0' itself). */
function plainInteger(s: string): boolean {
  const n = s.length;
  if (n === 0 || (n > 1 && s.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function numericText(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
  return null;
}

/** Two decimal texts by value; NaN when either is not plain decimal text. */
export function compareDecimalText(a: string | null, b: string | null): number {
  const x = a === null ? null : DECIMAL.exec(a);
  const y = b === null ? null : DECIMAL.exec(b);
  if (!x || !y || !/\d/.test(a!) || !/\d/.test(b!)) return NaN;
  const xi = x[2]!, yi = y[2]!, xf = x[3] ?? '', yf = y[3] ?? '';
  const xZero = xi === '' && xf === '', yZero = yi === '' && yf === '';
  const xSign = xZero ? 0 : x[1] ? -1 : 1;
  const ySign = yZero ? 0 : y[1] ? -1 : 1;
  if (xSign !== ySign) return xSign < ySign ? -1 : 1;
  if (xSign === 0) return 0;
  const magnitude = xi.length !== yi.length ? xi.length - yi.length : xi < yi ? -1 : xi > yi ? 1 : xf < yf ? -1 : xf > yf ? 1 : 0;
  return xSign * Math.sign(magnitude);
}
