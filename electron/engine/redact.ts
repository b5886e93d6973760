import { MASK, maskWebhookUrl } from '../../shared/index.js';

/**
 * Field names whose values are secrets: passwords, tokens, keys, private material, and `current` /
 * `next`, the fields of a password change.
 */
const SECRET_KEYS = /pass(word|phrase)?|secret|token|credential|key$|^current$|^next$/i;
/** Fields that only name where a secret is kept (an environment variable), not the secret itself. */
const NAMES_A_SECRET = new Set(['passwordEnv']);

/** `text` with the credentials of every web address in it masked (error messages that quote an address). */
export function maskUrlsIn(text: string): string {
  return text.includes('://') ? text.replace(/https?:\/\/[^\s"'<>()]+/gi, maskWebhookUrl) : text;
}

/**
 * The address to store when a client sends back a masked one (`maskWebhookUrl`): the stored
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
        SECRET_KEYS.test(k) && !NAMES_A_SECRET.has(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') ? MASK : redactSecrets(v),
      ]),
    );
  }
  return value;
}
