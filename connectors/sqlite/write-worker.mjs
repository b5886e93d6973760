// @ts-check
// The SQLite write thread (see write-thread.ts). JavaScript checked by tsc (allowJs, strict), not
// TypeScript: a worker starts from a file, and this file must load unchanged under tsx, vitest and the
// bundled desktop build. It owns one connection and runs the statements of the node's write
// transactions on it, so that inserting a batch does not stop the main thread from reading the next.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @typedef {{ file: string; timeoutMs: number; readOnly: boolean }} WriterData */
/** @typedef {{ updateSql: string | null; existsSql: string; insertSql: string; keyIdx: number[]; valIdx: number[]; rows: unknown[][] }} UpsertArgs */

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const data = /** @type {WriterData} */ (workerData);
const db = new Database(data.file, { readonly: data.readOnly, timeout: data.timeoutMs });
if (!data.readOnly) db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');

/** @type {Map<string, import('better-sqlite3').Statement>} */
const statements = new Map();
/** @param {string} sql */
function prepare(sql) {
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

const operations = {
  /** @param {{ sql: string }} args */
  exec({ sql }) {
    db.exec(sql);
    return null;
  },
  /** One statement with its parameters: the number of rows it changed. @param {{ sql: string; params: unknown[] }} args */
  run({ sql, params }) {
    return prepare(sql).run(...params).changes;
  },
  /** One statement run once per row: the rows changed in all. @param {{ sql: string; rows: unknown[][] }} args */
  runEach({ sql, rows }) {
    const statement = prepare(sql);
    let changes = 0;
    for (const row of rows) changes += statement.run(row).changes;
    return changes;
  },
  /** Update each row by key, inserting it where no row has the key. @param {UpsertArgs} args */
  upsert({ updateSql, existsSql, insertSql, keyIdx, valIdx, rows }) {
    const update = updateSql ? prepare(updateSql) : null;
    const exists = prepare(existsSql);
    const insert = prepare(insertSql);
    let inserted = 0;
    let updated = 0;
    for (const values of rows) {
      const key = keyIdx.map((i) => values[i]);
      if (update) {
        const changes = update.run(...valIdx.map((i) => values[i]), ...key).changes;
        if (changes > 0) {
          updated += changes;
          continue;
        }
      } else if (exists.get(...key) !== undefined) {
        continue;
      }
      inserted += insert.run(...values).changes;
    }
    return { inserted, updated };
  },
  /** Rows of a query, integers as BigInt (the main thread makes them canonical). @param {{ sql: string; params: unknown[] }} args */
  all({ sql, params }) {
    const statement = prepare(sql);
    statement.safeIntegers(true);
    return statement.all(...params);
  },
  /** Ends an open transaction, if there is one (after a failure). */
  rollback() {
    if (db.inTransaction) db.exec('ROLLBACK');
    return null;
  },
};

port.on('message', (/** @type {{ id: number; op: keyof typeof operations; args: never }} */ { id, op, args }) => {
  try {
    port.postMessage({ id, result: operations[op](args) });
  } catch (error) {
    const e = /** @type {Error & { code?: string }} */ (error);
    port.postMessage({ id, error: { name: e.name, message: e.message, code: e.code } });
  }
});
