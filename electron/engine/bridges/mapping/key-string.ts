/**
 * A stable string for a key tuple, equal for equal canonical values whatever the driver's JS type,
 * and different for different tuples whatever characters the values hold.
 */
export function keyString(values: readonly unknown[]): string {
  // Most keys are one column: no array and no join for them (this runs for every row a diff compares).
  if (values.length === 1) return keyPart(values[0]);
  let out = '';
  for (const v of values) {
    const part = keyPart(v);
    out += `${part.length}:${part}`;
  }
  return out;
}

function keyPart(v: unknown): string {
  if (v === null || v === undefined) return '\u0000';
  if (Buffer.isBuffer(v)) return v.toString('hex');
  const s = String(v);
  // Text that starts with NUL gets one more, so that no text reads as NULL.
  return s.charCodeAt(0) === 0 ? `\u0000${s}` : s;
}
