/**
 * The exchange table's planner statistics are refreshed after a bulk load and after a run that
 * changed a large share of the table, and not after an incremental run, whose rows read are all
 * changes whatever the table's size (ANALYZE of a large table then cost most of each run).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../shared/index.js';
import { startHarness, type Harness } from './harness.js';
import { tempDir } from '../../support/temp.js';

const FIRST = 3000;
const ADDED = 1500;

describe('planner statistics of the exchange table', () => {
  const tmp = tempDir('exnode-stats-');
  const sourceFile = path.join(tmp.dir, 'business.sqlite');
  const exchangeFile = path.join(tmp.dir, 'exchange.sqlite');
  let h: Harness;
  afterAll(async () => {
    await h?.close();
    tmp.remove();
  });

  /** Rows of the table as its key index's statistics last counted them, or null before any ANALYZE. */
  const counted = (table: string): number | null => {
    const db = new Database(exchangeFile, { readonly: true });
    try {
      const row = db.prepare('SELECT stat FROM sqlite_stat1 WHERE tbl = ?').get(table) as { stat: string } | undefined;
      return row ? Number(row.stat.split(' ')[0]) : null;
    } finally {
      db.close();
    }
  };
  const addRows = (from: number, count: number) => {
    const db = new Database(sourceFile);
    const insert = db.prepare('INSERT INTO events VALUES (?, ?, ?)');
    db.transaction(() => {
      for (let i = from; i < from + count; i++) insert.run(i, new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString().slice(0, 19).replace('T', ' '), `事件${i}`);
    })();
    db.close();
  };

  it('are refreshed after a bulk load and a large full run, not after an incremental run of many rows', async () => {
    new Database(sourceFile).exec('CREATE TABLE events (id INTEGER PRIMARY KEY, at DATETIME NOT NULL, v TEXT)').close();
    addRows(0, FIRST);
    h = await startHarness();
    await h.call('connections/save', { config: { name: 'biz', dialect: 'sqlite', filename: sourceFile } });
    await h.call('exchange/set', { config: { name: 'xchg', dialect: 'sqlite', filename: exchangeFile } });
    await h.call('bridges/save', { config: { name: 'inc', source: { connection: 'biz', table: 'events' }, target: { table: 'events_inc' }, mode: 'incremental', cursor: ['at'] } });
    await h.call('bridges/save', { config: { name: 'full', source: { connection: 'biz', table: 'events' }, target: { table: 'events_full' }, mode: 'full' } });
    const run = async (name: string) => {
      const r = await h.call<RunRecord>('bridges/run', { name, wait: true });
      expect(r.status, r.error?.message).toBe('succeeded');
      return r;
    };

    await run('inc');
    await run('full');
    expect(counted('events_inc')).toBe(FIRST);
    expect(counted('events_full')).toBe(FIRST);

    addRows(FIRST, ADDED);
    expect((await run('inc')).receiver.inserted).toBe(ADDED);
    expect(counted('events_inc')).toBe(FIRST);
    expect((await run('full')).receiver.inserted).toBe(ADDED);
    expect(counted('events_full')).toBe(FIRST + ADDED);
  }, 60_000);
});
