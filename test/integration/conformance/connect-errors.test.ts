import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { ConnectionConfigInput } from '../../../shared/index.js';
import { openDirect } from '../bridges/harness.js';
import { MYSQL_DB, PG_DB } from '../../support/servers.js';

const TIMEOUT_MS = 3000;
const SECRET = 'Corr3ct-Horse!';

/** Every failure a technician meets first gets its own code and a message without the password. */
describe('connection failures are classified', () => {
  beforeAll(async () => {
    const root = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: MYSQL_DB });
    await root.query(`CREATE USER IF NOT EXISTS 'exnode_cf'@'%' IDENTIFIED BY '${SECRET}'`);
    await root.query(`CREATE USER IF NOT EXISTS 'exnode_cf'@'localhost' IDENTIFIED BY '${SECRET}'`);
    await root.end();
  });
  afterAll(async () => {
    const root = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: MYSQL_DB });
    await root.query(`DROP USER IF EXISTS 'exnode_cf'@'%'`);
    await root.query(`DROP USER IF EXISTS 'exnode_cf'@'localhost'`);
    await root.end();
  });

  const cases: [string, ConnectionConfigInput, string][] = [
    ['closed port (MariaDB)', { name: 'x', dialect: 'mysql', host: '127.0.0.1', port: 1, user: 'root', database: MYSQL_DB }, 'PORT_CLOSED'],
    ['closed port (PostgreSQL)', { name: 'x', dialect: 'postgres', host: '127.0.0.1', port: 1, user: 'postgres', database: PG_DB }, 'PORT_CLOSED'],
    ['wrong password', { name: 'x', dialect: 'mysql', host: '127.0.0.1', user: 'exnode_cf', password: 'wrong-' + SECRET, database: MYSQL_DB }, 'LOGIN_FAILED'],
    ['missing database (MariaDB)', { name: 'x', dialect: 'mysql', host: '127.0.0.1', user: 'root', database: 'no_such_db_exnode' }, 'DATABASE_NOT_FOUND'],
    ['missing database (PostgreSQL)', { name: 'x', dialect: 'postgres', host: '127.0.0.1', user: 'postgres', database: 'no_such_db_exnode' }, 'DATABASE_NOT_FOUND'],
    ['missing SQLite file (read-only)', { name: 'x', dialect: 'sqlite', filename: '/nonexistent/dir/x.sqlite', readOnly: true }, 'DATABASE_NOT_FOUND'],
  ];

  for (const [label, config, code] of cases) {
    it(`${label} → ${code}`, async () => {
      const c = await openDirect({ ...config, connectTimeoutMs: TIMEOUT_MS } as ConnectionConfigInput);
      const started = performance.now();
      const result = await c.test();
      const elapsed = performance.now() - started;
      await c.close();
      expect(result.ok).toBe(false);
      expect(result.errorCode).toBe(code);
      expect(result.message).toBeTruthy();
      expect(result.message).not.toContain(SECRET);
      expect(result.message).not.toMatch(/\n\s+at /);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 500);
    });
  }

  it('a host that does not answer times out within the configured timeout', async () => {
    // 10.255.255.1 is unroutable here: the SYN goes nowhere.
    const c = await openDirect({ name: 'x', dialect: 'mysql', host: '10.255.255.1', user: 'root', database: MYSQL_DB, connectTimeoutMs: 1500 });
    const started = performance.now();
    const result = await c.test();
    await c.close();
    expect(result.ok).toBe(false);
    expect(['TIMEOUT', 'HOST_UNREACHABLE']).toContain(result.errorCode);
    expect(performance.now() - started).toBeLessThan(4000);
  });

  // A read that hangs (a lock, a runaway view) must end at the query timeout, not block a bridge forever.
  const slowViews: [string, ConnectionConfigInput, string][] = [
    ['MariaDB', { name: 'x', dialect: 'mysql', host: '127.0.0.1', user: 'root', database: MYSQL_DB }, 'CREATE OR REPLACE VIEW exn_slow_view AS SELECT 1 AS id, SLEEP(5) AS s'],
    ['PostgreSQL', { name: 'x', dialect: 'postgres', host: '127.0.0.1', user: 'postgres', database: PG_DB }, 'CREATE OR REPLACE VIEW exn_slow_view AS SELECT 1 AS id, pg_sleep(5)::text AS s'],
  ];
  for (const [label, config, ddl] of slowViews) {
    it(`a query past the query timeout ends with TIMEOUT (${label})`, async () => {
      await runAdmin(config.dialect, ddl);
      const c = await openDirect({ ...config, queryTimeoutMs: 1000 } as ConnectionConfigInput);
      const view = { name: 'exn_slow_view' };
      const columns = (await c.describeTable(view)).columns;
      const started = performance.now();
      const read = (async () => { for await (const batch of c.readBatches({ table: view, columns, keyColumns: ['id'], batchSize: 10 })) void batch; })();
      await expect(read).rejects.toMatchObject({ code: 'TIMEOUT', message: expect.stringMatching(/query timeout/) });
      expect(performance.now() - started).toBeLessThan(4000);
      await c.close();
      await runAdmin(config.dialect, 'DROP VIEW IF EXISTS exn_slow_view');
    });
  }
});

async function runAdmin(dialect: string, sql: string): Promise<void> {
  if (dialect === 'mysql') {
    const root = await mysql.createConnection({ host: '127.0.0.1', user: 'root', database: MYSQL_DB });
    await root.query(sql);
    await root.end();
  } else {
    const client = new pg.Client({ host: '127.0.0.1', user: 'postgres', database: PG_DB });
    await client.connect();
    await client.query(sql);
    await client.end();
  }
}
