import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, beforeAll } from 'vitest';
import { EXNODE_COMMAND, EXNODE_ENV, exnode } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { runAndKill } from '../support/crash.js';
import { readyNode } from '../support/node-setup.js';
import { writeDemoDatabase } from '../../electron/engine/demo/birth-certificates.js';
import { canonicalDateTime } from '../../connectors/core/values.js';

const ROWS = 60_000;
const tmp = tempDir('exnode-crash-');
const dataDir = path.join(tmp.dir, 'data');
// Every command runs signed in as the system administrator (readyNode sets the node up and logs in).
let env: NodeJS.ProcessEnv = {};
beforeAll(async () => {
  env = await readyNode(dataDir);
});
const cli = (...args: string[]) => exnode(['--data-dir', dataDir, ...args], { env });

afterAll(() => tmp.remove());


describe('crash safety', () => {
  it('a run killed (SIGKILL) at random points resumes and ends equal to the source with zero deviation', async () => {
    const business = path.join(tmp.dir, 'business.sqlite');
    writeDemoDatabase(business, ROWS);
    const fs = await import('node:fs');
    fs.writeFileSync(path.join(tmp.dir, 'c.json'), JSON.stringify({ name: 'registry', dialect: 'sqlite', filename: business }));
    fs.writeFileSync(path.join(tmp.dir, 'b.json'), JSON.stringify({
      name: 'certs', source: { connection: 'registry', table: 'birth_certificate' }, mode: 'full', batchSize: 500, rowsPerSecond: 15_000,
    }));
    expect((await cli('connection', 'add', '--file', path.join(tmp.dir, 'c.json'))).code).toBe(0);
    expect((await cli('bridge', 'add', '--file', path.join(tmp.dir, 'b.json'))).code).toBe(0);

    // The rate limit keeps the run long enough to be killed mid-way. Seeded so a failure can be replayed; the points spread over start-up, copying and committing.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const killPoints = [0.15, 0.4, 0.65, 0.9].map((f) => Math.floor((f + (next() - 0.5) * 0.2) * ROWS));
    const killedAt: number[] = [];
    for (const rows of killPoints) killedAt.push(await runAndKill(dataDir, env, 'certs', rows));
    expect(Math.max(...killedAt)).toBeLessThan(ROWS);

    const final = await cli('bridge', 'run', 'certs', '--json');
    expect(final.code, final.stderr).toBe(0);
    const run = JSON.parse(final.stdout);
    expect(run.status).toBe('succeeded');
    expect(run.sender).toMatchObject({ inserted: ROWS, updated: 0, deleted: 0 });
    expect(run.receiver).toMatchObject({ inserted: ROWS, updated: 0, deleted: 0, rejected: 0 });
    expect(run.deviation.total).toBe(0);

    const source = new Database(business, { readonly: true });
    const exchange = new Database(path.join(dataDir, 'exchange.sqlite'), { readonly: true });
    try {
      const cols = 'cert_no, newborn_name, sex, sex_code, health_status, birth_weight_g, birth_time, birth_place, mother_name, mother_id_no, father_name, father_id_no, issue_time, issuing_institution';
      // Times arrive in canonical text (no trailing zeros in fractions): compare instants, not padding.
      const canonical = (rows: unknown[]) => (rows as Record<string, unknown>[]).map((r) => ({
        ...r, birth_time: canonicalDateTime(String(r.birth_time)), issue_time: canonicalDateTime(String(r.issue_time)),
      }));
      const want = canonical(source.prepare(`SELECT ${cols} FROM birth_certificate ORDER BY cert_no`).all());
      const got = canonical(exchange.prepare(`SELECT ${cols} FROM birth_certificate WHERE exn_op <> 'D' ORDER BY cert_no`).all());
      expect(got.length).toBe(ROWS);
      expect(got).toEqual(want);
      const seqs = exchange.prepare('SELECT COUNT(DISTINCT exn_seq) AS n FROM birth_certificate').get() as { n: number };
      expect(seqs.n).toBe(ROWS);
    } finally {
      source.close();
      exchange.close();
    }
    console.log(`crash-resume: killed after ${killedAt.join(', ')} rows read; final run ${run.id}`);
  });

  it('a run in one process is cancelled from another (the console cancelling a command-line run) and resumes later', async () => {
    const child = spawn(process.execPath, [...EXNODE_COMMAND, '--data-dir', dataDir, 'bridge', 'run', 'certs', '--json'], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...EXNODE_ENV, ...env } });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // The previous test left the exchange complete: change the source so this run has work to do.
    const business = new Database(path.join(tmp.dir, 'business.sqlite'));
    business.prepare(`UPDATE birth_certificate SET health_status = '良好' WHERE rowid % 2 = 0`).run();
    business.close();
    let runId: string | undefined;
    while (!runId) {
      await new Promise((r) => setTimeout(r, 50));
      const db = new Database(path.join(dataDir, 'state.sqlite'), { readonly: true, timeout: 1000 });
      runId = (db.prepare(`SELECT id FROM runs WHERE status = 'running'`).get() as { id: string } | undefined)?.id;
      db.close();
    }
    const cancel = await cli('bridge', 'cancel', runId, '--json');
    expect(cancel.code, cancel.stderr).toBe(0);
    expect(JSON.parse(cancel.stdout)).toMatchObject({ id: runId, status: 'cancelled' });
    expect(await exited).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ id: runId, status: 'cancelled' });

    const again = await cli('bridge', 'run', 'certs', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ status: 'succeeded', deviation: { total: 0 } });
  });
});
