import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ExNodeError, msg } from '../../../shared/index.js';

/**
 * A 32-byte key kept outside the state database: from `envVariable` (the desktop shell's keychain) or
 * the data directory's `fileName`, created on first use. `created` tells a first start from a key that
 * existed. The file appears whole or not at all (written aside, then linked into place), so a process
 * killed while creating it cannot leave a damaged key that stops the node from starting; when two
 * processes create it at once, both end up with the one that was linked first.
 */
export function loadOrCreateKey(dataDir: string, fileName: string, envVariable: string): { key: Buffer; created: boolean } {
  const fromEnv = process.env[envVariable];
  if (fromEnv) {
    const key = Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new ExNodeError('INVALID_INPUT', msg('engine.keyEnvLength', { variable: envVariable }));
    return { key, created: false };
  }
  const file = path.join(dataDir, fileName);
  const created = !fs.existsSync(file) && createWhole(file);
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new ExNodeError('INTERNAL', msg('engine.keyFileDamaged', { file }));
  return { key, created };
}

function createWhole(file: string): boolean {
  const aside = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(aside, 'wx', 0o600);
  try {
    fs.writeSync(fd, crypto.randomBytes(32).toString('base64'));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.linkSync(aside, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(aside, { force: true });
  }
}
