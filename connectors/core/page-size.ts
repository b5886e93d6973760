import type { Column, Row } from '../../shared/index.js';

/** About how much one page of rows may hold, so that a batch of documents or images stays bounded. */
export const PAGE_BYTES = 32 * 1024 * 1024;
/** Rows in the first page of a table with long values, before their size is known (one row may be megabytes). */
const FIRST_WIDE_PAGE = 1;
/** A page holds at most this many times the rows of the one before: sizes learned from a few rows are not trusted far. */
const MAX_GROWTH = 4;
const WIDE_TYPES = new Set<Column['type']>(['text', 'binary', 'json']);

/**
 * The number of rows to ask for in the next page of a keyset read: the batch size, unless rows are so
 * wide that a batch would hold more than PAGE_BYTES (a table of scanned documents read 5,000 rows at
 * a time would need gigabytes).
 */
export class PageSizer {
  private size: number;

  constructor(private readonly max: number, columns: readonly Column[]) {
    this.size = columns.some((c) => WIDE_TYPES.has(c.type)) ? Math.min(max, FIRST_WIDE_PAGE) : max;
  }

  get limit(): number {
    return this.size;
  }

  /** Sizes the next page from the rows of this one. */
  adjust(rows: readonly Row[]): void {
    if (rows.length === 0) return;
    const perRow = Math.max(1, sampledBytes(rows));
    this.size = Math.max(1, Math.min(this.max, rows.length * MAX_GROWTH, Math.floor(PAGE_BYTES / perRow)));
  }
}

/** Average size of a row in memory, from up to 64 rows spread over the page. */
function sampledBytes(rows: readonly Row[]): number {
  const stride = Math.max(1, Math.floor(rows.length / 64));
  let bytes = 0;
  let sampled = 0;
  for (let i = 0; i < rows.length; i += stride) {
    const row = rows[i]!;
    for (const key in row) {
      const v = row[key];
      bytes += typeof v === 'string' ? v.length * 2 : Buffer.isBuffer(v) ? v.length : 16;
    }
    sampled++;
  }
  return bytes / sampled;
}
