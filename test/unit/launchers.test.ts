import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_EXEC_ARGV } from '../../electron/engine/memory.js';

const read = (file: string) => fs.readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

describe('engine launchers', () => {
  const flags = ENGINE_EXEC_ARGV.join(' ');

  it('the exnode command starts node with the engine heap ceiling', () => {
    expect(read('bin/exnode.mjs').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${flags}`);
  });

  it('npm run serve starts node with the engine heap ceiling', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.serve).toContain(`node ${flags} bin/exnode.mjs serve`);
  });

  it('the desktop shell forks the engine with the engine heap ceiling', () => {
    const fork = read('electron/main/index.ts').split('utilityProcess.fork(')[1] ?? '';
    expect(fork.slice(0, fork.indexOf('});'))).toContain('execArgv: [...ENGINE_EXEC_ARGV]');
  });
});
