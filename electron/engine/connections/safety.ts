import fs from 'node:fs';
import path from 'node:path';
import { ExNodeError, msg, type ConnectionConfig } from '../../../shared/index.js';

/** The only environment variables a connection may take its password from: never the engine's own (keys, session secrets). */
export const PASSWORD_ENV = /^EXNODE_PW_[A-Za-z0-9_]+$/;

/** Folders of the data directory a SQLite connection may use (`files/` for the department's files, `demo/` for the demo). */
const USER_FOLDERS = ['files', 'demo'];

/**
 * Refuses a connection that would reach the node's own files (state database, key files, audit
 * checkpoint, exchange internals: everything in the data directory outside files/ and demo/), or
 * that reads a password from a variable other than EXNODE_PW_*. The node's exchange database itself is exempt.
 */
export function checkConnectionSafety(config: ConnectionConfig, dataDir: string, isExchange: boolean): void {
  if ('passwordEnv' in config && config.passwordEnv && !PASSWORD_ENV.test(config.passwordEnv)) {
    throw new ExNodeError('INVALID_INPUT', msg('connections.passwordEnvPrefix'));
  }
  if (config.dialect !== 'sqlite' || isExchange) return;
  const file = realish(path.resolve(String((config as { filename: string }).filename)));
  const root = realish(path.resolve(dataDir));
  const relative = path.relative(root, file);
  const inside = relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  if (inside && !USER_FOLDERS.includes(relative.split(path.sep)[0]!)) {
    throw new ExNodeError('PERMISSION_DENIED', msg('connections.internalFile', { file: path.basename(file) }));
  }
}

/** The path with symlinks of its existing part resolved, so a link into the data directory is seen for what it is. */
function realish(p: string): string {
  let head = p;
  const tail: string[] = [];
  while (!fs.existsSync(head)) {
    const parent = path.dirname(head);
    if (parent === head) return p;
    tail.unshift(path.basename(head));
    head = parent;
  }
  return path.join(fs.realpathSync(head), ...tail);
}

/** Whether a stored password may be used with `next`: same dialect, host, port and user as the config it was saved with. */
export function sameSecretBinding(saved: ConnectionConfig, next: ConnectionConfig): boolean {
  const key = (c: ConnectionConfig) => {
    const o = c as { dialect: string; host?: string; port?: number; user?: string; filename?: string };
    return JSON.stringify([o.dialect, (o.host ?? '').toLowerCase(), o.port ?? null, o.user ?? '', o.filename ?? '']);
  };
  return key(saved) === key(next);
}
