import crypto from 'node:crypto';
import { ExNodeError, msg } from '../../../shared/index.js';
import { loadOrCreateKey } from './key-file.js';

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
    const { key } = loadOrCreateKey(dataDir, KEY_FILE, 'EXNODE_CREDENTIAL_KEY');
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
