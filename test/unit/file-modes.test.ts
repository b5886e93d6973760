import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { privateDataDir } from '../../electron/engine/store/file-modes.js';

describe('making the data directory private', () => {
  afterEach(() => vi.restoreAllMocks());

  it('tightens what is there and passes over a file another process moves away meanwhile', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'exn-modes-'));
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'state.sqlite'), '', { mode: 0o644 });
    const moving = path.join(dir, 'audit.checkpoint.4242.tmp');
    fs.writeFileSync(moving, '', { mode: 0o644 });
    // The other process renames its file into place between this one's listing and its look at the file.
    const stat = fs.statSync;
    vi.spyOn(fs, 'statSync').mockImplementation(((p: fs.PathLike) => {
      if (p === moving && fs.existsSync(moving)) fs.renameSync(moving, path.join(dir, 'audit.checkpoint'));
      return stat(p);
    }) as typeof fs.statSync);

    const fixed = privateDataDir(dir);

    expect(fixed).toEqual(expect.arrayContaining(['. 755→700', 'state.sqlite 644→600']));
    expect(fs.statSync(path.join(dir, 'state.sqlite')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });
});
