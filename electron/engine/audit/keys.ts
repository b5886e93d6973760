import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ExNodeError, msg } from '../../../shared/index.js';

export const AUDIT_KEY_FILE = 'audit.key';

/**
 * The key of the audit chain, kept outside the state database (like credential.key): a file only the
 * service account reads, or EXNODE_AUDIT_KEY from the desktop shell's keychain. `created` tells a
 * node's first start with keyed audit from a key file that went missing.
 */
export function loadAuditKey(dataDir: string): { key: Buffer; created: boolean } {
  const fromEnv = process.env.EXNODE_AUDIT_KEY;
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new ExNodeError('INVALID_INPUT', msg('engine.keyEnvLength', { variable: 'EXNODE_AUDIT_KEY' }));
    return { key, created: false };
  }
  const file = path.join(dataDir, AUDIT_KEY_FILE);
  let created = false;
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    created = true;
  }
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new ExNodeError('INTERNAL', msg('engine.keyFileDamaged', { file }));
  return { key, created };
}
