export function nowIso(): string {
  return new Date().toISOString();
}

/** Canonical datetime (no zone) for the node's own UTC timestamps in business and exchange tables. */
export function utcNow(): string {
  return new Date().toISOString().replace('T', ' ').replace('Z', '');
}
