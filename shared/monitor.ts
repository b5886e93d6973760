import { z } from 'zod';
import { reconciliationSchema } from './reconcile.js';

/** Monitoring settings of one bridge, kept by the monitor (not in the bridge's definition). */
export const bridgeMonitorSettingsSchema = z.object({
  bridge: z.string(),
  /** Alert when the last successful run is older than this; null: no limit (the catalog's update cycle plugs in later). */
  freshnessMinutes: z.number().int().min(1).max(525_600).nullable(),
  /** When to run the data reconciliation (cron with seconds optional, node's time zone), e.g. `0 30 2 * * *`; null: never. */
  reconcileCron: z.string().min(9).max(100).nullable(),
});
export type BridgeMonitorSettings = z.infer<typeof bridgeMonitorSettingsSchema>;

export const connectionHealthSchema = z.object({
  connection: z.string(),
  checkedAt: z.string(),
  ok: z.boolean(),
  latencyMs: z.number().nullable(),
  error: z.string().nullable(),
});
export type ConnectionHealth = z.infer<typeof connectionHealthSchema>;

/** One stored data reconciliation (scheduled or on demand): its result, or why it could not finish. */
export const dataReconciliationRecordSchema = z.object({
  id: z.number(),
  bridge: z.string(),
  startedAt: z.string(),
  deviation: z.number().nullable(),
  result: reconciliationSchema.nullable(),
  error: z.string().nullable(),
});
export type DataReconciliationRecord = z.infer<typeof dataReconciliationRecordSchema>;

export const checkReportSchema = z.object({
  connections: z.array(connectionHealthSchema),
  disk: z.object({ dir: z.string(), freeMb: z.number(), totalMb: z.number(), limitMb: z.number(), low: z.boolean() }),
  stale: z.array(z.string()),
  stalled: z.array(z.string()),
});
export type CheckReport = z.infer<typeof checkReportSchema>;
