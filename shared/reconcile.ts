import { z } from 'zod';

/** A row's key, column by column (canonical values). */
const rowKeySchema = z.record(z.string(), z.unknown());

/**
 * Table reconciliation (数据核对) of one bridge: every row the sender would deliver now, compared
 * value by value with what the receiving table holds. Unlike a run's reconciliation (counts read
 * against counts applied), it finds rows that went missing or changed after they were delivered.
 */
export const reconciliationSchema = z.object({
  bridge: z.string(),
  direction: z.enum(['send', 'receive']),
  /** Where the rows come from and go to, as `connection: table`. */
  source: z.string(),
  target: z.string(),
  startedAt: z.string(),
  durationMs: z.number(),
  /** Rows the source holds for the bridge (after its filter). */
  sourceRows: z.number(),
  /** Live rows of the receiving table (soft-deleted exchange rows are not counted). */
  targetRows: z.number(),
  /** Rows present on both sides with equal values. */
  matched: z.number(),
  /** Source rows the receiving table lacks. */
  missing: z.number(),
  /** Receiving rows whose key the source no longer has. */
  extra: z.number(),
  /** Rows on both sides whose values differ. */
  different: z.number(),
  /** missing + extra + different: zero when the tables agree. */
  deviation: z.number(),
  /** A few keys of each kind, for a technician to look at. */
  samples: z.object({ missing: z.array(rowKeySchema), extra: z.array(rowKeySchema), different: z.array(rowKeySchema) }),
  /** An incremental send bridge that differs: a one-off full run (`bridges/run` with `fullOnce`) repairs it. */
  proposeFullOnce: z.boolean().optional(),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;
