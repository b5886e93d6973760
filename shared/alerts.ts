import { z } from 'zod';
import { type MessageRef, isMessageRef } from './messages/index.js';

/** What the node raises alerts about (桥接监控, R4 and R5). */
export const ALERT_KINDS = [
  'deviation', 'run-failed', 'run-retried', 'freshness', 'connection-health', 'schema-drift', 'disk-space', 'data-reconciliation', 'stall',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** open: the condition holds; acknowledged: it still holds and someone took it on; resolved: it cleared. */
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

const messageRefSchema = z.custom<MessageRef>(isMessageRef, 'expected a message');

export const alertSchema = z.object({
  id: z.number().int(),
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(ALERT_SEVERITIES),
  /** What the alert is about, e.g. `bridge:<id>` or `connection:<name>`: one active alert per kind and subject. */
  subject: z.string(),
  bridge: z.string().nullable(),
  connection: z.string().nullable(),
  status: z.enum(ALERT_STATUSES),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** How many times the condition was seen while the alert was active. */
  count: z.number().int(),
  message: messageRefSchema,
  /** The run that raised it last, when a run did. */
  runId: z.string().nullable(),
  acknowledged: z.object({ by: z.string(), at: z.string(), comment: z.string() }).nullable(),
  resolvedAt: z.string().nullable(),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertFilterSchema = z.object({
  /** Only alerts whose condition still holds (open or acknowledged). */
  open: z.boolean().default(false),
  status: z.enum(ALERT_STATUSES).optional(),
  bridge: z.string().min(1).optional(),
  kind: z.enum(ALERT_KINDS).optional(),
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0),
}).strict();
export type AlertFilter = z.output<typeof alertFilterSchema>;

export const alertPageSchema = z.object({ total: z.number().int(), items: z.array(alertSchema) });

export const alertCountsSchema = z.object({
  open: z.object({ critical: z.number(), warning: z.number(), info: z.number() }),
  acknowledged: z.number(),
});
export type AlertCounts = z.infer<typeof alertCountsSchema>;
