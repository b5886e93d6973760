import os from 'node:os';
import type { Engine } from '../../electron/engine/engine.js';

/**
 * Test nodes keep their business SQLite files in the OS temp folder, outside the data directory's
 * `files/`: the system administrator's setting allows that folder, as a department would allow its own.
 */
export async function allowTempSqliteFiles(engine: Engine): Promise<void> {
  await engine.sqliteDirs.set([...engine.sqliteDirs.list(), os.tmpdir()]);
}
