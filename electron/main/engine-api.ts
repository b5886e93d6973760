/** Calls the engine's API from the shell (tray actions, quit, diagnostics) with this launch's session secret. */
export interface EngineApi {
  call<T = unknown>(op: string, input?: unknown): Promise<T>;
}

export function engineApi(url: () => string | null, session: string, fetchImpl: typeof fetch = fetch): EngineApi {
  return {
    async call<T>(op: string, input: unknown = {}): Promise<T> {
      const base = url();
      if (!base) throw new Error('engine not running');
      const response = await fetchImpl(new URL(`/api/ops/${op}`, base), {
        method: 'POST', headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' }, body: JSON.stringify(input),
      });
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (!response.ok) throw new Error(body?.error?.message ?? `${response.status} ${response.statusText}`);
      return body as T;
    },
  };
}
