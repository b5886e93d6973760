import fs from 'node:fs';
import path from 'node:path';

/**
 * Makes the data directory private to the service account: the directory 0700, every file in it
 * 0600 (state and exchange databases hold citizens' data; key files, the audit checkpoint). Returns
 * what it had to fix, for a log line. New files are created private through the process umask.
 */
export function privateDataDir(dataDir: string): string[] {
  if (process.platform === 'win32') return [];
  process.umask(0o077);
  const fixed: string[] = [];
  const tighten = (p: string, mode: number) => {
    try {
      const current = fs.statSync(p).mode & 0o777;
      if ((current & ~mode) === 0) return;
      fs.chmodSync(p, mode);
      fixed.push(`${path.relative(dataDir, p) || '.'} ${current.toString(8)}→${mode.toString(8)}`);
    } catch (error) {
      if (!isGone(error)) throw error;
    }
  };
  tighten(dataDir, 0o700);
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      if (isGone(error)) return;
      throw error;
    }
    for (const entry of entries) {
      const p = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) {
        tighten(p, 0o700);
        walk(p);
      } else if (entry.isFile()) tighten(p, 0o600);
    }
  };
  walk(dataDir);
  return fixed;
}

/**
 * Another process of the node may move or remove a file between the listing and the look at it (a
 * key or the audit checkpoint is written aside and renamed into place): that file is not there to tighten.
 */
function isGone(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}
