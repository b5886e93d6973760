import { maskWebhookUrl } from '../../shared/index.js';

/**
 * Field names whose values are secrets: passwords, tokens, keys, private material, and `current` /
 * `next`, the fields of a password change.
 */
const SECRET_KEYS = /pass(word|phrase)?|secret|token|credential|key$|^current$|^next$/i;
/** Fields that only name where a secret is kept (an environment variable), not the secret itself. */
const NAMES_A_SECRET = new Set(['passwordEnv']);

/** A copy of `value` with every secret-looking field replaced, fit for logs and the audit trail. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEYS.test(k) && !NAMES_A_SECRET.has(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') ? '***'
          : typeof v === 'string' && /^https?:\/\//i.test(v) ? maskWebhookUrl(v) : redactSecrets(v),
      ]),
    );
  }
  return value;
}
