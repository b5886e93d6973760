import { syncSuite } from './suite.js';

syncSuite({
  label: 'PostgreSQL → PostgreSQL exchange → MariaDB',
  prefix: 'bp_',
  source: () => ({ dialect: 'postgres', host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' }),
  exchange: () => ({ dialect: 'postgres', host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' }),
  receiver: () => ({ dialect: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: 'test' }),
});
