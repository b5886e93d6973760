import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateKey } from '../../electron/engine/secrets/key-file.js';
import { tempDir } from '../support/temp.js';

const tmp = tempDir('exnode-key-file-');
afterAll(() => tmp.remove());

const MODULE = path.resolve('electron/engine/secrets/key-file.ts');
const CREATE = `import { loadOrCreateKey } from ${JSON.stringify(MODULE)};
process.stdout.write(loadOrCreateKey(process.argv[1], 'test.key', 'EXNODE_TEST_UNSET_KEY').key.toString('hex'));`;

describe('a key file of the data directory', () => {
  it('is created whole, once, even by processes starting together, readable only by its owner', async () => {
    const dir = path.join(tmp.dir, 'together');
    fs.mkdirSync(dir);
    const run = promisify(execFile);
    const keys = await Promise.all(Array.from({ length: 6 }, () =>
      run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CREATE, dir], { timeout: 120_000 }).then((r) => r.stdout)));
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readdirSync(dir)).toEqual(['test.key']);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'test.key')).mode & 0o777).toBe(0o600);
    expect(loadOrCreateKey(dir, 'test.key', 'EXNODE_TEST_UNSET_KEY')).toMatchObject({ created: false });
  }, 180_000);

  it('names a damaged key file instead of replacing it (the data sealed under it would be lost)', () => {
    const dir = path.join(tmp.dir, 'damaged');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'test.key'), 'c2hvcnQ=');
    expect(() => loadOrCreateKey(dir, 'test.key', 'EXNODE_TEST_UNSET_KEY')).toThrow(/test\.key/);
    expect(fs.readFileSync(path.join(dir, 'test.key'), 'utf8')).toBe('c2hvcnQ=');
  });
});
