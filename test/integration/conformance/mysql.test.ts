import { CONFIGS } from './dialects.js';
import { generateMysql } from './generate.js';
import { conformanceSuite } from './suite.js';

conformanceSuite('MariaDB', CONFIGS.mysql, generateMysql);
