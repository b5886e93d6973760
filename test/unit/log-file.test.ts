import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLine, openLogFile } from '../../electron/engine/logs/log-file.js';
import { tailLines } from '../../electron/engine/logs/tail.js';
import { tempDir } from '../support/temp.js';

describe('rotating log files', () => {
  const tmp = tempDir('exnode-logs-');
  afterAll(() => tmp.remove());

  it('rotates at the size limit and keeps only the configured number of old files', async () => {
    const log = openLogFile(tmp.dir, 'engine', { size: '1K', keep: 2 });
    for (let i = 0; i < 200; i++) {
      log.write('info', `line ${i} ${'x'.repeat(40)}`);
      await log.flush();
    }
    await log.close();
    const files = fs.readdirSync(tmp.dir).sort();
    expect(files).toEqual(['engine.1.log', 'engine.2.log', 'engine.log']);
    for (const file of files) expect(fs.statSync(path.join(tmp.dir, file)).size).toBeLessThanOrEqual(1100);
    expect(tailLines(path.join(tmp.dir, 'engine.log'), 1)[0]).toMatch(/INFO {2}line 199 x+$/);
  });

  it('writes one line per entry, masks secret fields and never breaks a line', () => {
    const line = formatLine(new Date('2026-01-02T03:04:05Z'), 'error', 'first\nsecond', { password: 'hunter22', table: 't' });
    expect(line).toBe('2026-01-02T03:04:05.000Z ERROR first | second {"password":"***","table":"t"}\n');
  });

  it('tails the last lines of a file, and nothing of a file that does not exist', () => {
    const file = path.join(tmp.dir, 'tail.txt');
    fs.writeFileSync(file, Array.from({ length: 1000 }, (_, i) => `row ${i}`).join('\n') + '\n');
    expect(tailLines(file, 3)).toEqual(['row 997', 'row 998', 'row 999']);
    expect(tailLines(file, 2, 20)).toEqual(['row 998', 'row 999']);
    expect(tailLines(path.join(tmp.dir, 'missing.log'), 5)).toEqual([]);
  });
});
