// The built console (dist/renderer) is rebuilt only when what it is built from is newer than it:
// `npm run serve` then starts in a few seconds instead of waiting 15-30 s for vite on every start.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the console is built from: its sources, the contract it imports, and the build's own settings. */
export const CONSOLE_SOURCES = ['renderer', 'shared', 'package.json', 'package-lock.json'];

function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const name of fs.readdirSync(entry)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

/**
 * Time of the newest source a build saw, written before the build starts: a file saved while vite runs
 * is newer than it, so the next start builds again (the build's own file times would hide that edit).
 */
const STAMP = '.sources-mtime';
const newestSource = (root) => Math.max(...CONSOLE_SOURCES.map((source) => newestMtime(path.join(root, source))));

/** Why the console in `outDir` must be (re)built, or null when it is up to date. */
export function consoleStaleReason(root = ROOT, outDir = path.join(root, 'dist/renderer')) {
  const index = path.join(outDir, 'index.html');
  if (!fs.existsSync(index)) return 'not built yet';
  let built = fs.statSync(index).mtimeMs;
  try {
    built = Number(fs.readFileSync(path.join(outDir, STAMP), 'utf8')) || built;
  } catch {
    // built by `npm run build:renderer` directly: its time is the build's
  }
  for (const source of CONSOLE_SOURCES) {
    if (newestMtime(path.join(root, source)) > built) return `${source} changed since the last build`;
  }
  return null;
}

/** Builds the console when it is stale; returns whether it built. Throws when the build fails. */
export function ensureConsole({ root = ROOT, log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const reason = consoleStaleReason(root);
  if (!reason) return false;
  log(`Building the console (${reason})...`);
  const sources = newestSource(root);
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`The console build failed (exit code ${result.status}); see the messages above`);
  fs.writeFileSync(path.join(root, 'dist/renderer', STAMP), String(sources));
  return true;
}
