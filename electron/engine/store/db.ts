import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { translate } from '../../../shared/index.js';
import { MIGRATIONS } from './migrations.js';
import { privateDataDir } from './file-modes.js';

export type StateDb = Knex;

/** Opens the node's own state store (SQLite, WAL) and applies pending migrations. */
export async function openStateDb(dataDir: string): Promise<StateDb> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const fixed = privateDataDir(dataDir);
  if (fixed.length > 0) process.stderr.write(`${translate('zh-CN', 'auth.modesFixed', { files: fixed.join(', ') })}\n`);
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
