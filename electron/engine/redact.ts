/**
 * Field names whose values are secrets: passwords, tokens, keys, private material, and `current` /
 * `next`, the fields of a password change.
 */
const SECRET_KEYS = /pass(word|phrase)?|secret|token|credential|key$|^current$|^next$/i;
/** Fields that only name where a secret is kept (an environment variable), not the secret itself. */
const NAMES_A_SECRET = new Set(['passwordEnv']);

/** Query parameters of a web address that carry a credential (DingTalk access_token, WeCom key, signatures). */
const SECRET_PARAMS = /^(access_?token|token|key|secret|sign|signature|sig|password|pwd|apikey|api_key)$/i;
export const MASK = '***';

/** `url` with the credentials it carries (secret query parameters, a password in user info) replaced by ***. */
export function maskUrlSecrets(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!/^https?:$/.test(parsed.protocol)) return url;
  let changed = false;
  if (parsed.password) {
    parsed.password = MASK;
    changed = true;
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (SECRET_PARAMS.test(name)) {
      parsed.searchParams.set(name, MASK);
      changed = true;
    }
  }
  return changed ? parsed.toString() : url;
}

/** `text` with the credentials of every web address in it masked (error messages that quote an address). */
export function maskUrlsIn(text: string): string {
  return text.includes('://') ? text.replace(/https?:\/\/[^\s"'<>()]+/gi, maskUrlSecrets) : text;
}

/**
 * The address to store when a client sends back a masked one (`maskUrlSecrets`): the stored
 * credentials go back in only for the same scheme, host, port and path; anywhere else they must be typed.
 */
export function unmaskUrl(next: string, stored: string | undefined): string | null {
  if (!next.includes(MASK)) return next;
  if (!stored) return null;
  const a = new URL(next);
  const b = new URL(stored);
  if (a.origin !== b.origin || a.pathname !== b.pathname || a.username !== b.username) return null;
  if (a.password === MASK) a.password = b.password;
  for (const [name, value] of [...a.searchParams]) {
    if (value !== MASK) continue;
    const kept = b.searchParams.get(name);
    if (kept === null) return null;
    a.searchParams.set(name, kept);
  }
  return a.toString().includes(MASK) ? null : a.toString();
}

/** A copy of `value` with every secret-looking field replaced, fit for logs and the audit trail. */
export function redactSecrets(value: unknown): unknown {
  if (typeof value === 'string') return maskUrlsIn(value);
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEYS.test(k) && !NAMES_A_SECRET.has(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') ? '***' : redactSecrets(v),
      ]),
    );
  }
  return value;
}
