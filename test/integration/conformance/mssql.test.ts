import { describe, it } from 'vitest';
import { MSSQL_URL } from '../../support/servers.js';
import { openDirect } from '../bridges/harness.js';
import { configFromUrl } from './live.js';
import { conformanceSuite } from './suite.js';

/** Runs only where a SQL Server is given: EXNODE_TEST_MSSQL_URL=mssql://sa:pw@host:1433/test */
if (MSSQL_URL) {
  const config = configFromUrl(MSSQL_URL, 'mssql');
  conformanceSuite('SQL Server (live)', config, async (table, rows) => {
    const c = await openDirect(config);
    const raw = c as unknown as { withConnection: (a: string, w: (conn: unknown) => Promise<unknown>) => Promise<unknown>; run: (conn: unknown, sql: string, p: unknown[]) => Promise<unknown> };
    await raw.withConnection('generate', (conn) => raw.run(conn, `WITH n AS (SELECT TOP (${rows}) ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) AS i FROM sys.all_objects a CROSS JOIN sys.all_objects b CROSS JOIN sys.all_objects c)
      INSERT INTO [${table}] (id, c_str, c_dec) SELECT i, CONCAT(N'居民', i), CONCAT(i, '.', RIGHT(REPLICATE('0', 10) + CAST(i AS VARCHAR(10)), 10)) FROM n`, []));
    await c.close();
  });
} else {
  describe.skip('connector conformance: SQL Server (set EXNODE_TEST_MSSQL_URL to run against a live server)', () => {
    it('needs a server', () => undefined);
  });
}
