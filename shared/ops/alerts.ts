import { z } from 'zod';
import { alertCountsSchema, alertFilterSchema, alertPageSchema, alertSchema, channelInputSchema, channelViewSchema, deliverySchema } from '../alerts.js';
import { op } from './define.js';

/** The alert centre: list, acknowledge with a comment (audited), counts by severity. */
export const alertOps = {
  'alerts/list': op({ input: alertFilterSchema, output: alertPageSchema, permission: 'alerts.read', mutates: false, summary: 'Alerts, newest first' }),
  'alerts/counts': op({ input: z.object({}).strict(), output: alertCountsSchema, permission: 'alerts.read', mutates: false, summary: 'Active alerts by severity' }),
  'alerts/ack': op({
    input: z.object({ id: z.number().int().positive(), comment: z.string().trim().min(1).max(1000) }).strict(),
    output: alertSchema, permission: 'alerts.ack', mutates: true, summary: 'Acknowledge an alert with a comment',
  }),
  'alerts/channels': op({ input: z.object({}).strict(), output: z.array(channelViewSchema), permission: 'alerts.read', mutates: false, summary: 'Notification channels (secrets never shown)' }),
  'alerts/channels/save': op({ input: channelInputSchema, output: channelViewSchema, permission: 'alerts.configure', mutates: true, summary: 'Add or change a notification channel' }),
  'alerts/channels/delete': op({ input: z.object({ name: z.string().min(1) }).strict(), output: z.object({ ok: z.literal(true) }), permission: 'alerts.configure', mutates: true, summary: 'Remove a notification channel' }),
  'alerts/channels/test': op({ input: z.object({ name: z.string().min(1) }).strict(), output: deliverySchema, permission: 'alerts.configure', mutates: true, summary: 'Send a test message through a channel' }),
} as const;
