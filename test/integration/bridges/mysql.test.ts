import { syncSuite } from './suite.js';
import { MYSQL_DB, PG_DB } from '../../support/servers.js';

syncSuite({
  label: 'MariaDB → embedded SQLite exchange → PostgreSQL',
  prefix: 'bm_',
  source: () => ({ dialect: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: MYSQL_DB }),
  receiver: () => ({ dialect: 'postgres', host: '127.0.0.1', port: 5432, user: 'postgres', database: PG_DB }),
});
