import type { Column } from '../../shared/index.js';

/** Canonical types whose text never holds a tab, a line break, a backslash or NUL: their fields need no escaping. */
const PLAIN_TYPES = new Set<Column['type']>(['integer', 'bigint', 'decimal', 'float', 'double', 'boolean', 'date', 'time', 'datetime', 'timestamptz', 'uuid']);

/** Whether a value of `column` may contain characters a tab-separated field must escape. */
export function mayNeedEscaping(column: Column): boolean {
  return !PLAIN_TYPES.has(column.type);
}

/** A chunk ends after this many rows or characters: the server parses the first rows while the next ones are still being encoded. */
const CHUNK_ROWS = 500;
const CHUNK_CHARS = 1 << 20;

/**
 * Rows as a tab-separated text stream (PostgreSQL COPY, MySQL LOAD DATA), in chunks of whole lines.
 * `field` encodes one value of a column (NULL marker, escapes, binary form).
 */
export function* tabSeparatedChunks(
  columns: readonly Column[], rows: readonly (readonly unknown[])[], field: (column: Column, value: unknown) => string,
): Generator<Buffer> {
  let text = '';
  let lines = 0;
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) {
      if (i > 0) text += '\t';
      text += field(columns[i]!, row[i]);
    }
    text += '\n';
    if (++lines === CHUNK_ROWS || text.length >= CHUNK_CHARS) {
      yield Buffer.from(text, 'utf8');
      text = '';
      lines = 0;
    }
  }
  if (text.length > 0) yield Buffer.from(text, 'utf8');
}
