import type { StateDb } from '../store/db.js';

export type TableImage = ReadonlyMap<string, Record<string, unknown>[]>;

/** The rows of the tables an import writes, taken before it starts. */
export async function snapshotTables(db: StateDb, tables: readonly string[]): Promise<TableImage> {
  const image = new Map<string, Record<string, unknown>[]>();
  for (const t of tables) image.set(t, await db(t).select('*') as Record<string, unknown>[]);
  return image;
}

/** Puts the tables back as they were, in one transaction (ids kept, so run history stays attached). */
export async function restoreTables(db: StateDb, image: TableImage): Promise<void> {
  await db.transaction(async (trx) => {
    for (const [table, rows] of image) {
      await trx(table).delete();
      // SQLite limits the terms of one statement: insert in small chunks.
      for (let i = 0; i < rows.length; i += 100) await trx(table).insert(rows.slice(i, i + 100));
    }
  });
}
