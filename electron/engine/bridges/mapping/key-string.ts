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
  // A number's text holds neither: only other parts are searched.
  let out = keyPart(values[0]);
  if (!isNumber(values[0]) && (out.charCodeAt(0) === 2 || out.includes(SEP))) return prefixed(values);
  for (let i = 1; i < values.length; i++) {
    const part = keyPart(values[i]);
    if (!isNumber(values[i]) && part.includes(SEP)) return prefixed(values);
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

const isNumber = (v: unknown): v is number | bigint => typeof v === 'number' || typeof v === 'bigint';

/**
 * NULL is a lone NUL; text that starts with NUL gets one more, so that no text reads as NULL.
 * Text and numbers, the usual key parts, are tested for first.
 */
function keyPart(v: unknown): string {
  if (typeof v === 'string') return v.charCodeAt(0) === 0 ? `\u0000${v}` : v;
  if (isNumber(v)) return String(v);
  if (v === null || v === undefined) return '\u0000';
  if (Buffer.isBuffer(v)) return v.toString('hex');
  const s = String(v);
  return s.charCodeAt(0) === 0 ? `\u0000${s}` : s;
}
