import path from 'node:path';
import { tempDir } from '../../support/temp.js';
import { syncSuite } from './suite.js';

const tmp = tempDir('exnode-sqlite-sync-');

syncSuite({
  label: 'sqlite → embedded sqlite exchange → sqlite',
  prefix: 'sq_',
  source: () => ({ dialect: 'sqlite', filename: path.join(tmp.dir, 'business.sqlite') }),
  receiver: () => ({ dialect: 'sqlite', filename: path.join(tmp.dir, 'business2.sqlite') }),
});
