import fs from 'node:fs';
import path from 'node:path';
import { ExNodeError, msg, type ConnectionConfig } from '../../../shared/index.js';

/** The only environment variables a connection may take its password from: never the engine's own (keys, session secrets). */
export const PASSWORD_ENV = /^EXNODE_PW_[A-Za-z0-9_]+$/;

/** Folders of the data directory a SQLite connection may use (`files/` for the department's files, `demo/` for the demo). */
const USER_FOLDERS = ['files', 'demo'];

/**
 * Characters a technician cannot see in a path (controls, zero-width and direction marks, unusual
 * spaces, fillers): a path holding one is refused rather than shown as something it is not.
 */
const HIDDEN_CHARS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u115F\u1160\u3164\uFFA0]/u;

/** Paths compare without case where the file system ignores it. */
const CASE_INSENSITIVE = process.platform === 'win32' || process.platform === 'darwin';

/**
 * The directories the system administrator allows SQLite files in, per data directory: loaded by the
 * engine at start and on change (connections/sqlite-dirs.ts), read here where connections are checked.
 */
const allowedDirs = new Map<string, readonly string[]>();

export function defaultSqliteDirs(dataDir: string): string[] {
  return [path.join(path.resolve(dataDir), 'files')];
}

export function useSqliteDirs(dataDir: string, dirs: readonly string[]): void {
  allowedDirs.set(path.resolve(dataDir), [...dirs]);
}

export function sqliteDirsOf(dataDir: string): readonly string[] {
  return allowedDirs.get(path.resolve(dataDir)) ?? defaultSqliteDirs(dataDir);
}

/**
 * Refuses a connection that would reach the node's own files (state database, key files, audit
 * checkpoint, exchange internals: everything in the data directory outside files/ and demo/), a
 * SQLite file outside the directories the system administrator allows, or a password read from a
 * variable other than EXNODE_PW_*. The exchange database is the system administrator's choice (the
 * allowed directories do not apply to it), but it is never one of the node's other files.
 */
export function checkConnectionSafety(config: ConnectionConfig, dataDir: string, isExchange: boolean): void {
  if ('passwordEnv' in config && config.passwordEnv && !PASSWORD_ENV.test(config.passwordEnv)) {
    throw new ExNodeError('INVALID_INPUT', msg('connections.passwordEnvPrefix'));
  }
  if (config.dialect !== 'sqlite') return;
  checkSqliteFile(String((config as { filename: string }).filename), dataDir, isExchange);
}

/** The embedded exchange database the node makes at first start: the one file of the data directory the exchange may be. */
const EMBEDDED_EXCHANGE = 'exchange.sqlite';

function checkSqliteFile(given: string, dataDir: string, isExchange: boolean): void {
  if (HIDDEN_CHARS.test(given)) throw new ExNodeError('FORBIDDEN', msg('security.sqliteHiddenChars', { file: visible(given) }));
  // SQLite reads `file:` names as URIs (with options such as vfs= or immutable=) when built for it: never a plain path.
  if (/^file:/i.test(given)) throw new ExNodeError('FORBIDDEN', msg('security.sqliteUri', { file: given }));
  const file = resolvedPath(path.resolve(given));
  const root = resolvedPath(path.resolve(dataDir));
  const inData = relativeInside(root, file);
  if (isExchange && inData === EMBEDDED_EXCHANGE) return;
  if (inData !== null && !USER_FOLDERS.includes(inData.split(path.sep)[0]!)) {
    throw new ExNodeError('FORBIDDEN', msg('connections.internalFile', { file: path.basename(file) }));
  }
  if (isHardLinkToNodeFile(file, root)) throw new ExNodeError('FORBIDDEN', msg('connections.internalFile', { file: path.basename(file) }));
  if (isExchange) return;
  const dirs = sqliteDirsOf(dataDir);
  const allowed = [path.join(root, 'demo'), ...dirs.map((d) => resolvedPath(path.resolve(d)))];
  if (!allowed.some((dir) => relativeInside(dir, file) !== null)) {
    throw new ExNodeError('FORBIDDEN', msg('security.sqliteOutside', { file, dirs: dirs.join('; ') }));
  }
}

/** `file` relative to `dir` when it lies inside it (or is it), else null. */
function relativeInside(dir: string, file: string): string | null {
  const fold = (p: string) => (CASE_INSENSITIVE ? p.toLowerCase() : p);
  const relative = path.relative(fold(dir), fold(file));
  if (relative === '') return '';
  return relative.startsWith('..') || path.isAbsolute(relative) ? null : relative;
}

/**
 * The path with every symbolic link of its existing part resolved (so a link into the data directory
 * is seen for what it is). A link pointing nowhere is refused: SQLite would create its target.
 */
function resolvedPath(p: string): string {
  let head = p;
  const tail: string[] = [];
  for (;;) {
    const link = lstatOrNull(head);
    if (link) {
      if (link.isSymbolicLink() && !fs.existsSync(head)) {
        throw new ExNodeError('FORBIDDEN', msg('security.sqliteDanglingLink', { file: p }));
      }
      return path.join(fs.realpathSync.native(head), ...tail);
    }
    const parent = path.dirname(head);
    if (parent === head) return p;
    tail.unshift(path.basename(head));
    head = parent;
  }
}

/** A second name (hard link) of one of the node's own files: realpath cannot see it, the inode can. */
function isHardLinkToNodeFile(file: string, root: string): boolean {
  const stat = statOrNull(file);
  if (!stat || !stat.isFile() || stat.nlink < 2) return false;
  const walk = (dir: string, depth: number): boolean => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((e) => {
      const full = path.join(dir, e.name);
      if (depth === 0 && USER_FOLDERS.includes(e.name)) return false;
      if (e.isDirectory()) return depth < 3 && walk(full, depth + 1);
      const s = e.isFile() ? statOrNull(full) : null;
      return s !== null && s.ino === stat.ino && s.dev === stat.dev;
    });
  };
  return walk(root, 0);
}

function lstatOrNull(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

/** The path with its hidden characters spelled out (\u200B), so the message shows what is there. */
export function visible(p: string): string {
  return p.replace(new RegExp(HIDDEN_CHARS.source, 'gu'), (c) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Refuses a directory the system administrator would allow if it is not an existing absolute directory, or hides characters. */
export function checkAllowedDir(dir: string): string {
  if (HIDDEN_CHARS.test(dir)) throw new ExNodeError('INVALID_INPUT', msg('security.sqliteHiddenChars', { file: visible(dir) }));
  const stat = path.isAbsolute(dir) ? statOrNull(dir) : null;
  if (!stat?.isDirectory()) throw new ExNodeError('INVALID_INPUT', msg('security.sqliteDirInvalid', { dir }));
  return path.resolve(dir);
}

/** Whether a stored password may be used with `next`: same dialect, host, port and user as the config it was saved with. */
export function sameSecretBinding(saved: ConnectionConfig, next: ConnectionConfig): boolean {
  const key = (c: ConnectionConfig) => {
    const o = c as { dialect: string; host?: string; port?: number; user?: string; filename?: string };
    return JSON.stringify([o.dialect, (o.host ?? '').toLowerCase(), o.port ?? null, o.user ?? '', o.filename ?? '']);
  };
  return key(saved) === key(next);
}
