import { test as base, expect, type APIRequestContext } from '@playwright/test';
import { TEST_ADMINS } from '../support/node-setup.js';
import { E2E_BASE_URL } from './global-setup.js';

export interface SignedIn {
  readonly token: string;
  readonly csrfToken: string;
}

/** Signs in over the API as one of the test administrators; the session works as bearer token and as the console's cookies. */
export async function signInAs(request: APIRequestContext, who: keyof typeof TEST_ADMINS): Promise<SignedIn> {
  const res = await request.post(`${E2E_BASE_URL}/api/ops/auth/login`, { data: { ...TEST_ADMINS[who], bearer: true } });
  if (!res.ok()) throw new Error(`sign-in as ${who} failed: ${await res.text()}`);
  const body = (await res.json()) as { token: string; csrfToken: string };
  return { token: body.token, csrfToken: body.csrfToken };
}

/**
 * Every browser test imports `test` and `expect` from here: `page` is a console page and `request`
 * an API client, both signed in as the system administrator. `anonymousPage` is a page of a browser
 * without a session (for the sign-in and setup pages).
 */
// One sign-in per worker: sign-ins are rate-limited per address and per account, as for a real attacker.
export const test = base.extend<object, { session: SignedIn }>({
  session: [async ({ playwright }, use) => {
    const ctx = await playwright.request.newContext();
    const session = await signInAs(ctx, 'sysadmin');
    await ctx.dispose();
    await use(session);
  }, { scope: 'worker' }],
  request: async ({ playwright, session }, use) => {
    const ctx = await playwright.request.newContext({
      baseURL: E2E_BASE_URL,
      extraHTTPHeaders: { authorization: `Bearer ${session.token}` },
    });
    await use(ctx);
    await ctx.dispose();
  },
  page: async ({ page, session }, use) => {
    const url = E2E_BASE_URL;
    await page.context().addCookies([
      { name: 'exnode_session', value: session.token, url, httpOnly: true, sameSite: 'Strict' },
      { name: 'exnode_csrf', value: session.csrfToken, url, sameSite: 'Strict' },
    ]);
    await use(page);
  },
});
export { expect };
