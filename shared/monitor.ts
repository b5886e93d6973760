import { z } from 'zod';
import { reconciliationSchema } from './reconcile.js';

/** Monitoring settings of one bridge, kept by the monitor (not in the bridge's definition). */
/**
 * "Source stopped changing" alert of a bridge: `auto` learns the usual interval between changes from
 * its runs, `off` never alerts, a number is a fixed limit in minutes without a change.
 */
export const sourceStaleSettingSchema = z.union([z.enum(['auto', 'off']), z.number().int().min(10).max(525_600)]);
export type SourceStaleSetting = z.infer<typeof sourceStaleSettingSchema>;

export const bridgeMonitorSettingsSchema = z.object({
  bridge: z.string(),
  /** Alert when the last successful run is older than this; null: no limit (the catalog's update cycle plugs in later). */
  freshnessMinutes: z.number().int().min(1).max(525_600).nullable(),
  /** When to run the data reconciliation (cron with seconds optional, node's time zone), e.g. `0 30 2 * * *`; null: never. */
  reconcileCron: z.string().min(9).max(100).nullable(),
  sourceStale: sourceStaleSettingSchema,
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
  /** Bridges whose source has not changed for longer than usual. */
  sourceStale: z.array(z.string()),
  /** History deleted by the retention limit in this pass. */
  pruned: z.object({ alerts: z.number().int(), reconciliations: z.number().int() }),
});
export type CheckReport = z.infer<typeof checkReportSchema>;

/** Filters of the reconciliation record (the whole run history, paged on the server). */
export const recordFilterSchema = z.object({
  /** ISO times; `to` is exclusive. */
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  bridge: z.string().min(1).optional(),
  status: z.enum(['reconciled', 'deviation', 'not-reconciled']).optional(),
  deviationOnly: z.boolean().default(false),
  /** The viewer's offset from UTC in minutes (China: 480), so days are the viewer's days. */
  tzOffsetMinutes: z.number().int().min(-840).max(840).default(480),
}).strict();
export type RecordFilter = z.output<typeof recordFilterSchema>;

export const recordRowSchema = z.object({
  runId: z.string(),
  bridge: z.string(),
  mode: z.string(),
  direction: z.string(),
  status: z.string(),
  reconciliation: z.enum(['reconciled', 'deviation', 'not-reconciled']),
  startedAt: z.string(),
  durationMs: z.number().nullable(),
  sender: z.object({ total: z.number(), inserted: z.number(), updated: z.number(), deleted: z.number() }),
  receiver: z.object({ inserted: z.number(), updated: z.number(), deleted: z.number(), rejected: z.number() }),
  deviation: z.number(),
});
export type RecordRow = z.infer<typeof recordRowSchema>;

/** Sums of a group of runs (a day, a bridge). */
export const aggregateSchema = z.object({
  key: z.string(),
  runs: z.number(),
  failed: z.number(),
  notReconciled: z.number(),
  withDeviation: z.number(),
  senderTotal: z.number(),
  senderInserted: z.number(),
  senderUpdated: z.number(),
  senderDeleted: z.number(),
  receiverInserted: z.number(),
  receiverUpdated: z.number(),
  receiverDeleted: z.number(),
  rejected: z.number(),
  deviation: z.number(),
});
export type Aggregate = z.infer<typeof aggregateSchema>;

export const dashboardSchema = z.object({
  tiles: z.object({
    bridges: z.number(), running: z.number(), failedToday: z.number(), openAlerts: z.number(), criticalAlerts: z.number(),
    deviationToday: z.number(), runsToday: z.number(), stale: z.number(),
  }),
  running: z.array(z.object({
    runId: z.string(), bridge: z.string(), status: z.string(), phase: z.string(), rowsRead: z.number(), estimatedTotal: z.number().nullable(), startedAt: z.string(),
  })),
  /** Rows read and written per hour over the last 24 hours (hour: ISO hour start, UTC). */
  throughput: z.array(z.object({ hour: z.string(), read: z.number(), written: z.number(), runs: z.number() })),
  /** The most recently run bridges, each with its last runs oldest first. */
  sparklines: z.array(z.object({
    bridge: z.string(),
    runs: z.array(z.object({ startedAt: z.string(), rows: z.number(), deviation: z.number(), status: z.string() })),
  })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

const DURATION = /^(\d{1,6})\s*(m|min|h|d)?$/i;
const DURATION_MINUTES: Record<string, number> = { m: 1, min: 1, h: 60, d: 1440 };

/** `90m`, `2h`, `1d` or a bare number of minutes, in minutes; null when the text is none of these. */
export function durationMinutes(text: string): number | null {
  const m = DURATION.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * DURATION_MINUTES[(m[2] ?? 'm').toLowerCase()]!;
}
