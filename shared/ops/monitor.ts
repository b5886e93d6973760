import { z } from 'zod';
import { resourceNameSchema } from '../connection.js';
import { bridgeMonitorSettingsSchema, checkReportSchema, connectionHealthSchema, dataReconciliationRecordSchema } from '../monitor.js';
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
    }).strict(),
    output: bridgeMonitorSettingsSchema, permission: 'alerts.configure', mutates: true, summary: 'Set a bridge\'s freshness limit and data reconciliation schedule',
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
} as const;
