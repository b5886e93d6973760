import path from 'node:path';
import type { ConnectionConfigInput } from '../../../shared/index.js';
import { tempDir } from '../../support/temp.js';
import { MYSQL_DB, PG_DB } from '../../support/servers.js';

const sqliteDir = tempDir('exnode-conformance-');

/** The dialects with a real server (or file) here, as connection configs. */
export const CONFIGS: Record<'sqlite' | 'mysql' | 'postgres', ConnectionConfigInput> = {
  sqlite: { name: 'sqlite', dialect: 'sqlite', filename: path.join(sqliteDir.dir, 'conformance.sqlite') },
  mysql: { name: 'mysql', dialect: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: MYSQL_DB },
  postgres: { name: 'postgres', dialect: 'postgres', host: '127.0.0.1', port: 5432, user: 'postgres', database: PG_DB },
};
