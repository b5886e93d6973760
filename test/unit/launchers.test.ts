import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENGINE_ENV, ENGINE_EXEC_ARGV } from '../../electron/engine/memory.js';

const read = (file: string) => fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('engine launchers', () => {
  const env = Object.entries(ENGINE_ENV).map(([k, v]) => `${k}=${v}`).join(' ');
  const flags = ENGINE_EXEC_ARGV.join(' ');

  it('the exnode command starts node with the engine memory settings', () => {
    expect(read('bin/exnode.mjs').split('\n')[0]).toBe(`#!/usr/bin/env -S ${env} node ${flags}`);
  });

  it('npm run serve starts the command as its shebang says', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.serve).toContain('node scripts/serve.mjs');
    const help = spawnSync(process.execPath, [fileURLToPath(new URL('../../scripts/serve.mjs', import.meta.url)), '--help'], { encoding: 'utf8' });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/Usage: exnode serve/);
  }, 30_000); // starts a Node process with tsx: seconds on a loaded machine

  it('the desktop shell forks the engine with the engine memory settings', () => {
    const fork = read('electron/main/index.ts').split('utilityProcess.fork(')[1] ?? '';
    const options = fork.slice(0, fork.indexOf('});'));
    expect(options).toContain('execArgv: [...ENGINE_EXEC_ARGV]');
    expect(options).toContain('...ENGINE_ENV,');
  });
});
