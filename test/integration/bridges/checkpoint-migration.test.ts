import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../../shared/index.js';
import { CheckpointTable } from '../../../electron/engine/bridges/exchange/checkpoint.js';
import { createPeople, insertPeople, startHarness, type Harness } from './harness.js';
import { tempDir } from '../../support/temp.js';

/** A checkpoint row as versions before typed checkpoints wrote it: counts and an untyped `extra`. */
function legacyState(position: unknown[] | null, total: number, extra: Record<string, unknown>): string {
  return JSON.stringify({
    position,
    sender: { total, inserted: total, updated: 0, deleted: 0 },
    receiver: { inserted: total, updated: 0, deleted: 0, rejected: 0 },
    extra,
  });
}

describe('checkpoints written by the version before typed checkpoints', () => {
  const tmp = tempDir('exnode-cp-');
  const businessFile = path.join(tmp.dir, 'business.sqlite');
  let h: Harness;
  let exchangeFile: string;
  const putLegacy = (key: string, runId: string | null, phase: string, state: string, nextSeq: number) => {
    const db = new Database(exchangeFile);
    db.prepare(`INSERT INTO exn_state (state_key, target_table, run_id, phase, state_json, next_seq, updated_at)
      VALUES (?, 't', ?, ?, ?, ?, '2026-01-01 00:00:00') ON CONFLICT (state_key) DO UPDATE SET
      run_id = excluded.run_id, phase = excluded.phase, state_json = excluded.state_json, next_seq = excluded.next_seq`)
      .run(key, runId, phase, state, nextSeq);
    db.close();
  };

  beforeAll(async () => {
    h = await startHarness();
    exchangeFile = path.join(h.engine.dataDir, 'exchange.sqlite');
    await h.call('connections/save', { config: { name: 'biz', dialect: 'sqlite', filename: businessFile } });
  });
  afterAll(async () => {
    await h.close();
    tmp.remove();
  });

  it('reads every phase of the old format as its typed checkpoint', async () => {
    const exchange = await h.connector('exchange');
    const table = new CheckpointTable('exn_');
    await table.ensure(exchange);
    putLegacy('send:a', 'run_a', 'copy', legacyState([41], 41, { watermark: null, startWatermark: ['2024-01-01', 7], bulk: true, rangeIndex: 0, transferred: 0 }), 42);
    putLegacy('send:b', 'run_b', 'ranges', legacyState([9], 90_000, { watermark: null, bulk: false, rangeIndex: 7, transferred: 12 }), 5);
    putLegacy('send:c', 'run_c', 'idle', legacyState(null, 3, { watermark: ['2024-05-01 00:00:00', 3], transferred: 0, purgedAt: '2026-01-01T00:00:00.000Z' }), 4);
    putLegacy('receive:d', 'run_d', 'receive', legacyState(['17'], 2, { startedAfter: '15' }), 1);

    expect(await table.read(exchange, 'send:a')).toEqual({
      direction: 'send', runId: 'run_a', phase: 'copy', position: [41], nextSeq: 42, bulk: true, startWatermark: ['2024-01-01', 7],
      watermark: null, transferred: 0, sender: { total: 41, inserted: 41, updated: 0, deleted: 0 }, receiver: { inserted: 41, updated: 0, deleted: 0, rejected: 0 },
    });
    expect(await table.read(exchange, 'send:b')).toMatchObject({ direction: 'send', phase: 'ranges', rangeIndex: 7, transferred: 12, position: [9] });
    expect(await table.read(exchange, 'send:c')).toMatchObject({
      direction: 'send', phase: 'idle', watermark: ['2024-05-01 00:00:00', 3], purgedAt: '2026-01-01T00:00:00.000Z', nextSeq: 4,
    });
    expect(await table.read(exchange, 'receive:d')).toMatchObject({ direction: 'receive', phase: 'receive', startedAfter: '15', position: ['17'] });
    expect(await table.read(exchange, 'send:never')).toMatchObject({ direction: 'send', phase: 'idle', position: null, nextSeq: 1 });
  });

  it('resumes a run a crash interrupted mid-copy, from the old checkpoint\'s position', async () => {
    await createPeople(await h.connector('biz'), { name: 'people' }, 250);
    await h.call('bridges/save', { config: { name: 'legacy', source: { connection: 'biz', table: 'people' }, target: { table: 'people_legacy' }, batchSize: 50 } });
    const first = await h.call<RunRecord>('bridges/run', { name: 'legacy', wait: true });
    expect(first.sender).toMatchObject({ total: 250, inserted: 250 });
    await insertPeople(await h.connector('biz'), { name: 'people' }, 251, 250);

    // The old version was 250 rows into a copy of 500 when its process died.
    const bridge = await h.engine.bridges.load('legacy');
    const crashed = await h.engine.runs.create(bridge, 'manual');
    await h.engine.db('runs').where({ id: crashed.id }).update({ status: 'running', owner_pid: 2 ** 22 + 12345 });
    putLegacy('send:people_legacy', crashed.id, 'copy', legacyState([250], 250, { watermark: null, bulk: false, rangeIndex: 0, transferred: 0 }), 251);

    await h.engine.runner.resumeUnfinished();
    const resumed = await h.engine.runner.wait(crashed.id);
    expect(resumed.status, resumed.error?.message).toBe('succeeded');
    // Rows 1-250 were counted before the crash; reading them again would make 750.
    expect(resumed.sender).toEqual({ total: 500, inserted: 500, updated: 0, deleted: 0 });
    expect(resumed.receiver).toEqual({ inserted: 500, updated: 0, deleted: 0, rejected: 0 });
    const db = new Database(exchangeFile, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n, MAX(exn_seq) AS top FROM people_legacy').get() as { n: number; top: number })).toEqual({ n: 500, top: 500 });
    db.close();
    // And it is written back in the typed format.
    expect(await new CheckpointTable('exn_').read(await h.connector('exchange'), 'send:people_legacy')).toMatchObject({ direction: 'send', phase: 'idle', nextSeq: 501 });
  });
});
