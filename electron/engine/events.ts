import { EventEmitter } from 'node:events';
import type { EngineEvent, EventName, EventPayload } from '../../shared/index.js';

/** In-process fan-out of engine events to SSE clients, the desktop shell and tests. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  emit<E extends EventName>(type: E, payload: EventPayload<E>): void {
    this.emitter.emit('event', { type, payload } satisfies EngineEvent<E>);
  }

  subscribe(listener: (event: EngineEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
