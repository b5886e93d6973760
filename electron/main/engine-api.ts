/**
 * The console session the shell acts as: the window's sign-in (its session cookie and CSRF token,
 * read from the window's cookie store). Null when nobody is signed in: tray actions then ask for it.
 */
export type ShellCredentials =
  | { readonly sessionCookie: string; readonly csrf: string }
  /** A script's bearer token (tests of the shell's modules against a real engine). */
  | { readonly bearer: string };

/** Calls the engine's API from the shell (tray actions, quit, diagnostics) as the signed-in console user. */
export interface EngineApi {
  call<T = unknown>(op: string, input?: unknown): Promise<T>;
}

/**
 * Every call carries this launch's secret (X-ExNode-Launch: the loopback API's guard against other
 * local processes) and the window user's session: the shell can do nothing its user could not.
 */
export function engineApi(
  url: () => string | null, launchSecret: string, credentials: () => Promise<ShellCredentials | null>, fetchImpl: typeof fetch = fetch,
): EngineApi {
  return {
    async call<T>(op: string, input: unknown = {}): Promise<T> {
      const base = url();
      if (!base) throw new Error('engine not running');
      const signedIn = await credentials();
      if (!signedIn) throw new Error('sign in to the console first');
      const response = await fetchImpl(new URL(`/api/ops/${op}`, base), {
        method: 'POST',
        headers: {
          'content-type': 'application/json', 'x-exnode-launch': launchSecret,
          ...('bearer' in signedIn
            ? { authorization: `Bearer ${signedIn.bearer}` }
            : { cookie: `exnode_session=${signedIn.sessionCookie}`, 'x-csrf-token': signedIn.csrf }),
        },
        body: JSON.stringify(input),
      });
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (!response.ok) throw new Error(body?.error?.message ?? `${response.status} ${response.statusText}`);
      return body as T;
    },
  };
}
