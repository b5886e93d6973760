import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../electron/engine/redact.js';

describe('redactSecrets', () => {
  it('replaces passwords, tokens and keys at any depth, in objects and arrays', () => {
    const input = {
      config: { name: 'biz', host: 'db.example', password: 'S3cret!', tls: { ca: 'PEM', privateKey: 'KEY' } },
      tokens: [{ token: 'abc' }, { apiKey: 'xyz', clientSecret: 'q' }],
      passphrase: 'open sesame',
    };
    expect(redactSecrets(input)).toEqual({
      config: { name: 'biz', host: 'db.example', password: '***', tls: { ca: 'PEM', privateKey: '***' } },
      tokens: [{ token: '***' }, { apiKey: '***', clientSecret: '***' }],
      passphrase: '***',
    });
  });
  it('redacts a numeric password too (a form may send digits as a number)', () => {
    expect(redactSecrets({ password: 123456 })).toEqual({ password: '***' });
  });
  it('keeps the name of the environment variable that holds a password, and ordinary fields', () => {
    const input = { passwordEnv: 'BIZ_DB_PASSWORD', primaryKey: true, keyColumns: ['id'], rows: 10, note: null };
    expect(redactSecrets(input)).toEqual(input);
  });
  it('leaves the input untouched', () => {
    const input = { password: 'p' };
    redactSecrets(input);
    expect(input.password).toBe('p');
  });
});
