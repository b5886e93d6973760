import { z } from 'zod';
import { messageRefSchema } from './message-schema.js';

/** What the node raises alerts about (桥接监控, R4 and R5). */
export const ALERT_KINDS = [
  'deviation', 'run-failed', 'run-retried', 'freshness', 'connection-health', 'schema-drift', 'disk-space', 'data-reconciliation', 'stall', 'source-stale',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

/** open: the condition holds; acknowledged: it still holds and someone took it on; resolved: it cleared. */
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];


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

/** Where alerts are sent: a generic JSON webhook, the DingTalk and WeCom group robots, or e-mail. */
export const CHANNEL_KINDS = ['webhook', 'dingtalk', 'wecom', 'email'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** Query parameters of a webhook address that are credentials (DingTalk access_token, WeCom key, a signature...). */
const SECRET_PARAM = /token|key|secret|sign|pass|auth|ticket|credential/i;
export const MASK = '***';

/**
 * A webhook address fit to show: credential query values and a user-info password replaced by ***.
 * Whoever holds a robot's access_token can post into the group, so the address is a secret too.
 */
export function maskWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (!/^https?:$/.test(parsed.protocol)) return url;
  if (parsed.password) parsed.password = MASK;
  for (const name of [...parsed.searchParams.keys()]) if (SECRET_PARAM.test(name)) parsed.searchParams.set(name, MASK);
  return parsed.toString().replace(/%2A%2A%2A/g, MASK);
}

const httpUrl = z.string().url().max(2000).refine((u) => /^https?:\/\//i.test(u), 'must start with http:// or https://');
export const channelConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('webhook'), url: httpUrl }).strict(),
  /** The robot's webhook address (with its access_token); the signing secret, if the robot uses one, is the channel's secret. */
  z.object({ kind: z.literal('dingtalk'), url: httpUrl }).strict(),
  z.object({ kind: z.literal('wecom'), url: httpUrl }).strict(),
  z.object({
    kind: z.literal('email'), host: z.string().min(1).max(255), port: z.number().int().min(1).max(65535).default(465),
    secure: z.boolean().default(true), user: z.string().max(255).optional(), from: z.string().email(), to: z.array(z.string().email()).min(1).max(50),
  }).strict(),
]);
export type ChannelConfig = z.infer<typeof channelConfigSchema>;

export const channelInputSchema = z.object({
  name: z.string().trim().min(1).max(64),
  config: channelConfigSchema,
  /** DingTalk signing secret or SMTP password; omitted: keep the stored one; null: remove it. */
  secret: z.string().min(1).max(500).nullable().optional(),
  enabled: z.boolean().default(true),
  minSeverity: z.enum(ALERT_SEVERITIES).default('warning'),
}).strict();

/** A channel as the API shows it: its secret never leaves the node, only whether one is set. */
export const channelViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  config: channelConfigSchema,
  hasSecret: z.boolean(),
  enabled: z.boolean(),
  minSeverity: z.enum(ALERT_SEVERITIES),
  lastSentAt: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorMessage: messageRefSchema.nullable().default(null),
  lastErrorAt: z.string().nullable(),
});
export type ChannelView = z.infer<typeof channelViewSchema>;

/** `error` in English; `errorMessage` renders it in each shell's language. */
export const deliverySchema = z.object({ ok: z.boolean(), attempts: z.number().int(), error: z.string().nullable(), errorMessage: messageRefSchema.nullable().default(null) });
export type Delivery = z.infer<typeof deliverySchema>;
