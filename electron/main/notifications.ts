import { type Lang, type MessageParams, isMessageRef, translate } from '../../shared/index.js';
import type { EngineEventLike } from './tray-state.js';

/** The desktop notification an engine event deserves, in the shell's language, or null. */
export function notificationFor(event: EngineEventLike, lang: Lang): { title: string; body: string } | null {
  const title = translate(lang, 'shell.productName');
  const p = event.payload as Record<string, unknown> | null | undefined;
  if (!p || typeof p !== 'object') return null;
  if (event.type === 'run.updated' && p.status === 'failed' && typeof p.bridgeName === 'string') {
    const error = p.error as { message?: unknown } | null;
    const body = translate(lang, 'shell.notify.runFailed', { bridge: p.bridgeName });
    return { title, body: typeof error?.message === 'string' ? `${body}: ${error.message}` : body };
  }
  // Monitoring's alerts: notify when one opens (first seen), not on every repeat.
  if (event.type === 'alert.changed' && p.status === 'open' && (p.count === undefined || p.count === 1)) {
    const text = isMessageRef(p.message) ? translate(lang, p.message.key, p.message.params as MessageParams | undefined) : String(p.message ?? p.kind ?? '');
    return { title, body: translate(lang, 'shell.notify.alert', { text }) };
  }
  return null;
}
