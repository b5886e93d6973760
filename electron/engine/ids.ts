import crypto from 'node:crypto';

/** A short random id with a readable prefix (`run_…`, `brg_…`). */
export function newId(prefix: string): string {
  return `${prefix}_${crypto.randomUUID().replace(/-/g, '').slice(0, 20)}`;
}
