import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it, beforeAll } from 'vitest';
import { exnode } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { readyNode } from '../support/node-setup.js';

const tmp = tempDir();
const dataDir = path.join(tmp.dir, 'data');
const file = (name: string, value: unknown) => {
  const p = path.join(tmp.dir, name);
  fs.writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
  return p;
};
// Every command runs signed in as the system administrator (readyNode sets the node up and logs in).
let env: NodeJS.ProcessEnv = {};
beforeAll(async () => {
  env = await readyNode(dataDir);
});
const cli = (...args: string[]) => exnode(['--data-dir', dataDir, ...args], { env });

afterAll(() => tmp.remove());

describe('exnode CLI', () => {
  it('loads the demo and runs its bridge, printing the reconciliation as JSON', async () => {
    const demo = await cli('demo', '--rows', '3000', '--json');
    expect(demo.code, demo.stderr).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({ bridge: 'demo-birth-certificates', rows: 3000 });

    const run = await cli('bridge', 'run', 'demo-birth-certificates', '--json');
    expect(run.code, run.stderr).toBe(0);
    const record = JSON.parse(run.stdout);
    expect(record).toMatchObject({
      status: 'succeeded',
      sender: { total: 3000, inserted: 3000, updated: 0, deleted: 0 },
      receiver: { inserted: 3000, updated: 0, deleted: 0, rejected: 0 },
      deviation: { total: 0 },
    });

    const shown = await cli('run', 'show', record.id, '--json');
    expect(JSON.parse(shown.stdout).id).toBe(record.id);

    const again = await cli('bridge', 'run', 'demo-birth-certificates', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ sender: { total: 3000, inserted: 0, updated: 0, deleted: 0 }, receiver: { inserted: 0 } });

    const checked = await cli('bridge', 'reconcile', 'demo-birth-certificates');
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toMatch(/source rows 3,000 {2}receiving rows 3,000 {2}matched 3,000/);
    expect(checked.stdout).toMatch(/deviation 0 \(the tables agree\)/);
  });

  it('browses the demo database, prints a run\'s log, round-trips a bridge definition and removes it', async () => {
    const tables = await cli('connection', 'tables', 'demo-birth-registry', '--json');
    expect(tables.code, tables.stderr).toBe(0);
    expect(JSON.parse(tables.stdout).map((t: { name: string }) => t.name)).toContain('birth_certificate');
    const described = await cli('connection', 'describe', 'demo-birth-registry', 'birth_certificate');
    expect(described.stdout).toMatch(/primary key: cert_no/);
    const snapshot = await cli('connection', 'snapshot', 'demo-birth-registry', '--json');
    expect(JSON.parse(snapshot.stdout)).toMatchObject({ connection: 'demo-birth-registry', first: true });

    const runs = JSON.parse((await cli('run', 'list', '--limit', '1', '--json')).stdout) as { id: string }[];
    const log = await cli('run', 'log', runs[0]!.id);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout).toMatch(/INFO/);
    expect((await cli('run', 'rejected', runs[0]!.id)).stdout).toMatch(/No rejected rows/);

    const shown = await cli('bridge', 'show', 'demo-birth-certificates');
    const original = JSON.parse(shown.stdout);
    // A target table belongs to one bridge: the copy writes its own.
    const copy = { ...original, name: 'demo-copy', target: { table: 'birth_certificate_copy' } };
    expect((await cli('bridge', 'add', '--file', file('copy.json', copy))).code).toBe(0);
    expect((await cli('bridge', 'remove', 'demo-copy')).code).toBe(0);
    const gone = await cli('bridge', 'show', 'demo-copy');
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/No bridge named "demo-copy"/);
  });

  it('adds, lists and tests a connection from a file, and keeps the password out of the output', async () => {
    const f = file('local.json', { name: 'local-sqlite', dialect: 'sqlite', filename: path.join(tmp.dir, 'biz.sqlite') });
    const add = await cli('connection', 'add', '--file', f, '--json');
    expect(add.code, add.stderr).toBe(0);
    const test = await cli('connection', 'test', 'local-sqlite', '--json');
    expect(JSON.parse(test.stdout)).toMatchObject({ ok: true, product: 'SQLite' });
    const list = await cli('connection', 'list', '--json');
    expect(JSON.parse(list.stdout).map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['exchange', 'local-sqlite']));
  });

  it('says which field a connection file is missing', async () => {
    const f = file('bad.json', { name: 'hr', dialect: 'mysql', host: 'db.local', user: 'app' });
    const r = await cli('connection', 'add', '--file', f);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/INVALID_INPUT/);
    expect(r.stderr).toMatch(/database/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('says a file is not JSON', async () => {
    const r = await cli('connection', 'add', '--file', file('broken.json', '{"name": '));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not valid JSON/);
  });

  it('refuses a bridge naming an unknown connection', async () => {
    const f = file('bridge.json', { name: 'staff', source: { connection: 'no-such-db', table: 'staff' }, mode: 'full' });
    const r = await cli('bridge', 'add', '--file', f);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/NOT_FOUND.*no-such-db/);
  });

  it('refuses a second serve on a busy port with a clear message', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await cli('serve', '--port', String(port));
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`PORT_IN_USE.*${port}`));
    } finally {
      blocker.close();
    }
  });

  it('exits non-zero for an unknown command', async () => {
    const r = await cli('frobnicate');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
