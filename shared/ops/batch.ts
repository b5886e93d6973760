import { z } from 'zod';
import { bridgeViewSchema, identifierSchema, SYNC_MODES } from '../bridge.js';
import { resourceNameSchema } from '../connection.js';
import { op } from './define.js';

const messageRefSchema = z.object({ key: z.string(), params: z.record(z.string(), z.any()).optional() });

/** What to bridge: tables of one connection, one mode and options for all (批量创建). */
export const batchRequestSchema = z.object({
  connection: resourceNameSchema,
  /** Table names (`schema.table` where the database has schemas); omit with `all`. */
  tables: z.array(z.string().min(1)).optional(),
  all: z.boolean().default(false),
  /** Patterns of table names to leave out with `all`; `*` matches any text (`tmp_*`). */
  exclude: z.array(z.string().min(1)).default([]),
  mode: z.enum(SYNC_MODES).default('full'),
  /** Incremental mode: the cursor column every table has (e.g. `updated_at`). */
  cursor: identifierSchema.optional(),
  targetPrefix: z.string().max(32).regex(/^[\p{L}\p{N}_]*$/u, 'may contain only letters, digits and "_"').default(''),
  targetConnection: resourceNameSchema.optional(),
  /** Per-table target names chosen in the wizard, by table label; others are prefix + table name. */
  targetNames: z.record(z.string(), identifierSchema).default({}),
  batchSize: z.number().int().min(1).max(100_000).default(5000),
}).strict();
export type BatchRequest = z.input<typeof batchRequestSchema>;

export const batchCandidateSchema = z.object({
  /** `schema.table` or `table`, as the table list shows it. */
  table: z.string(),
  kind: z.enum(['table', 'view']),
  rowEstimate: z.number().nullable(),
  /** The key a bridge would use (primary key, or a unique key of non-null columns). */
  key: z.array(z.string()),
  usable: z.boolean(),
  /** Why the table cannot be bridged (catalog message). */
  reason: messageRefSchema.optional(),
  bridgeName: z.string(),
  targetTable: z.string(),
  selected: z.boolean(),
});
export type BatchCandidate = z.infer<typeof batchCandidateSchema>;

export const batchPlanSchema = z.object({ candidates: z.array(batchCandidateSchema) });
export type BatchPlan = z.infer<typeof batchPlanSchema>;

export const batchOps = {
  'bridges/plan-many': op({
    input: batchRequestSchema, output: batchPlanSchema, permission: 'bridges.read', mutates: false,
    summary: 'Tables of a connection with row counts, usable key and the bridge each would get (nothing is created)',
  }),
  'bridges/add-many': op({
    input: batchRequestSchema,
    output: z.object({ created: z.array(bridgeViewSchema), skipped: z.array(batchCandidateSchema) }),
    permission: 'bridges.write', mutates: true,
    summary: 'Create one bridge per selected table, all or nothing; tables without a usable key are listed, not bridged',
  }),
} as const;
