import type { StateDb } from '../store/db.js';

/** Tables the configuration sections write; restored as they were when an apply fails half-way. */
export const CONFIG_TABLES = [
  'connections', 'bridges', 'catalog_entries', 'schedules', 'connection_run_limits', 'monitor_bridge_settings', 'monitor_channels',
];

export type TableImage = ReadonlyMap<string, Record<string, unknown>[]>;

/** What makes a configuration import all or nothing: an image of the tables it writes, put back when it fails. */
export class ConfigRollback {
  constructor(private readonly db: StateDb) {}

  /** The rows of the tables an import writes, taken before it starts. */
  async snapshot(): Promise<TableImage> {
    const image = new Map<string, Record<string, unknown>[]>();
    for (const t of CONFIG_TABLES) image.set(t, await this.db(t).select('*') as Record<string, unknown>[]);
    return image;
  }

  /** Puts the tables back as they were, in one transaction (ids kept, so run history stays attached). */
  async restore(image: TableImage): Promise<void> {
    await this.db.transaction(async (trx) => {
      for (const [table, rows] of image) {
        await trx(table).delete();
        // SQLite limits the terms of one statement: insert in small chunks.
        for (let i = 0; i < rows.length; i += 100) await trx(table).insert(rows.slice(i, i + 100));
      }
    });
  }
}
