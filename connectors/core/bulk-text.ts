import type { Column } from '../../shared/index.js';

/** Rows per chunk: the server parses the first rows while the next ones are still being encoded. */
const CHUNK_ROWS = 500;

/**
 * Rows as a tab-separated text stream (PostgreSQL COPY, MySQL LOAD DATA), in chunks of whole lines.
 * `field` encodes one value of a column (NULL marker, escapes, binary form).
 */
export function* tabSeparatedChunks(
  columns: readonly Column[], rows: readonly (readonly unknown[])[], field: (column: Column, value: unknown) => string,
): Generator<Buffer> {
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    let text = '';
    const end = Math.min(rows.length, start + CHUNK_ROWS);
    for (let r = start; r < end; r++) {
      const row = rows[r]!;
      for (let i = 0; i < columns.length; i++) {
        if (i > 0) text += '\t';
        text += field(columns[i]!, row[i]);
      }
      text += '\n';
    }
    yield Buffer.from(text, 'utf8');
  }
}
