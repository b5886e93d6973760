import { isExNodeError, isMessageRef, render, type MessageRef } from '../../../shared/index.js';

/**
 * A reason kept in a text column (a rejected row's, a connection test's): the English text for the
 * department's tools, with its message key when it has one, so each shell renders it in its language.
 * Stored as JSON `{message, key, params}`; rows written before keys hold plain text.
 */
export function storeMessage(reason: MessageRef | string): string {
  if (typeof reason === 'string') return reason;
  return JSON.stringify({ message: render('en', reason), key: reason.key, ...(reason.params ? { params: reason.params } : {}) });
}

export interface ReadMessage {
  /** In English. */
  readonly text: string;
  readonly message: MessageRef | null;
}

export function readStoredMessage(stored: string): ReadMessage {
  if (!stored.startsWith('{')) return { text: stored, message: null };
  try {
    const { message, ...ref } = JSON.parse(stored) as { message: string } & MessageRef;
    return isMessageRef(ref) ? { text: message, message: ref } : { text: stored, message: null };
  } catch {
    return { text: stored, message: null };
  }
}

/** What a failure says: its message where it has one (a key to render, or to nest in another message). */
export function reasonOf(error: unknown): MessageRef | string {
  if (isExNodeError(error)) return error.ref ?? error.message;
  return error instanceof Error ? error.message : String(error);
}
