import { z } from 'zod';
import { CANONICAL_TYPES } from './types.js';
import { resourceNameSchema } from './connection.js';
import { selectQuerySchema } from './select-query.js';
import { runReconciliationSchema } from './reconciliation-state.js';
import { RUN_PHASES } from './run-phases.js';
import { messageRefSchema } from './message-schema.js';
import type { SourceRef, TableRef } from './types.js';
import type { Lang, MessageRef } from './messages/define.js';
import { msg, render } from './messages/index.js';

/** A column name as it appears in a database; quoting is the connector's job, never the user's. */
export const identifierSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  .refine((s) => ![...s].some((ch) => ch.charCodeAt(0) < 0x20 || '"`[]'.includes(ch)), 'must not contain quotes, brackets or control characters');

export const filterOperators = ['=', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'like', 'is null', 'is not null'] as const;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A row filter as data: every value is bound as a parameter, every column is quoted. */
export const filterConditionSchema = z
  .object({
    column: identifierSchema,
    op: z.enum(filterOperators),
    value: z.union([scalar, z.array(scalar).min(1)]).optional(),
  })
  .superRefine((c, ctx) => {
    const unary = c.op === 'is null' || c.op === 'is not null';
    const list = c.op === 'in' || c.op === 'not in';
    if (unary && c.value !== undefined) ctx.addIssue({ code: 'custom', message: `"${c.op}" takes no value`, path: ['value'] });
    if (!unary && c.value === undefined) ctx.addIssue({ code: 'custom', message: `"${c.op}" needs a value`, path: ['value'] });
    if (list && !Array.isArray(c.value)) ctx.addIssue({ code: 'custom', message: `"${c.op}" needs a list of values`, path: ['value'] });
    if (!list && Array.isArray(c.value)) ctx.addIssue({ code: 'custom', message: `"${c.op}" takes one value, not a list`, path: ['value'] });
  });
export type FilterCondition = z.infer<typeof filterConditionSchema>;

export const MASK_KINDS = ['idcard', 'phone', 'name', 'hash', 'null'] as const;
export const maskSchema = z.object({
  kind: z.enum(MASK_KINDS),
  /** For `hash`: the digest; the key comes from the node's secret store. */
  algorithm: z.enum(['sha256', 'sm3']).default('sha256'),
});
export type MaskSpec = z.infer<typeof maskSchema>;

export const columnMappingSchema = z
  .object({
    /** Source column; omit together with `constant` to fill the target with a fixed value. */
    source: identifierSchema.optional(),
    target: identifierSchema.optional(),
    constant: scalar.nullable().optional(),
    cast: z.enum(CANONICAL_TYPES).optional(),
    mask: maskSchema.optional(),
  })
  .refine((m) => m.source !== undefined || m.constant !== undefined, 'give either "source" or "constant"')
  .refine((m) => m.source !== undefined || m.target !== undefined, 'a constant column needs a "target" name');
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const SYNC_MODES = ['full', 'incremental', 'diff'] as const;
export type SyncMode = (typeof SYNC_MODES)[number];
export const DIRECTIONS = ['send', 'receive'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const bridgeConfigSchema = z.object({
  name: resourceNameSchema,
  description: z.string().max(500).optional(),
  direction: z.enum(DIRECTIONS).default('send'),
  source: z
    .object({
      connection: resourceNameSchema,
      table: identifierSchema.optional(),
      schema: identifierSchema.optional(),
      /** Instead of a table: one read-only SELECT, read as a derived table (see select-query.ts). */
      query: selectQuerySchema.optional(),
    })
    .refine((s) => (s.table === undefined) !== (s.query === undefined), 'give either "table" or "query", not both'),
  target: z
    .object({
      /** Defaults to the exchange database. */
      connection: resourceNameSchema.optional(),
      table: identifierSchema.optional(),
      schema: identifierSchema.optional(),
    })
    .default({}),
  mode: z.enum(SYNC_MODES).default('full'),
  primaryKey: z.array(identifierSchema).min(1).optional(),
  /** Incremental mode: the column(s) whose values only grow (update time, id, rowversion). */
  cursor: z.array(identifierSchema).min(1).optional(),
  /** Incremental mode: seconds re-read before the watermark to catch late commits. */
  lookbackSeconds: z.number().int().min(0).max(86_400).default(0),
  columns: z.array(columnMappingSchema).optional(),
  exclude: z.array(identifierSchema).optional(),
  filter: z.array(filterConditionSchema).optional(),
  batchSize: z.number().int().min(1).max(100_000).default(5000),
  rowsPerSecond: z.number().int().positive().optional(),
  enabled: z.boolean().default(true),
})
  .refine((b) => b.source.query === undefined || b.primaryKey !== undefined, {
    message: 'a query source needs "primaryKey": the column(s) that identify a row of its result', path: ['primaryKey'],
  })
  .refine((b) => b.source.query === undefined || b.target.table !== undefined, {
    message: 'a query source needs "target.table": the table its rows are written to', path: ['target', 'table'],
  })
  .refine((b) => b.source.query === undefined || b.direction === 'send', {
    message: 'a query source is for send bridges; a receive bridge reads an exchange table', path: ['source', 'query'],
  });
export type BridgeConfig = z.infer<typeof bridgeConfigSchema>;

/** What a bridge reads: its source table, or its query read as a derived table named after the bridge. */
export function sourceRefOf(config: Pick<BridgeConfig, 'name' | 'source'>): SourceRef {
  const { source } = config;
  if (source.query !== undefined) return { name: config.name, query: source.query };
  return source.schema ? { schema: source.schema, name: source.table! } : { name: source.table! };
}

/** The table a bridge writes: named in `target.table`, or after its source table. */
export function targetTableName(config: Pick<BridgeConfig, 'name' | 'source' | 'target'>): string {
  return config.target.table ?? config.source.table ?? config.name;
}

/** The table a bridge writes, with its schema when the bridge names one. */
export function targetRefOf(config: Pick<BridgeConfig, 'name' | 'source' | 'target'>): TableRef {
  const name = targetTableName(config);
  return config.target.schema ? { schema: config.target.schema, name } : { name };
}

/** How a bridge's source is shown: `connection.table`, or `connection (SQL query)`. */
export function sourceLabel(config: Pick<BridgeConfig, 'source'>, lang: Lang): string {
  return render(lang, sourceRef(config));
}

/** Where a bridge reads, as a message (a query source is named in the reader's language). */
export function sourceRef(config: Pick<BridgeConfig, 'source'>): MessageRef | string {
  const { source } = config;
  if (source.query !== undefined) return msg('bridges.querySource', { connection: source.connection });
  return `${source.connection}.${source.schema ? `${source.schema}.` : ''}${source.table!}`;
}
export type BridgeConfigInput = z.input<typeof bridgeConfigSchema>;

export const bridgeViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  config: bridgeConfigSchema,
  sourceConnection: z.string(),
  targetConnection: z.string(),
  targetTable: z.string(),
  enabled: z.boolean(),
  lastRun: z
    .object({ id: z.string(), status: z.string(), startedAt: z.string(), deviation: z.number() })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type BridgeView = z.infer<typeof bridgeViewSchema>;

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'skipped'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const senderCountsSchema = z.object({
  total: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
});
export const receiverCountsSchema = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  deleted: z.number().int(),
  rejected: z.number().int(),
});
export type SenderCounts = z.infer<typeof senderCountsSchema>;
export type ReceiverCounts = z.infer<typeof receiverCountsSchema>;

