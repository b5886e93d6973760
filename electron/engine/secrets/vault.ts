import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ExNodeError, msg } from '../../../shared/index.js';

const KEY_FILE = 'credential.key';
const VERSION = 'v1';

/**
 * Encrypts connection passwords at rest with AES-256-GCM. The key lives in a file readable only by
 * the service account (headless); the desktop shell may instead hand over a key kept by the OS
 * keychain (safeStorage) through EXNODE_CREDENTIAL_KEY.
 */
export class Vault {
  private constructor(private readonly key: Buffer) {}

  static open(dataDir: string): Vault {
    const fromEnv = process.env.EXNODE_CREDENTIAL_KEY;
    if (fromEnv) {
      const key = Buffer.from(fromEnv, 'base64');
      if (key.length !== 32) throw new ExNodeError('INVALID_INPUT', msg('engine.keyEnvLength', { variable: 'EXNODE_CREDENTIAL_KEY' }));
      return new Vault(key);
    }
    const file = path.join(dataDir, KEY_FILE);
    if (!fs.existsSync(file)) {
      fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new ExNodeError('INTERNAL', msg('engine.keyFileDamaged', { file }));
    return new Vault(key);
  }

  encrypt(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
  }

  decrypt(sealed: string): string {
    const [version, iv, tag, data] = sealed.split(':');
    if (version !== VERSION || !iv || !tag || data === undefined) {
      throw new ExNodeError('INTERNAL', msg('engine.credentialFormat'));
    }
    try {
      const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new ExNodeError('INTERNAL', msg('engine.credentialUndecryptable'));
    }
  }

  /** A keyed hash for masking (脱敏): the same input always gives the same token on this node. */
  hmac(algorithm: 'sha256' | 'sm3', value: string): string {
    return crypto.createHmac(algorithm, this.key).update(value, 'utf8').digest('hex');
  }
}
