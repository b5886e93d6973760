import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ExNodeError } from '../../shared/index.js';
import { Vault } from '../../electron/engine/secrets/vault.js';
import { applyMask } from '../../electron/engine/bridges/mapping/masks.js';
import { tempDir } from '../support/temp.js';

/** The key 00 01 02 … 1f; expected digests computed independently with `openssl dgst -mac HMAC`. */
const KNOWN_KEY = Buffer.from(Array.from({ length: 32 }, (_, i) => i)).toString('base64');
const ID = '110101199001011234';
const HMAC_SHA256_ID = '9eca5e4d488b47c089b62979f16829741295310f371c5a80216f78b9e4113abb';
const HMAC_SM3_ID = '9e4502d2c9cc623b8c873209f25c0f47723e045f79a2cf342a0252e92babf097';
const HMAC_SHA256_NAME = 'f816bf03f906c81a577a6e55c71fb0f25258befe2deafb9334b12c0a9a74d804';

function withKey<T>(key: string | undefined, work: () => T): T {
  const before = process.env.EXNODE_CREDENTIAL_KEY;
  if (key === undefined) delete process.env.EXNODE_CREDENTIAL_KEY;
  else process.env.EXNODE_CREDENTIAL_KEY = key;
  try {
    return work();
  } finally {
    if (before === undefined) delete process.env.EXNODE_CREDENTIAL_KEY;
    else process.env.EXNODE_CREDENTIAL_KEY = before;
  }
}

describe('the credential vault', () => {
  const dirs: { remove(): void }[] = [];
  const dir = () => {
    const t = tempDir('exnode-vault-');
    dirs.push(t);
    return t.dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

  it('computes HMAC-SHA256 and HMAC-SM3 as the standard defines them', () => {
    const vault = withKey(KNOWN_KEY, () => Vault.open(dir()));
    expect(vault.hmac('sha256', ID)).toBe(HMAC_SHA256_ID);
    expect(vault.hmac('sm3', ID)).toBe(HMAC_SM3_ID);
    expect(vault.hmac('sha256', '张三')).toBe(HMAC_SHA256_NAME);
  });

  it('masks by hash with the node key: the token is the known HMAC of the value', () => {
    const vault = withKey(KNOWN_KEY, () => Vault.open(dir()));
    const hmac = vault.hmac.bind(vault);
    expect(applyMask({ kind: 'hash', algorithm: 'sha256' }, ID, hmac)).toBe(HMAC_SHA256_ID);
    expect(applyMask({ kind: 'hash', algorithm: 'sm3' }, ID, hmac)).toBe(HMAC_SM3_ID);
  });

  it('decrypts what it encrypted, with a fresh nonce each time', () => {
    const vault = withKey(undefined, () => Vault.open(dir()));
    for (const secret of ['', 'p@ss:word', '口令😀'.repeat(50)]) {
      const a = vault.encrypt(secret);
      expect(a).not.toContain(secret || '\u0000');
      expect(vault.encrypt(secret)).not.toBe(a);
      expect(vault.decrypt(a)).toBe(secret);
    }
  });

  it('keeps its key in a file only its owner can read, and uses it again when reopened', () => {
    const d = dir();
    const sealed = withKey(undefined, () => Vault.open(d)).encrypt('again');
    const file = path.join(d, 'credential.key');
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(withKey(undefined, () => Vault.open(d)).decrypt(sealed)).toBe('again');
  });

  it('detects a tampered ciphertext, tag or nonce, and a different key', () => {
    const vault = withKey(undefined, () => Vault.open(dir()));
    const sealed = vault.encrypt('the password');
    const [version, iv, tag, data] = sealed.split(':') as [string, string, string, string];
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0]! ^= 1;
      return bytes.toString('base64');
    };
    for (const bad of [
      [version, iv, tag, flip(data)], [version, iv, flip(tag), data], [version, flip(iv), tag, data], ['v0', iv, tag, data],
    ]) {
      expect(() => vault.decrypt(bad.join(':'))).toThrow(ExNodeError);
    }
    const other = withKey(undefined, () => Vault.open(dir()));
    expect(() => other.decrypt(sealed)).toThrow(/cannot be decrypted/);
  });

  it('refuses a key of the wrong size', () => {
    expect(() => withKey(Buffer.alloc(16).toString('base64'), () => Vault.open(dir()))).toThrow(/32 bytes/);
  });
});