export const runRecordSchema = z.object({
  id: z.string(),
  bridgeId: z.string(),
  bridgeName: z.string(),
  mode: z.enum(SYNC_MODES),
  direction: z.enum(DIRECTIONS),
  trigger: z.enum(['manual', 'schedule', 'cli', 'resume']),
  status: z.enum(RUN_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  sender: senderCountsSchema,
  receiver: receiverCountsSchema,
  /** Sender minus receiver per kind, and the sum of their absolute values. */
  deviation: z.object({ inserted: z.number(), updated: z.number(), deleted: z.number(), total: z.number() }),
  /** rowsRead: source rows covered; rowsTransferred: full rows actually moved (diff skips unchanged ones). */
  progress: z.object({ phase: z.enum(RUN_PHASES), rowsRead: z.number(), estimatedTotal: z.number().nullable(), rowsTransferred: z.number().optional() }),
  /** `message` in English; `key`/`params` (when the engine gives them) render it in each shell's language. */
  error: z.object({ code: z.string(), message: z.string(), key: z.string().optional(), params: z.record(z.string(), z.any()).optional() }).nullable(),
  /** Why a trigger did not start a run (status `skipped`): the bridge was busy, a fire was missed... English text (zh-CN in rows older than the key). */
  skippedReason: z.string().nullable().optional(),
  /** The reason as catalog key and parameters, so each shell shows it in its own language. */
  skippedReasonRef: z.object({ key: z.string(), params: z.record(z.string(), z.any()).optional() }).optional(),
  /** reconciled, deviation, or not reconciled with its reason (shared/reconciliation-state.ts). */
  reconciliation: runReconciliationSchema,
});
export type RunRecord = z.infer<typeof runRecordSchema>;

export const runLogEntrySchema = z.object({
  at: z.string(),
  level: z.enum(['info', 'warn', 'error']),
  /** English text, for logs sent to the department's tools. */
  message: z.string(),
  /** The message's catalog key and parameters, so each shell shows it in its own language. */
  key: z.string().optional(),
  params: z.record(z.string(), z.any()).optional(),
});
export type RunLogEntry = z.infer<typeof runLogEntrySchema>;

export const rejectedRowSchema = z.object({
  key: z.record(z.string(), z.unknown()),
  /** In English; `reasonMessage`, when present, renders it in each shell's language. */
  reason: z.string(),
  reasonMessage: messageRefSchema.optional(),
  at: z.string(),
});
export type RejectedRow = z.infer<typeof rejectedRowSchema>;
