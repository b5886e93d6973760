import fs from 'node:fs';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE_HEAP_MB } from '../../electron/engine/memory.js';
import { exnode } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { readyNode } from '../support/node-setup.js';
import { CONFIGS } from './conformance/dialects.js';
import { MYSQL_DB } from '../support/servers.js';

const TABLE = 'mc_documents';
const ROWS = 60;
/** Characters per document: ~5 MB each as a JS string, 300 MB in all, more than the heap ceiling. */
const DOC_CHARS = 2_500_000;

const tmp = tempDir();
const dataDir = path.join(tmp.dir, 'data');
// Every command runs signed in as the system administrator (readyNode sets the node up and logs in).
let env: NodeJS.ProcessEnv = {};
beforeAll(async () => {
  env = await readyNode(dataDir);
});
const cli = (...args: string[]) => exnode(['--data-dir', dataDir, ...args], { env, timeoutMs: 300_000 });
const file = (name: string, value: unknown) => {
  const p = path.join(tmp.dir, name);
  fs.writeFileSync(p, JSON.stringify(value));
  return p;
};

describe('the engine within its heap ceiling', () => {
  let conn: mysql.Connection;
  beforeAll(async () => {
    conn = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', database: MYSQL_DB });
    await conn.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await conn.query(`CREATE TABLE ${TABLE} (id INT PRIMARY KEY, doc LONGTEXT NOT NULL) DEFAULT CHARSET=utf8mb4`);
    await conn.query(`INSERT INTO ${TABLE} SELECT seq, CONCAT(seq, REPEAT('档案abc', ${DOC_CHARS / 5})) FROM seq_1_to_${ROWS}`);
  });
  afterAll(async () => {
    await conn.query(`DROP TABLE IF EXISTS ${TABLE}`);
    await conn.end();
    tmp.remove();
  });

  it(`copies ${ROWS} documents of ~5 MB (more than ${ENGINE_HEAP_MB} MB in all) through the exnode command`, async () => {
    expect((await cli('connection', 'add', '--file', file('conn.json', CONFIGS.mysql))).code).toBe(0);
    const bridge = { name: 'documents', source: { connection: CONFIGS.mysql.name, table: TABLE }, target: { table: 'documents' } };
    expect((await cli('bridge', 'add', '--file', file('bridge.json', bridge))).code).toBe(0);
    const run = await cli('bridge', 'run', 'documents', '--json');
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'succeeded', sender: { total: ROWS, inserted: ROWS }, receiver: { inserted: ROWS, rejected: 0 }, deviation: { total: 0 },
    });
  });

  it('loads the same documents in diff mode into an empty exchange table (read by key range, gathered into write batches)', async () => {
    const bridge = { name: 'documents_diff', source: { connection: CONFIGS.mysql.name, table: TABLE }, target: { table: 'documents_diff' }, mode: 'diff' };
    expect((await cli('bridge', 'add', '--file', file('bridge-diff.json', bridge))).code).toBe(0);
    const run = await cli('bridge', 'run', 'documents_diff', '--json');
    expect(run.code, run.stderr.slice(-2000)).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      status: 'succeeded', sender: { total: ROWS, inserted: ROWS }, receiver: { inserted: ROWS, rejected: 0 }, deviation: { total: 0 },
    });
  });
});
