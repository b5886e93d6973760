import { describe, expect, it } from 'vitest';
import type { ConnectionConfigInput } from '../../../shared/index.js';
import { openDirect } from '../bridges/harness.js';

/** SQL Server and Oracle have no server here, but their drivers must still fail clearly and in time. */
describe('SQL Server and Oracle without a server', () => {
  const cases: [string, ConnectionConfigInput][] = [
    ['SQL Server', { name: 'x', dialect: 'mssql', host: '127.0.0.1', port: 1, user: 'sa', password: 'Secret-123', database: 'master', connectTimeoutMs: 3000 }],
    ['Oracle', { name: 'x', dialect: 'oracle', host: '127.0.0.1', port: 1, serviceName: 'FREEPDB1', user: 'hr', password: 'Secret-123', connectTimeoutMs: 3000 }],
  ];
  for (const [label, config] of cases) {
    it(`${label}: a closed port is PORT_CLOSED, within the timeout, without the password`, async () => {
      const c = await openDirect(config);
      const started = performance.now();
      const r = await c.test();
      await c.close();
      expect(r.ok).toBe(false);
      expect(r.errorCode).toBe('PORT_CLOSED');
      expect(r.message).not.toContain('Secret-123');
      expect(performance.now() - started).toBeLessThan(4000);
    });
  }
});
