import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { msg, render, type MessageRef } from '../../../shared/index.js';
import { MIGRATIONS } from './migrations.js';
import { privateDataDir } from './file-modes.js';

export type StateDb = Knex;

/**
 * Opens the node's own state store (SQLite, WAL) and applies pending migrations. `notice` tells the
 * person starting the node what was repaired on the way (in the shell's language).
 */
export async function openStateDb(dataDir: string, notice: (message: MessageRef) => void = noticeInBothLanguages): Promise<StateDb> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const fixed = privateDataDir(dataDir);
  if (fixed.length > 0) notice(msg('auth.modesFixed', { files: fixed.join(', ') }));
  const db = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dataDir, 'state.sqlite') },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: { pragma(sql: string): unknown }, done: (err: Error | null, conn: unknown) => void) {
        conn.pragma('journal_mode = WAL');
        conn.pragma('synchronous = NORMAL');
        conn.pragma('busy_timeout = 10000');
        conn.pragma('foreign_keys = ON');
        done(null, conn);
      },
    },
  });
  await migrate(db);
  return db;
}

async function migrate(db: Knex): Promise<void> {
  if (!(await db.schema.hasTable('schema_migrations'))) {
    await db.schema.createTable('schema_migrations', (t) => {
      t.string('name').primary();
      t.string('applied_at').notNullable();
    });
  }
  const applied = new Set((await db('schema_migrations').select('name')).map((r: { name: string }) => r.name));
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.name)) continue;
    await db.transaction(async (trx) => {
      await migration.up(trx);
      await trx('schema_migrations').insert({ name: migration.name, applied_at: new Date().toISOString() });
    });
  }
}

/** A notice for whoever starts the node, when the shell has not said its language. */
function noticeInBothLanguages(message: MessageRef): void {
  process.stderr.write(`${render('zh-CN', message)}\n${render('en', message)}\n`);
}
