import { describe, it } from 'vitest';
import { ORACLE_URL } from '../../support/servers.js';
import { openDirect } from '../bridges/harness.js';
import { configFromUrl } from './live.js';
import { conformanceSuite } from './suite.js';

/** Runs only where an Oracle server is given: EXNODE_TEST_ORACLE_URL=oracle://user:pw@host:1521/FREEPDB1 */
if (ORACLE_URL) {
  const config = configFromUrl(ORACLE_URL, 'oracle');
  conformanceSuite('Oracle (live)', config, async (table, rows) => {
    const c = await openDirect(config);
    const raw = c as unknown as { transaction: (w: (writer: unknown) => Promise<unknown>) => Promise<unknown>; withConnection: (a: string, w: (conn: unknown) => Promise<unknown>) => Promise<unknown>; run: (conn: unknown, sql: string, p: unknown[]) => Promise<unknown> };
    await raw.withConnection('generate', async (conn) => {
      await raw.run(conn, `INSERT INTO "${table}" ("id", "c_str", "c_dec") SELECT LEVEL, '居民' || LEVEL, LEVEL || '.' || LPAD(LEVEL, 10, '0') FROM dual CONNECT BY LEVEL <= ${rows}`, []);
      await (conn as { commit(): Promise<void> }).commit();
    });
    await c.close();
  });
} else {
  describe.skip('connector conformance: Oracle (set EXNODE_TEST_ORACLE_URL to run against a live server)', () => {
    it('needs a server', () => undefined);
  });
}
