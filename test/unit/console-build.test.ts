import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { consoleStaleReason } from '../../scripts/console-build.mjs';
import { tempDir } from '../support/temp.js';

const stale = consoleStaleReason as (root: string) => string | null;

describe('npm run serve rebuilds the console only when needed', () => {
  const tmp = tempDir('exnode-console-build-');
  afterAll(() => tmp.remove());
  const root = tmp.dir;
  const write = (file: string, at: number) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), 'x');
    fs.utimesSync(path.join(root, file), at, at);
    // Creating a file touches its folders; give them the same time, as an old checkout would have.
    for (let dir = path.dirname(file); dir !== '.'; dir = path.dirname(dir)) fs.utimesSync(path.join(root, dir), at, at);
  };

  it('builds when there is no build', () => {
    write('renderer/src/main.tsx', 1000);
    expect(stale(root)).toBe('not built yet');
  });

  it('does not build when the build is newer than every source', () => {
    write('shared/contract.ts', 1000);
    write('package.json', 1000);
    write('dist/renderer/index.html', 2000);
    expect(stale(root)).toBeNull();
  });

  it('builds when a renderer source or the contract it imports changed', () => {
    write('renderer/src/pages/New.tsx', 3000);
    expect(stale(root)).toMatch(/renderer changed/);
    write('dist/renderer/index.html', 4000);
    write('shared/ops/x.ts', 5000);
    expect(stale(root)).toMatch(/shared changed/);
  });

  it('builds again when a file was saved while the last build ran', () => {
    write('dist/renderer/index.html', 7000); // the build finished at 7000...
    fs.writeFileSync(path.join(root, 'dist/renderer/.sources-mtime'), String(5000 * 1000)); // ...from sources as of 5000
    write('renderer/src/pages/Edited.tsx', 6000);
    expect(stale(root)).toMatch(/renderer changed/);
  });
});
