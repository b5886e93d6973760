import { syncSuite } from './suite.js';
import { MYSQL_DB, PG_DB } from '../../support/servers.js';

syncSuite({
  label: 'PostgreSQL → PostgreSQL exchange → MariaDB',
  prefix: 'bp_',
  source: () => ({ dialect: 'postgres', host: '127.0.0.1', port: 5432, user: 'postgres', database: PG_DB }),
  exchange: () => ({ dialect: 'postgres', host: '127.0.0.1', port: 5432, user: 'postgres', database: PG_DB }),
  receiver: () => ({ dialect: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: MYSQL_DB }),
});
