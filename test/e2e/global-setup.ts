import { TEST_ADMINS } from '../support/node-setup.js';

export const E2E_BASE_URL = `http://127.0.0.1:${Number(process.env.EXNODE_E2E_PORT ?? 7431)}`;

/**
 * The e2e server starts on a fresh data directory: set up its three administrators over the API, as
 * a technician would, before any test runs. The first-start test (setup.spec.ts) uses its own node.
 */
export default async function globalSetup(): Promise<void> {
  const post = (op: string, body: unknown) => fetch(`${E2E_BASE_URL}/api/ops/${op}`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const status = (await (await post('auth/status', {})).json()) as { setupRequired: boolean };
  if (status.setupRequired) {
    const res = await post('auth/setup', TEST_ADMINS);
    if (!res.ok) throw new Error(`e2e setup failed: ${await res.text()}`);
  }
}
