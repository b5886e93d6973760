import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../shared/index.js';
import { startHarness, type Harness } from './harness.js';
import { tempDir } from '../../support/temp.js';

const ROWS = 1_000_000;

/** A business table generated inside SQLite: fast to make, realistic enough to hash and compare. */
function makeTable(file: string): void {
  const db = new Database(file);
  db.exec(`CREATE TABLE residents (id INTEGER PRIMARY KEY, name VARCHAR(40) NOT NULL, district VARCHAR(40) NOT NULL,
    score DECIMAL(10,2) NOT NULL, updated_at DATETIME NOT NULL)`);
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
    INSERT INTO residents SELECT i, '居民' || i, '区' || (i % 97), printf('%.2f', (i * 7919 % 100000) / 100.0),
      datetime('2024-01-01', '+' || (i % 86400) || ' seconds') FROM n`);
  db.close();
}

describe('diff mode on 1M rows', () => {
  const tmp = tempDir('exnode-diff-');
  const file = path.join(tmp.dir, 'business.sqlite');
  let h: Harness;
  afterAll(async () => {
    await h?.close();
    tmp.remove();
  });

  it('moves only changed rows: 1% inserts, updates and deletes', async () => {
    makeTable(file);
    h = await startHarness();
    await h.call('connections/save', { config: { name: 'biz', dialect: 'sqlite', filename: file } });
    await h.call('bridges/save', { config: { name: 'residents', source: { connection: 'biz', table: 'residents' }, mode: 'diff', batchSize: 5000 } });
    const first = await h.call<RunRecord>('bridges/run', { name: 'residents', wait: true });
    expect(first.status, first.error?.message).toBe('succeeded');
    expect(first.sender).toEqual({ total: ROWS, inserted: ROWS, updated: 0, deleted: 0 });
    expect(first.receiver).toEqual({ inserted: ROWS, updated: 0, deleted: 0, rejected: 0 });

    // 1% of the rows change, spread over the whole key space.
    const db = new Database(file);
    const count = (where: string) => (db.prepare(`SELECT COUNT(*) AS n FROM residents WHERE ${where}`).get() as { n: number }).n;
    const updated = count('id % 300 = 7');
    const deleted = count('id % 300 = 11');
    db.exec(`UPDATE residents SET score = score + 1 WHERE id % 300 = 7`);
    db.exec(`DELETE FROM residents WHERE id % 300 = 11`);
    db.exec(`WITH RECURSIVE n(i) AS (SELECT ${ROWS + 1} UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS + 3333})
      INSERT INTO residents SELECT i, '新居民' || i, '区1', '1.00', '2025-01-01 00:00:00' FROM n`);
    const total = count('1 = 1');
    db.close();

    const second = await h.call<RunRecord>('bridges/run', { name: 'residents', wait: true });
    expect(second.status, second.error?.message).toBe('succeeded');
    expect(second.sender).toEqual({ total, inserted: 3333, updated, deleted });
    expect(second.receiver).toEqual({ inserted: 3333, updated, deleted, rejected: 0 });
    const transferred = second.progress.rowsTransferred ?? Number.NaN;
    expect(transferred).toBe(3333 + updated);
    expect(transferred / ROWS).toBeLessThan(0.05);

    // Nothing changed: no key range is examined.
    const third = await h.call<RunRecord>('bridges/run', { name: 'residents', wait: true });
    expect(third.progress.rowsTransferred).toBe(0);
    expect(third.sender).toEqual({ total, inserted: 0, updated: 0, deleted: 0 });
    console.log(`diff 1M: first ${first.durationMs} ms, 1% changes ${second.durationMs} ms (${transferred} rows transferred), unchanged ${third.durationMs} ms`);
  });
});
