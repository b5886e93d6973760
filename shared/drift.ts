import { z } from 'zod';

/** One difference between two schema snapshots of a connection (R1: tracking of metadata changes). */
export const driftChangeSchema = z.object({
  kind: z.enum(['table-added', 'table-dropped', 'column-added', 'column-dropped', 'column-changed', 'key-changed']),
  table: z.string(),
  column: z.string().optional(),
  /** For changes: what differs, e.g. `type varchar(50) → varchar(100)`. */
  detail: z.string().optional(),
});
export type DriftChange = z.infer<typeof driftChangeSchema>;

export const snapshotResultSchema = z.object({
  connection: z.string(),
  takenAt: z.string(),
  tables: z.number(),
  /** Changes since the previous snapshot; empty on the first one. */
  changes: z.array(driftChangeSchema),
  first: z.boolean(),
});
export type SnapshotResult = z.infer<typeof snapshotResultSchema>;

export const driftEventSchema = z.object({
  id: z.number(),
  connection: z.string(),
  takenAt: z.string(),
  changes: z.array(driftChangeSchema),
});
export type DriftEvent = z.infer<typeof driftEventSchema>;
