import { loadOrCreateKey } from '../secrets/key-file.js';

export const AUDIT_KEY_FILE = 'audit.key';

/**
 * The key of the audit chain, kept outside the state database (like credential.key): a file only the
 * service account reads, or EXNODE_AUDIT_KEY from the desktop shell's keychain. `created` tells a
 * node's first start with keyed audit from a key file that went missing.
 */
export function loadAuditKey(dataDir: string): { key: Buffer; created: boolean } {
  return loadOrCreateKey(dataDir, AUDIT_KEY_FILE, 'EXNODE_AUDIT_KEY');
}
