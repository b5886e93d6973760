import type { Input, OperationName, Output } from '../../../shared/index.js';
import { ExNodeError, errorEnvelopeSchema, msg } from '../../../shared/index.js';

interface DesktopBridge {
  readonly session?: string;
}

declare global {
  interface Window {
    exnode?: DesktopBridge;
  }
}

/** The per-launch secret the desktop shell hands over (a guard besides sign-in); the headless console has none. */
export function launchSecret(): string | undefined {
  return window.exnode?.session;
}

/** The session's CSRF token, which the engine set in a cookie at sign-in; echoed on every call. */
export function csrfToken(): string | undefined {
  const found = document.cookie.split('; ').find((c) => c.startsWith('exnode_csrf='));
  return found ? decodeURIComponent(found.slice('exnode_csrf='.length)) : undefined;
}

/** Fired when the engine answers 401: the console shows its sign-in page. */
export const SIGNED_OUT_EVENT = 'exnode:signed-out';

/**
 * Calls one operation of the engine. Typed from the contract: a renamed field is a compile error here
 * and in every page that uses it.
 */
export async function call<K extends OperationName>(op: K, input: Input<K>): Promise<Output<K>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const launch = launchSecret();
  if (launch) headers['x-exnode-launch'] = launch;
  const csrf = csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`/api/ops/${op}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}), credentials: 'same-origin' });
  } catch (error) {
    throw new ExNodeError('CONNECTION_LOST', msg('common.engineUnreachable', { detail: (error as Error).message }));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(body);
    if (response.status === 401 && !op.startsWith('auth/')) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    if (envelope.success) throw ExNodeError.fromEnvelope(envelope.data);
    throw new ExNodeError('INTERNAL', msg('common.engineAnswered', { status: response.status, statusText: response.statusText }));
  }
  return body as Output<K>;
}
