import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { EXNODE_COMMAND, EXNODE_ENV } from './cli.js';

/** Rows the running run of the node at `dataDir` has read so far, from its state store. */
export function rowsRead(dataDir: string): number {
  try {
    const db = new Database(path.join(dataDir, 'state.sqlite'), { readonly: true, timeout: 1000 });
    try {
      const row = db.prepare(`SELECT progress_json FROM runs WHERE status = 'running'`).get() as { progress_json: string } | undefined;
      return row ? (JSON.parse(row.progress_json) as { rowsRead: number }).rowsRead : 0;
    } finally {
      db.close();
    }
  } catch {
    return 0;
  }
}

/** Starts `bridge run` and SIGKILLs it once the run has read `atRows` rows, wherever it is then; resolves the rows seen. */
export function runAndKill(dataDir: string, env: NodeJS.ProcessEnv, bridge: string, atRows: number): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...EXNODE_COMMAND, '--data-dir', dataDir, 'bridge', 'run', bridge], { stdio: 'ignore', env: { ...EXNODE_ENV, ...env } });
    let seen = 0;
    const poll = setInterval(() => {
      seen = rowsRead(dataDir);
      if (seen >= atRows) child.kill('SIGKILL');
    }, 25);
    child.on('close', () => {
      clearInterval(poll);
      resolve(seen);
    });
  });
}
