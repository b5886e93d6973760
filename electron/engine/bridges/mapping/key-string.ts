/** Between the parts of a composite key: a control character no number, date or ordinary text holds. */
const SEP = '\u0001';
/** First character of the length-prefixed form, which no SEP-joined form starts with. */
const PREFIXED = '\u0002';

/**
 * A stable string for a key tuple, equal for equal canonical values whatever the driver's JS type,
 * and different for different tuples whatever characters the values hold.
 */
export function keyString(values: readonly unknown[]): string {
  // Most keys are one column: no array and no join for them (this runs for every row a diff compares).
  if (values.length === 1) return keyPart(values[0]);
  // Composite keys run for every row of a steady-state run: parts joined by SEP make one string
  // with nothing to format. A part holding SEP (or a first part starting with PREFIXED) would make
  // that ambiguous: such tuples take the length-prefixed form, which starts with PREFIXED.
  let out = keyPart(values[0]);
  if (out.charCodeAt(0) === 2 || out.includes(SEP)) return prefixed(values);
  for (let i = 1; i < values.length; i++) {
    const part = keyPart(values[i]);
    if (part.includes(SEP)) return prefixed(values);
    out += SEP + part;
  }
  return out;
}

function prefixed(values: readonly unknown[]): string {
  let out = PREFIXED;
  for (const v of values) {
    const part = keyPart(v);
    out += `${part.length}:${part}`;
  }
  return out;
}

/** NULL is a lone NUL; text that starts with NUL gets one more, so that no text reads as NULL. */
function keyPart(v: unknown): string {
  if (v === null || v === undefined) return '\u0000';
  if (Buffer.isBuffer(v)) return v.toString('hex');
  const s = typeof v === 'string' ? v : String(v);
  return s.charCodeAt(0) === 0 ? `\u0000${s}` : s;
}
