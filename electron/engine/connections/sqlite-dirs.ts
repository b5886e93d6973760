import fs from 'node:fs';
import type { StateDb } from '../store/db.js';
import { checkAllowedDir, defaultSqliteDirs, sqliteDirsOf, useSqliteDirs } from './safety.js';

const KEY = 'sqliteDirs';

/**
 * The directories SQLite connections may use (a system administrator's setting, default the data
 * directory's `files/`), kept in the settings table and handed to the connection check on change.
 */
export class SqliteDirs {
  constructor(private readonly db: StateDb, private readonly dataDir: string) {}

  async load(): Promise<readonly string[]> {
    const row = (await this.db('settings').where({ key: KEY }).first('value')) as { value: string } | undefined;
    const dirs = row ? (JSON.parse(row.value) as string[]) : defaultSqliteDirs(this.dataDir);
    // The department's own folder exists from the start, private like the rest of the data directory.
    if (!row) for (const dir of dirs) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    useSqliteDirs(this.dataDir, dirs);
    return dirs;
  }

  list(): readonly string[] {
    return sqliteDirsOf(this.dataDir);
  }

  async set(dirs: readonly string[]): Promise<readonly string[]> {
    const checked = [...new Set(dirs.map(checkAllowedDir))];
    await this.db('settings').insert({ key: KEY, value: JSON.stringify(checked) }).onConflict('key').merge();
    useSqliteDirs(this.dataDir, checked);
    return checked;
  }
}
