import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where `exnode login` keeps its token for one data directory: under the OS user's config folder
 * (XDG_CONFIG_HOME, else ~/.config; %APPDATA% on Windows), a folder 0700 and a file 0600.
 */
export function tokenFileFor(dataDir: string): string {
  const base = process.platform === 'win32'
    ? (process.env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'))
    : (process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'));
  const id = crypto.createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 24);
  return path.join(base, 'exnode', 'tokens', id);
}

/** The CLI's login token for a node: EXNODE_TOKEN, else the file `exnode login` wrote. */
export function readCliToken(dataDir: string): string | undefined {
  if (process.env.EXNODE_TOKEN) return process.env.EXNODE_TOKEN;
  try {
    return fs.readFileSync(tokenFileFor(dataDir), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export function writeCliToken(dataDir: string, token: string): string {
  const file = tokenFileFor(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.chmodSync(path.dirname(file), 0o700);
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, token, { mode: 0o600, flag: 'wx' });
  return file;
}

export function removeCliToken(dataDir: string): void {
  fs.rmSync(tokenFileFor(dataDir), { force: true });
}
