import { CONFIGS } from './dialects.js';
import { generateSqlite } from './generate.js';
import { conformanceSuite } from './suite.js';

const config = CONFIGS.sqlite as { filename: string } & typeof CONFIGS.sqlite;
conformanceSuite('SQLite', config, (table, rows) => generateSqlite(config.filename, table, rows));
