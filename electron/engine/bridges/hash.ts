import crypto from 'node:crypto';

/**
 * Hash of a row's business values, in column order. Values are canonical (see shared/types.ts),
 * so the same row read from any dialect hashes the same.
 */
export function rowHash(values: readonly unknown[]): string {
  const h = crypto.createHash('sha1');
  for (const v of values) {
    if (v === null || v === undefined) h.update('\u0000N');
    else if (Buffer.isBuffer(v)) h.update('\u0000B').update(v);
    else h.update('\u0000S').update(typeof v === 'string' ? v : String(v));
  }
  return h.digest('hex');
}
