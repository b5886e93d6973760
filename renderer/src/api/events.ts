import type { EngineEvent, EventName, EventPayload } from '../../../shared/index.js';
import { EVENT_NAMES } from '../../../shared/index.js';
import { launchSecret } from './client.js';

type Listener = (event: EngineEvent) => void;

const listeners = new Set<Listener>();
let source: EventSource | null = null;

/** Closes the stream (at sign-out); the next subscription opens it again with the new session. */
export function disconnectEvents(): void {
  source?.close();
  source = null;
}

function connect(): void {
  if (source) return;
  // The session cookie goes with the request; the desktop shell's launch secret as a parameter (EventSource sets no headers).
  const launch = launchSecret();
  source = new EventSource(launch ? `/api/events?launch=${encodeURIComponent(launch)}` : '/api/events');
  for (const type of EVENT_NAMES) {
    source.addEventListener(type, (message) => {
      const payload = JSON.parse((message as MessageEvent<string>).data) as EventPayload<typeof type>;
      for (const listener of listeners) listener({ type, payload });
    });
  }
  // EventSource reconnects by itself after a dropped connection.
}

/** Subscribes to the engine's live events; returns the unsubscribe function. */
export function subscribe<E extends EventName>(type: E, handler: (payload: EventPayload<E>) => void): () => void {
  connect();
  const listener: Listener = (event) => {
    if (event.type === type) handler(event.payload as EventPayload<E>);
  };
  listeners.add(listener);
  return () => listeners.delete(listener);
}
