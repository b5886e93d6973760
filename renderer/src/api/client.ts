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

/** The per-launch secret the desktop shell hands over; the headless console has none. */
export function sessionToken(): string | undefined {
  return window.exnode?.session;
}

/**
 * Calls one operation of the engine. Typed from the contract: a renamed field is a compile error here
 * and in every page that uses it.
 */
export async function call<K extends OperationName>(op: K, input: Input<K>): Promise<Output<K>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const token = sessionToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/api/ops/${op}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
  } catch (error) {
    throw new ExNodeError('CONNECTION_LOST', msg('common.engineUnreachable', { detail: (error as Error).message }));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const envelope = errorEnvelopeSchema.safeParse(body);
    if (envelope.success) throw ExNodeError.fromEnvelope(envelope.data);
    throw new ExNodeError('INTERNAL', msg('common.engineAnswered', { status: response.status, statusText: response.statusText }));
  }
  return body as Output<K>;
}
