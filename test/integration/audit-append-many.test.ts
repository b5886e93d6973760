import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openStateDb, type StateDb } from '../../electron/engine/store/db.js';
import { AuditLog } from '../../electron/engine/audit/log.js';
import { tempDir } from '../support/temp.js';

const tmp = tempDir('exnode-audit-many-');
const dataDir = path.join(tmp.dir, 'data');
let db: StateDb | null = null;

afterAll(async () => {
  await db?.destroy();
  tmp.remove();
});

const fire = (i: number) => ({ actor: 'alice', operation: 'schedule/fire', target: `b${i}`, outcome: 'ok' as const, detail: { i } });

describe('appending many audit entries at once (a scheduler tick)', () => {
  it('keeps their order and the chain, writes them with the other writes or not at all', async () => {
    db = await openStateDb(dataDir);
    const audit = await AuditLog.open(db, dataDir);
    await audit.append({ actor: 'sysadmin', operation: 'bridges/save', target: 'b0', outcome: 'ok' });
    await db.schema.createTable('tick_marks', (t) => t.integer('n'));

    await audit.appendMany(Array.from({ length: 300 }, (_, i) => fire(i + 1)), async (trx) => {
      await trx('tick_marks').insert({ n: 1 });
    });
    const rows = await db('audit_events').where({ operation: 'schedule/fire' }).orderBy('seq') as { seq: number; target: string }[];
    expect(rows.map((r) => r.target)).toEqual(Array.from({ length: 300 }, (_, i) => `b${i + 1}`));
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 2));
    expect(await audit.verify()).toMatchObject({ ok: true, records: 301 });

    // The other writes fail: none of the entries is stored, the chain still verifies and continues.
    await expect(audit.appendMany([fire(400), fire(401)], async (trx) => {
      await trx('tick_marks').insert({ n: 2 });
      throw new Error('disk full');
    })).rejects.toThrow('disk full');
    expect(await db('tick_marks').pluck('n')).toEqual([1]);
    expect(await db('audit_events').count({ n: '*' }).first()).toMatchObject({ n: 301 });
    await audit.append({ actor: 'sysadmin', operation: 'bridges/save', target: 'b1', outcome: 'ok' });
    expect(await audit.verify()).toMatchObject({ ok: true, records: 302 });

    // A record of the batch rewritten afterwards is named.
    await db('audit_events').where({ seq: 150 }).update({ target: 'elsewhere' });
    expect(await audit.verify()).toMatchObject({ ok: false, firstBroken: 150, reason: 'hash' });
  });

  it('loses no entry when three processes append to one node at once', async () => {
    const dir = path.join(tmp.dir, 'shared');
    const setup = await openStateDb(dir);
    await (await AuditLog.open(setup, dir)).append({ actor: 'sysadmin', operation: 'node/setup', outcome: 'ok' });
    await setup.destroy();

    const appender = path.resolve('test/support/audit-appender.ts');
    const run = promisify(execFile);
    await Promise.all(['p1', 'p2', 'p3'].map((tag) => run(process.execPath, ['--import', 'tsx', appender, dir, '150', tag], { timeout: 240_000 })));

    const check = await openStateDb(dir);
    try {
      const counts = (await check('audit_events').where({ operation: 'test/append' }).groupBy('actor').select('actor').count({ n: '*' })) as { actor: string; n: number }[];
      expect(counts.map((c) => [c.actor, Number(c.n)]).sort()).toEqual([['p1', 150], ['p2', 150], ['p3', 150]]);
      expect(await (await AuditLog.open(check, dir)).verify()).toMatchObject({ ok: true, records: 451 });
    } finally {
      await check.destroy();
    }
  }, 300_000);
});

