import fs from 'node:fs';
import path from 'node:path';
import { ExNodeError, msg } from '../../shared/index.js';

const LOCK_FILE = 'serve.lock';
/** Data directories this process serves (a lock file with our own pid is ours only if listed here). */
const held = new Set<string>();

/**
 * One running node per data directory (`exnode serve` and the desktop shell's engine alike): a lock
 * file holding the process id, taken over when that process is gone. Returns its release.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, LOCK_FILE);
  if (held.has(file)) throw new ExNodeError('CONFLICT', msg('auth.instanceRunning', { pid: process.pid }));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      held.add(file);
      return () => {
        held.delete(file);
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(fs.readFileSync(file, 'utf8'));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new ExNodeError('CONFLICT', msg('auth.instanceRunning', { pid }));
      fs.rmSync(file, { force: true });
    }
  }
  throw new ExNodeError('CONFLICT', msg('auth.instanceRunning', { pid: '?' }));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
