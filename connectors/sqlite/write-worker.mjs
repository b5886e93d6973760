// The SQLite write thread (see write-thread.ts). Plain JavaScript on purpose: a worker is started from
// a file path, and this file must load unchanged under tsx, vitest and the bundled desktop build.
// It owns one connection and runs the statements of the node's write transactions on it, so that
// inserting a batch does not stop the main thread from reading and mapping the next one.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { readonly: workerData.readOnly, timeout: workerData.timeoutMs });
if (!workerData.readOnly) db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');

const statements = new Map();
function prepare(sql) {
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}

const operations = {
  exec({ sql }) {
    db.exec(sql);
    return null;
  },
  /** One statement with its parameters: the number of rows it changed. */
  run({ sql, params }) {
    return prepare(sql).run(...params).changes;
  },
  /** One statement run once per row: the rows changed in all. */
  runEach({ sql, rows }) {
    const statement = prepare(sql);
    let changes = 0;
    for (const row of rows) changes += statement.run(row).changes;
    return changes;
  },
  /** Update each row by key, inserting it where no row has the key. */
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
  /** Rows of a query, integers as BigInt (the main thread converts them to canonical values). */
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

parentPort.on('message', ({ id, op, args }) => {
  try {
    parentPort.postMessage({ id, result: operations[op](args) });
  } catch (error) {
    parentPort.postMessage({ id, error: { name: error.name, message: error.message, code: error.code } });
  }
});
