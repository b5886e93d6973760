/**
 * The last line of defence of the diagnostics bundle: every secret the node knows (connection
 * passwords, keys) is searched for in every byte that leaves, in the forms it could have been written
 * in (as is, JSON-escaped, URL-encoded, base64), and replaced. Secrets shorter than MIN_SECRET would
 * erase ordinary text; they cannot be told from it and are left to the field-level redaction.
 */
export const MIN_SECRET = 4;
const MASK = '***';

export function secretForms(secret: string): string[] {
  const forms = new Set([
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    Buffer.from(secret, 'utf8').toString('base64').replace(/=+$/, ''),
  ]);
  return [...forms].filter((form) => form.length >= MIN_SECRET).sort((a, b) => b.length - a.length);
}

export class SecretScrubber {
  private readonly forms: Buffer[];

  constructor(secrets: Iterable<string | undefined | null>) {
    const unique = new Set<string>();
    for (const secret of secrets) if (secret && secret.length >= MIN_SECRET) for (const form of secretForms(secret)) unique.add(form);
    this.forms = [...unique].sort((a, b) => b.length - a.length).map((form) => Buffer.from(form, 'utf8'));
  }

  get size(): number {
    return this.forms.length;
  }

  scrub(data: Buffer): Buffer {
    let out = data;
    for (const form of this.forms) {
      if (out.indexOf(form) < 0) continue;
      const parts: Buffer[] = [];
      let from = 0;
      for (let at = out.indexOf(form); at >= 0; at = out.indexOf(form, from)) {
        parts.push(out.subarray(from, at), Buffer.from(MASK));
        from = at + form.length;
      }
      parts.push(out.subarray(from));
      out = Buffer.concat(parts);
    }
    return out;
  }
}
