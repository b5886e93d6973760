import crypto from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exnode } from '../../support/cli.js';
import { tempDir } from '../../support/temp.js';
import { readyNode, signIn } from '../../support/node-setup.js';

/** What someone who can rewrite the whole state database (but has no audit key) can do to the log. */
describe('the keyed audit chain', () => {
  const tmp = tempDir('exnode-audit-');
  const dataDir = path.join(tmp.dir, 'data');
  let auditorEnv: NodeJS.ProcessEnv;
  const verify = () => exnode(['--data-dir', dataDir, 'audit', 'verify', '--json'], { env: auditorEnv });
  const withState = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(path.join(dataDir, 'state.sqlite'));
    try {
      return work(db);
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    // Setup and three sign-ins: four audited records to tamper with.
    await readyNode(dataDir);
    await signIn(dataDir, 'secadmin');
    auditorEnv = { EXNODE_TOKEN: await signIn(dataDir, 'auditor') };
    const ok = await verify();
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, firstBroken: null });
  }, 120_000);
  afterAll(() => tmp.remove());

  const snapshot = () => withState((db) => db.prepare('SELECT * FROM audit_events ORDER BY seq').all() as Record<string, unknown>[]);
  const restore = (rows: Record<string, unknown>[]) => withState((db) => {
    db.prepare('DELETE FROM audit_events').run();
    const cols = Object.keys(rows[0]!);
    const insert = db.prepare(`INSERT INTO audit_events (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`);
    for (const r of rows) insert.run(r);
  });

  it('names a rewritten record', async () => {
    const rows = snapshot();
    withState((db) => db.prepare("UPDATE audit_events SET actor = 'mallory' WHERE seq = 2").run());
    const res = await verify();
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout)).toMatchObject({ ok: false, firstBroken: 2, reason: 'hash' });
    restore(rows);
  });

  it('names a rewritten record even when the chain after it is recomputed with plain SHA-256', async () => {
    const rows = snapshot();
    withState((db) => {
      const all = db.prepare('SELECT * FROM audit_events ORDER BY seq').all() as Record<string, unknown>[];
      let prev = (all[0]!.prev_hash as string);
      const update = db.prepare('UPDATE audit_events SET actor = @actor, prev_hash = @prev_hash, hash = @hash WHERE seq = @seq');
      for (const r of all) {
        const actor = r.seq === 2 ? 'mallory' : r.actor;
        const canonical = JSON.stringify([r.seq, r.at, actor, r.operation, r.target, r.outcome, r.detail_json, r.shell, r.address, r.session, prev]);
        const hash = crypto.createHash('sha256').update(canonical).digest('hex');
        update.run({ actor, prev_hash: prev, hash, seq: r.seq });
        prev = hash;
      }
    });
    const res = await verify();
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout)).toMatchObject({ ok: false, firstBroken: 1 });
    expect(res.stdout + res.stderr).not.toMatch(/"ok": true/);
    restore(rows);
  });

  it('detects the last records deleted (truncation)', async () => {
    const rows = snapshot();
    withState((db) => db.prepare('DELETE FROM audit_events WHERE seq > ?').run(rows.length - 2));
    const res = await verify();
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout)).toMatchObject({ ok: false, reason: 'truncated', firstBroken: rows.length - 1 });
    const human = await exnode(['--data-dir', dataDir, 'audit', 'verify'], { env: { ...auditorEnv, LANG: 'zh_CN.UTF-8' } });
    expect(human.code).toBe(1);
    expect(human.stderr).toContain(`第 ${rows.length - 1} 条`);
    restore(rows);
    expect((await verify()).code).toBe(0);
  });

  it('lets only the auditor read it', async () => {
    const sysEnv = await readyNode(dataDir);
    const res = await exnode(['--data-dir', dataDir, 'audit', 'list', '--json'], { env: sysEnv });
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('FORBIDDEN');
    const list = await exnode(['--data-dir', dataDir, 'audit', 'list', '--json', '--operation', 'auth/'], { env: auditorEnv });
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).records.length).toBeGreaterThan(0);
  });
});
