import { z } from 'zod';
import { resourceNameSchema } from '../connection.js';
import {
  aggregateSchema, bridgeMonitorSettingsSchema, checkReportSchema, connectionHealthSchema, dashboardSchema, dataReconciliationRecordSchema,
  recordFilterSchema, recordRowSchema, sourceStaleSettingSchema,
} from '../monitor.js';
import { op } from './define.js';

/** Monitoring: per-bridge watch settings, scheduled checks run now, their results. */
export const monitorOps = {
  'monitor/bridge-settings': op({
    input: z.object({ bridge: resourceNameSchema }).strict(), output: bridgeMonitorSettingsSchema,
    permission: 'alerts.read', mutates: false, summary: 'A bridge\'s freshness limit and data reconciliation schedule',
  }),
  'monitor/bridge-settings/set': op({
    input: z.object({
      bridge: resourceNameSchema,
      freshnessMinutes: z.number().int().min(1).max(525_600).nullable().optional(),
      reconcileCron: z.string().trim().min(9).max(100).nullable().optional(),
      sourceStale: sourceStaleSettingSchema.optional(),
    }).strict(),
    output: bridgeMonitorSettingsSchema, permission: 'monitor.tune', mutates: true,
    summary: 'Set a bridge\'s freshness limit, data reconciliation schedule and "source stopped changing" alert',
  }),
  'monitor/check': op({
    input: z.object({}).strict(), output: checkReportSchema, permission: 'connections.test', mutates: true,
    summary: 'Run the health, freshness, stall and disk checks now',
  }),
  'monitor/health': op({ input: z.object({}).strict(), output: z.array(connectionHealthSchema), permission: 'connections.read', mutates: false, summary: 'Last health check of each connection' }),
  'monitor/reconcile': op({
    input: z.object({ bridge: resourceNameSchema }).strict(), output: dataReconciliationRecordSchema, permission: 'bridges.run', mutates: true,
    summary: 'Run a bridge\'s data reconciliation now, store its result and alert on differences',
  }),
  'monitor/reconciliations': op({
    input: z.object({ bridge: resourceNameSchema.optional(), limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(dataReconciliationRecordSchema), permission: 'bridges.read', mutates: false, summary: 'Stored data reconciliations, newest first',
  }),
  'monitor/dashboard': op({ input: z.object({}).strict(), output: dashboardSchema, permission: 'bridges.read', mutates: false, summary: 'Dashboard tiles, running bridges, throughput and sparklines' }),
  'monitor/records': op({
    input: recordFilterSchema.extend({ limit: z.number().int().min(1).max(1000).default(50), offset: z.number().int().min(0).default(0) }),
    output: z.object({ total: z.number(), items: z.array(recordRowSchema) }), permission: 'bridges.read', mutates: false,
    summary: 'The reconciliation record: finished runs with their counts, filtered and paged',
  }),
  'monitor/aggregates': op({
    input: recordFilterSchema.extend({ by: z.enum(['day', 'bridge']), limit: z.number().int().min(1).max(2000).default(400) }),
    output: z.array(aggregateSchema), permission: 'bridges.read', mutates: false,
    summary: 'Sender and receiver counts and deviations summed per day or per bridge',
  }),
} as const;
