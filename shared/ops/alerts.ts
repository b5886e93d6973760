import { z } from 'zod';
import { alertCountsSchema, alertFilterSchema, alertPageSchema, alertSchema } from '../alerts.js';
import { op } from './define.js';

/** The alert centre: list, acknowledge with a comment (audited), counts by severity. */
export const alertOps = {
  'alerts/list': op({ input: alertFilterSchema, output: alertPageSchema, permission: 'alerts.read', mutates: false, summary: 'Alerts, newest first' }),
  'alerts/counts': op({ input: z.object({}).strict(), output: alertCountsSchema, permission: 'alerts.read', mutates: false, summary: 'Active alerts by severity' }),
  'alerts/ack': op({
    input: z.object({ id: z.number().int().positive(), comment: z.string().trim().min(1).max(1000) }).strict(),
    output: alertSchema, permission: 'alerts.ack', mutates: true, summary: 'Acknowledge an alert with a comment',
  }),
} as const;
