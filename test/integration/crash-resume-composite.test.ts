import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exnode } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { runAndKill } from '../support/crash.js';
import { readyNode } from '../support/node-setup.js';

const ROWS = 40_000;
const tmp = tempDir('exnode-crash-ck-');
const dataDir = path.join(tmp.dir, 'data');
const businessFile = path.join(tmp.dir, 'business.sqlite');
// Every command runs signed in as the system administrator (readyNode sets the node up and logs in).
let env: NodeJS.ProcessEnv = {};
const cli = (...args: string[]) => exnode(['--data-dir', dataDir, ...args], { env });
beforeAll(async () => {
  env = await readyNode(dataDir);
  new Database(businessFile).close();
  fs.writeFileSync(path.join(tmp.dir, 'c.json'), JSON.stringify({ name: 'books', dialect: 'sqlite', filename: businessFile }));
  expect((await cli('connection', 'add', '--file', path.join(tmp.dir, 'c.json'))).code).toBe(0);
});

afterAll(() => tmp.remove());


const row = (i: number, version = 0) => [Math.floor(i / 10), `2001-02-${String(1 + (i % 10)).padStart(2, '0')}`, `值${i}v${version}`];

function exchangeEqualsSource(table = 'ledger'): void {
  const source = new Database(businessFile, { readonly: true });
  const exchange = new Database(path.join(dataDir, 'exchange.sqlite'), { readonly: true });
  try {
    const want = source.prepare(`SELECT a, b, v FROM ${table} ORDER BY a, b`).all();
    const got = exchange.prepare(`SELECT a, b, v FROM ${table} WHERE exn_op <> 'D' ORDER BY a, b`).all();
    expect(got).toEqual(want);
  } finally {
    source.close();
    exchange.close();
  }
}

/** 3 inserts (before the first key, in the middle, past the last), 2 updates, 1 delete. */
function changeThreeTwoOne(table: string): void {
  const b = new Database(businessFile);
  b.prepare(`INSERT INTO ${table} VALUES (?, ?, ?)`).run(-1, '2001-01-01', 'new first');
  b.prepare(`INSERT INTO ${table} VALUES (?, ?, ?)`).run(2000, '2001-03-01', 'new middle');
  b.prepare(`INSERT INTO ${table} VALUES (?, ?, ?)`).run(ROWS, '2001-02-01', 'new last');
  b.prepare(`UPDATE ${table} SET v = ? WHERE a = ? AND b = ?`).run('changed', ...row(15).slice(0, 2));
  b.prepare(`UPDATE ${table} SET v = ? WHERE a = ? AND b = ?`).run('changed', ...row(ROWS - 5).slice(0, 2));
  b.prepare(`DELETE FROM ${table} WHERE a = ? AND b = ?`).run(...row(25_003).slice(0, 2));
  b.close();
}

describe('crash safety on a composite key (INT, DATE)', () => {
  it('a first load and a steady-state re-run, each killed mid-way, resume with exact counts', async () => {
    const db = new Database(businessFile);
    db.exec('CREATE TABLE ledger (a INTEGER NOT NULL, b DATE NOT NULL, v VARCHAR(40) NOT NULL, PRIMARY KEY (a, b))');
    const insert = db.prepare('INSERT INTO ledger VALUES (?, ?, ?)');
    db.transaction(() => { for (let i = 0; i < ROWS; i++) insert.run(...row(i)); })();
    db.close();
    fs.writeFileSync(path.join(tmp.dir, 'b.json'), JSON.stringify({
      name: 'ledger', source: { connection: 'books', table: 'ledger' }, mode: 'full', batchSize: 500, rowsPerSecond: 12_000,
    }));
    expect((await cli('bridge', 'add', '--file', path.join(tmp.dir, 'b.json'))).code).toBe(0);

    for (const at of [0.3, 0.7]) await runAndKill(dataDir, env, 'ledger', Math.floor(at * ROWS));
    const first = JSON.parse((await cli('bridge', 'run', 'ledger', '--json')).stdout);
    expect(first).toMatchObject({ status: 'succeeded', deviation: { total: 0 } });
    expect(first.sender).toMatchObject({ inserted: ROWS, updated: 0, deleted: 0 });
    exchangeEqualsSource();

    // The re-run after 3/2/1 changes is killed half-way.
    changeThreeTwoOne('ledger');
    const killedAt = await runAndKill(dataDir, env, 'ledger', Math.floor(ROWS * 0.75));
    expect(killedAt).toBeLessThan(ROWS);
    const again = JSON.parse((await cli('bridge', 'run', 'ledger', '--json')).stdout);
    expect(again).toMatchObject({ status: 'succeeded', deviation: { total: 0 } });
    expect(again.sender).toMatchObject({ inserted: 3, updated: 2, deleted: 1 });
    expect(again.receiver).toMatchObject({ inserted: 3, updated: 2, deleted: 1, rejected: 0 });
    exchangeEqualsSource();
  }, 180_000);

  it('a diff first load into the empty exchange table (loaded by key range, not compared), killed mid-range, resumes without writing a row twice', async () => {
    const db = new Database(businessFile);
    db.exec('CREATE TABLE journal (a INTEGER NOT NULL, b DATE NOT NULL, v VARCHAR(40) NOT NULL, PRIMARY KEY (a, b))');
    const insert = db.prepare('INSERT INTO journal VALUES (?, ?, ?)');
    db.transaction(() => { for (let i = 0; i < ROWS; i++) insert.run(...row(i)); })();
    db.close();
    fs.writeFileSync(path.join(tmp.dir, 'd.json'), JSON.stringify({
      name: 'journal', source: { connection: 'books', table: 'journal' }, mode: 'diff', batchSize: 200, rowsPerSecond: 12_000,
    }));
    expect((await cli('bridge', 'add', '--file', path.join(tmp.dir, 'd.json'))).code).toBe(0);

    // A range (10,000 rows) takes about a second at this rate, and rows read move with each batch written: the kills land mid-range.
    for (const at of [0.2, 0.6]) await runAndKill(dataDir, env, 'journal', Math.floor(at * ROWS));
    const exchange = new Database(path.join(dataDir, 'exchange.sqlite'), { readonly: true });
    const loaded = (exchange.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n;
    exchange.close();
    expect(loaded).toBeGreaterThan(0);
    expect(loaded).toBeLessThan(ROWS);
    const first = JSON.parse((await cli('bridge', 'run', 'journal', '--json')).stdout);
    expect(first).toMatchObject({ status: 'succeeded', deviation: { total: 0 } });
    expect(first.sender).toMatchObject({ total: ROWS, inserted: ROWS, updated: 0, deleted: 0 });
    expect(first.receiver).toMatchObject({ inserted: ROWS, rejected: 0 });
    exchangeEqualsSource('journal');

    changeThreeTwoOne('journal');
    const again = JSON.parse((await cli('bridge', 'run', 'journal', '--json')).stdout);
    expect(again).toMatchObject({ status: 'succeeded', deviation: { total: 0 } });
    expect(again.sender).toMatchObject({ inserted: 3, updated: 2, deleted: 1 });
    expect(again.receiver).toMatchObject({ inserted: 3, updated: 2, deleted: 1, rejected: 0 });
    // Only the changed rows moved: the source hashes stored by the bulk load let the rest be skipped.
    expect(again.progress.rowsTransferred).toBe(5);
    exchangeEqualsSource('journal');
  }, 180_000);
});
