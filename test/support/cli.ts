import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_ENV, ENGINE_EXEC_ARGV } from '../../electron/engine/memory.js';

export const EXNODE_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/exnode.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How the `exnode` command starts a process (its shebang's flags and environment: the engine's memory settings). */
export const EXNODE_COMMAND = [...ENGINE_EXEC_ARGV, EXNODE_BIN];
export const EXNODE_ENV: NodeJS.ProcessEnv = { ...process.env, ...ENGINE_ENV };

/** Runs the real `exnode` command in a child process. */
export function exnode(args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...EXNODE_COMMAND, ...args], { env: { ...EXNODE_ENV, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
