import path from 'node:path';
import { tempDir } from '../../support/temp.js';
import { syncSuite } from './suite.js';
import { MYSQL_DB } from '../../support/servers.js';

const tmp = tempDir('exnode-mixed-');

syncSuite({
  label: 'SQLite → MariaDB exchange → SQLite',
  prefix: 'bx_',
  source: () => ({ dialect: 'sqlite', filename: path.join(tmp.dir, 'business.sqlite') }),
  exchange: () => ({ dialect: 'mysql', host: '127.0.0.1', port: 3306, user: 'root', database: MYSQL_DB }),
  receiver: () => ({ dialect: 'sqlite', filename: path.join(tmp.dir, 'business2.sqlite') }),
});
