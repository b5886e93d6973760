import type { Column } from '../../shared/index.js';

/** Canonical types whose text never holds a tab, a line break, a backslash or NUL: their fields need no escaping. */
const PLAIN_TYPES = new Set<Column['type']>(['integer', 'bigint', 'decimal', 'float', 'double', 'boolean', 'date', 'time', 'datetime', 'timestamptz', 'uuid']);

/** Whether a value of `column` may contain characters a tab-separated field must escape. */
export function mayNeedEscaping(column: Column): boolean {
  return !PLAIN_TYPES.has(column.type);
}

/** One value of one column as a field of tab-separated text. */
export type FieldEncoder = (value: unknown) => string;

/**
 * The encoder of a column, decided once per load instead of once per value. With `passThrough` (the
 * driver leaves this column's strings and numbers as they are) a string is written as it is, escaped
 * where the column's text may need it, and a number as its digits; anything else (NULL, a boolean,
 * bytes...) goes through `general`. Without it, every value does.
 */
export function fieldEncoder(
  column: Column, general: FieldEncoder, options: { passThrough: boolean; needsEscape: RegExp; escape: (text: string) => string },
): FieldEncoder {
  if (!options.passThrough) return general;
  const { needsEscape, escape } = options;
  if (!mayNeedEscaping(column)) return (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : general(v));
  return (v) => (typeof v === 'string' ? (needsEscape.test(v) ? escape(v) : v) : typeof v === 'number' ? String(v) : general(v));
}

/** Bytes per chunk: the server parses the first rows while the next ones are still being encoded. */
const CHUNK_BYTES = 128 * 1024;
/** A JavaScript string takes at most this many UTF-8 bytes per UTF-16 code unit. */
const MAX_UTF8_PER_UNIT = 3;
const LINE_FEED = 0x0a;

/**
 * Rows as a tab-separated text stream (PostgreSQL COPY, MySQL LOAD DATA), in chunks of whole lines;
 * `encoders` has one per column. Each line is encoded straight into the chunk's buffer: a string of
 * a whole chunk would be flattened and then transcoded, twice the work and twice the garbage.
 */
export function* tabSeparatedChunks(encoders: readonly FieldEncoder[], rows: readonly (readonly unknown[])[]): Generator<Buffer> {
  const width = encoders.length;
  // Joined from one reused array, a line is a single flat string (not a chain of concatenations).
  const fields = new Array<string>(width);
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  for (const row of rows) {
    for (let i = 0; i < width; i++) fields[i] = encoders[i]!(row[i]);
    const line = fields.join('\t');
    if (chunk.length - used <= line.length * MAX_UTF8_PER_UNIT) {
      if (used > 0) {
        yield chunk.subarray(0, used);
        chunk = Buffer.allocUnsafe(CHUNK_BYTES);
        used = 0;
      }
      // A line longer than a chunk (a document) goes on its own, in a buffer of its exact size.
      if (line.length * MAX_UTF8_PER_UNIT >= CHUNK_BYTES) {
        yield Buffer.from(`${line}\n`, 'utf8');
        continue;
      }
    }
    used += chunk.write(line, used, 'utf8');
    chunk[used++] = LINE_FEED;
  }
  if (used > 0) yield chunk.subarray(0, used);
}
