/**
 * Canonical text of date/time values, the same whatever database they came from: fractional seconds
 * without trailing zeros ('12:00:00.5', not '12:00:00.500000'), a space between date and time, and
 * UTC instants as ISO-8601 with 'Z'. Equal instants must hash equal across dialects.
 */
export function canonicalTime(text: string): string {
  const m = /^(\d{2}:\d{2}:\d{2})(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  return fraction ? `${m[1]}.${fraction}` : m[1]!;
}

/** 'YYYY-MM-DD HH:MM:SS' followed by '.' and digits, or nothing: how most servers send a date-time. */
const PLAIN_DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)?$/;

export function canonicalDateTime(text: string): string {
  // Runs for every date-time of every row: the usual shape only loses trailing zeros, without a match object.
  if (PLAIN_DATETIME.test(text)) return trimFraction(text, 19);
  const m = /^(-?\d{4,}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)$/.exec(text);
  return m ? `${m[1]} ${canonicalTime(m[2]!)}` : text;
}

/** `text` without the trailing zeros of its fraction (which starts at `dot`), and without the dot if nothing is left. */
function trimFraction(text: string, dot: number): string {
  let end = text.length;
  while (end > dot + 1 && text.charCodeAt(end - 1) === 48) end--;
  if (end === dot + 1) end = dot;
  return end === text.length ? text : text.slice(0, end);
}

/** Any ISO-like instant with an offset or 'Z' → 'YYYY-MM-DDTHH:MM:SS[.f]Z' in UTC, keeping microseconds. */
export function canonicalInstant(text: string): string {
  const m = /^(-?\d{4,}-\d{2}-\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(text.trim());
  if (!m) return text;
  const [, date, hh, mm, ss, fraction = '', zone = 'Z'] = m;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    offsetMinutes = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0));
  }
  let iso = `${date}T${hh}:${mm}:${ss}`;
  if (offsetMinutes !== 0) {
    const shifted = new Date(Date.parse(`${iso}Z`) - offsetMinutes * 60_000).toISOString();
    iso = shifted.slice(0, 19);
  }
  const frac = fraction.replace(/0+$/, '');
  return `${iso}${frac ? `.${frac}` : ''}Z`;
}
