import { z } from 'zod';
import { runRecordSchema } from './bridge.js';
import { driftEventSchema } from './drift.js';
import { alertSchema } from './alerts.js';

/** Events the engine pushes to the console over server-sent events. */
export const eventSchemas = {
  'run.updated': runRecordSchema,
  'connections.changed': z.object({ name: z.string() }),
  'bridges.changed': z.object({ name: z.string() }),
  'demo.progress': z.object({ rows: z.number(), total: z.number() }),
  /** A data reconciliation under way: source rows compared so far, of about `total`. */
  'reconcile.progress': z.object({ bridge: z.string(), rows: z.number(), total: z.number() }),
  'schema.drift': driftEventSchema,
  /** An alert raised, seen again, acknowledged or resolved. */
  'alert.changed': alertSchema,
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventPayload<E extends EventName> = z.output<(typeof eventSchemas)[E]>;
export interface EngineEvent<E extends EventName = EventName> {
  readonly type: E;
  readonly payload: EventPayload<E>;
}
export const EVENT_NAMES = Object.keys(eventSchemas) as EventName[];
