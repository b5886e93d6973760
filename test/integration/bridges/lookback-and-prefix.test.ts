import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../shared/index.js';
import { createPeople, PEOPLE, startHarness, updatePeople, type Harness } from './harness.js';
import { tempDir } from '../../support/temp.js';

/** Each test has a node and a business database of its own: none depends on another having run. */
describe('bridges: the incremental look-back window and the node column prefix', () => {
  let tmp: ReturnType<typeof tempDir>;
  let h: Harness;
  let businessFile: string;
  const run = (name: string) => h.call<RunRecord>('bridges/run', { name, wait: true });
  const exchangeDb = () => new Database(path.join(h.engine.dataDir, 'exchange.sqlite'));

  beforeEach(async () => {
    tmp = tempDir('exnode-window-');
    businessFile = path.join(tmp.dir, 'business.sqlite');
    h = await startHarness();
    await h.call('connections/save', { config: { name: 'biz', dialect: 'sqlite', filename: businessFile } });
    await createPeople(await h.connector('biz'), { name: 'people' }, 100);
  });
  afterEach(async () => {
    await h.close();
    tmp.remove();
  });

  it('re-reads the look-back margin so a late commit behind the watermark is not missed', async () => {
    const incremental = (name: string, lookbackSeconds: number) => h.call('bridges/save', {
      config: { name, source: { connection: 'biz', table: 'people' }, target: { table: `x_${name}` }, mode: 'incremental', cursor: ['updated_at'], lookbackSeconds },
    });
    await incremental('window', 3600);
    await incremental('nowindow', 0);
    expect((await run('window')).sender).toMatchObject({ total: 100, inserted: 100 });
    expect((await run('nowindow')).sender).toMatchObject({ total: 100, inserted: 100 });

    // A transaction that began before the last run commits after it: its time is 10 minutes behind the watermark.
    const biz = new Database(businessFile);
    const top = (biz.prepare('SELECT MAX(updated_at) AS t FROM people').get() as { t: string }).t;
    const late = new Date(Date.parse(`${top.slice(0, 19).replace(' ', 'T')}Z`) - 600_000).toISOString().replace('T', ' ').slice(0, 19);
    const tooLate = new Date(Date.parse(`${top.slice(0, 19).replace(' ', 'T')}Z`) - 7200_000).toISOString().replace('T', ' ').slice(0, 19);
    biz.prepare('INSERT INTO people (id, name, city, amount, updated_at, note) VALUES (?, ?, ?, ?, ?, NULL)').run(1000, '迟到', '济南', '1.00', late);
    // Two hours behind: outside a one-hour window too.
    biz.prepare('INSERT INTO people (id, name, city, amount, updated_at, note) VALUES (?, ?, ?, ?, ?, NULL)').run(1001, '太迟', '济南', '1.00', tooLate);
    biz.close();

    const withWindow = await run('window');
    // The margin's rows are read again but are unchanged: only the late row is a change.
    expect(withWindow.sender).toMatchObject({ inserted: 1, updated: 0, deleted: 0 });
    expect(withWindow.sender.total).toBeGreaterThan(1);
    expect(withWindow.receiver).toMatchObject({ inserted: 1, updated: 0, rejected: 0 });
    const withoutWindow = await run('nowindow');
    expect(withoutWindow.sender).toMatchObject({ total: 0, inserted: 0 });

    const x = exchangeDb();
    const ids = (table: string) => (x.prepare(`SELECT id FROM ${table} WHERE id >= 1000 ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
    expect(ids('x_window')).toEqual([1000]);
    expect(ids('x_nowindow')).toEqual([]);
    x.close();
  });

  it('names the node columns and the state table with another prefix', async () => {
    await h.call('settings/set', { columnPrefix: 'gx_' });
    await h.call('bridges/save', { config: { name: 'prefixed', source: { connection: 'biz', table: 'people' }, target: { table: 'x_prefixed' } } });
    expect((await run('prefixed')).receiver).toMatchObject({ inserted: 100 });
    await updatePeople(await h.connector('biz'), { name: 'people' }, [7], 1);
    const second = await run('prefixed');
    expect(second.sender).toMatchObject({ total: 100, inserted: 0, updated: 1 });
    expect(second.receiver).toMatchObject({ updated: 1 });

    const x = exchangeDb();
    const columns = (x.prepare('PRAGMA table_info(x_prefixed)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual([
      ...PEOPLE.map((c) => c.name), 'gx_op', 'gx_seq', 'gx_first_seq', 'gx_batch', 'gx_changed_at', 'gx_hash', 'gx_src_hash',
    ]);
    expect(columns.some((c) => c.startsWith('exn_'))).toBe(false);
    expect(x.prepare('SELECT gx_op AS op, gx_seq AS seq, gx_first_seq AS first FROM x_prefixed WHERE id = 7').get()).toEqual({ op: 'U', seq: 101, first: 7 });
    const state = x.prepare("SELECT phase, next_seq FROM gx_state WHERE state_key = 'send:x_prefixed'").get();
    expect(state).toEqual({ phase: 'idle', next_seq: 102 });
    expect(x.prepare("SELECT name FROM sqlite_master WHERE name = 'exn_state'").get()).toBeUndefined();
    x.close();
  });
});
