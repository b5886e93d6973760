import { CONFIGS } from './dialects.js';
import { generatePostgres } from './generate.js';
import { conformanceSuite } from './suite.js';

conformanceSuite('PostgreSQL', CONFIGS.postgres, generatePostgres);
