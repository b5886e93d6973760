import os from 'node:os';
import path from 'node:path';

/** The node's data directory: `--data-dir`, then EXNODE_DATA_DIR, then the OS app-data folder. */
export function resolveDataDir(explicit?: string): string {
  if (explicit) return path.resolve(explicit);
  if (process.env.EXNODE_DATA_DIR) return path.resolve(process.env.EXNODE_DATA_DIR);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'ExNode');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'ExNode');
    default:
      return path.join(process.env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'exnode');
  }
}
