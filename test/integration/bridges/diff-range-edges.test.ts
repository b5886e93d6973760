/**
 * A diff run merges each changed key range with the exchange rows of that range in key order
 * (INT, DATE keys): rows deleted at a range's upper key, past the source's last key and in the
 * middle are all found, and a key inserted between two others is an insert, on a table of three
 * ranges read in many batches each.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../shared/index.js';
import { startHarness, type Harness } from './harness.js';
import { tempDir } from '../../support/temp.js';
import { RANGE_ROWS } from '../../../electron/engine/bridges/sync/diff.js';

const ROWS = Math.round(RANGE_ROWS * 2.5);
const keyOf = (i: number) => [Math.floor(i / 10), `2001-01-${String(1 + (i % 10)).padStart(2, '0')}`] as const;

describe('diff over composite (INT, DATE) keys at the edges of key ranges', () => {
  const tmp = tempDir('exnode-diff-edges-');
  const file = path.join(tmp.dir, 'business.sqlite');
  let h: Harness;
  afterAll(async () => {
    await h?.close();
    tmp.remove();
  });

  const sourceRows = () => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT a, b, v FROM ledger ORDER BY a, b').raw().all();
    } finally {
      db.close();
    }
  };
  const exchangeRows = async () => {
    const exchange = await h.connector('exchange');
    const rows: unknown[][] = [];
    for await (const page of exchange.readBatches({
      table: { name: 'ledger' },
      columns: [
        { name: 'a', nativeType: 'INTEGER', type: 'integer', nullable: false, primaryKey: true },
        { name: 'b', nativeType: 'DATE', type: 'date', nullable: false, primaryKey: true },
        { name: 'v', nativeType: 'TEXT', type: 'text', nullable: true, primaryKey: false },
      ],
      keyColumns: ['a', 'b'], batchSize: 5000, filter: [{ column: 'exn_op', op: '!=', value: 'D' }],
    })) rows.push(...page.map((r) => [Number(r.a), r.b, r.v]));
    return rows;
  };

  it('finds deletes at range ends and past the last key, and inserts between keys', async () => {
    const db = new Database(file);
    db.exec('CREATE TABLE ledger (a INTEGER NOT NULL, b DATE NOT NULL, v TEXT, PRIMARY KEY (a, b))');
    const insert = db.prepare('INSERT INTO ledger VALUES (?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < ROWS; i++) insert.run(...keyOf(i), `账目${i}`);
    })();
    db.close();

    h = await startHarness();
    await h.call('connections/save', { config: { name: 'biz', dialect: 'sqlite', filename: file } });
    await h.call('bridges/save', { config: { name: 'ledger', source: { connection: 'biz', table: 'ledger' }, mode: 'diff', batchSize: 700 } });
    const run = async () => {
      const r = await h.call<RunRecord>('bridges/run', { name: 'ledger', wait: true });
      expect(r.status, r.error?.message).toBe('succeeded');
      return r;
    };
    expect((await run()).sender).toEqual({ total: ROWS, inserted: ROWS, updated: 0, deleted: 0 });

    const change = new Database(file);
    const remove = change.prepare('DELETE FROM ledger WHERE a = ? AND b = ?');
    // The upper keys of the first two ranges, and the last key of the table.
    for (const i of [RANGE_ROWS - 1, 2 * RANGE_ROWS - 1, ROWS - 1]) expect(remove.run(...keyOf(i)).changes).toBe(1);
    change.prepare('UPDATE ledger SET v = ? WHERE a = ? AND b = ?').run('改过', ...keyOf(5000));
    // Between (500, 2001-01-10) and (501, 2001-01-01).
    change.prepare('INSERT INTO ledger VALUES (?, ?, ?)').run(500, '2001-02-01', '新增');
    change.close();

    const changed = await run();
    expect(changed.sender).toEqual({ total: ROWS - 2, inserted: 1, updated: 1, deleted: 3 });
    expect(changed.receiver).toEqual({ inserted: 1, updated: 1, deleted: 3, rejected: 0 });
    expect(changed.deviation.total).toBe(0);
    expect(await exchangeRows()).toEqual(sourceRows());

    const same = await run();
    expect(same.sender).toEqual({ total: ROWS - 2, inserted: 0, updated: 0, deleted: 0 });
    expect(same.progress.rowsTransferred ?? 0).toBe(0);
  }, 120_000);
});
