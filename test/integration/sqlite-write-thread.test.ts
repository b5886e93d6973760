import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { Column } from '../../shared/index.js';
import { msg } from '../../shared/index.js';
import { classifyError } from '../../connectors/core/classify.js';
import { openDirect } from './bridges/harness.js';
import { tempDir } from '../support/temp.js';

const tmp = tempDir('exnode-write-thread-');
afterAll(() => tmp.remove());

const COLUMNS: Column[] = [
  { name: 'id', nativeType: 'integer', type: 'integer', nullable: false, primaryKey: true },
  { name: 'v', nativeType: 'string', type: 'string', nullable: true, primaryKey: false },
];
const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => [from + i, `值${from + i}`]);
/** The connector's write thread, reached from outside to kill it as a crash would. */
const threadOf = (c: object) => (c as { thread: { worker: Worker } | null }).thread!.worker;

describe('SQLite write thread', () => {
  it('a thread that dies fails its batch as a lost connection (retried, not rejected), and the next write starts a new one', async () => {
    const c = await openDirect({ name: 'wt', dialect: 'sqlite', filename: path.join(tmp.dir, 'wt.sqlite') });
    const table = { name: 't' };
    await c.createTable(table, COLUMNS, ['id']);
    await c.transaction((w) => w.insert(table, COLUMNS, rows(1, 100)));

    const failed = c.transaction(async (w) => {
      await w.insert(table, COLUMNS, rows(101, 100));
      await threadOf(c).terminate();
      await w.insert(table, COLUMNS, rows(201, 100));
    });
    const error = await failed.then(() => null, (e: unknown) => e);
    expect(classifyError(error, { what: msg('connectors.action.writing') })).toMatchObject({ code: 'CONNECTION_LOST', retryable: true });

    // The dead thread's transaction was rolled back with its connection; a new thread takes over.
    await c.transaction((w) => w.insert(table, COLUMNS, rows(101, 200)));
    expect(await c.count(table)).toBe(300);
    await c.close();
  });
});
