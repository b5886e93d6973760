// `current` and `next` are the fields of a password change.
const SECRET_KEYS = /pass(word)?|secret|token|key$|^current$|^next$/i;

/** A copy of `value` with every secret-looking field replaced, fit for logs and the audit trail. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEYS.test(k) && k !== 'passwordEnv' && typeof v === 'string' ? '***' : redactSecrets(v),
      ]),
    );
  }
  return value;
}
