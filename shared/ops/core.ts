import { z } from 'zod';
import {
  bridgeConfigSchema, bridgeViewSchema, rejectedRowSchema, runLogEntrySchema, runRecordSchema,
} from '../bridge.js';
import { connectionConfigSchema, connectionViewSchema, resourceNameSchema, testResultSchema } from '../connection.js';
import { columnSchema, tableSchemaSchema, tableSummarySchema } from '../types.js';
import { driftEventSchema, snapshotResultSchema } from '../drift.js';
import { selectQuerySchema } from '../select-query.js';
import { capabilitiesOutputSchema } from '../capabilities-schema.js';
import { reconciliationSchema } from '../reconcile.js';
import { op } from './define.js';

export const empty = z.object({}).strict();
export const byName = z.object({ name: resourceNameSchema }).strict();
export const byId = z.object({ id: z.string().min(1) }).strict();
export const ok = z.object({ ok: z.literal(true) });

export const nodeInfoSchema = z.object({
  product: z.literal('ExNode'),
  version: z.string(),
  dataDir: z.string(),
  startedAt: z.string(),
  exchange: z.object({ connection: z.string(), dialect: z.string(), summary: z.string() }),
  counts: z.object({ connections: z.number(), bridges: z.number(), runs: z.number() }),
  demoLoaded: z.boolean(),
});
export type NodeInfo = z.infer<typeof nodeInfoSchema>;

/** Settings of the exchange database conventions and the run queue (DESIGN.md section 4). */
export const nodeSettingsSchema = z.object({
  /** Prefix of the node columns (`exn_op`, `exn_seq`...) and of the state table. */
  columnPrefix: z.string().regex(/^[a-z][a-z0-9_]{0,14}_$/, 'must be lower-case letters, digits and "_", ending with "_" (e.g. exn_)'),
  /** Days soft-deleted rows (`op = D`) stay in exchange tables for consumers to see. */
  softDeleteRetentionDays: z.number().int().min(1).max(3650),
  /** Bridges that may run at the same time. */
  runnerConcurrency: z.number().int().min(1).max(16),
  /** Days resolved alerts and stored data reconciliations are kept; never below 180 (logs kept six months, 网络安全法 第二十一条). */
  alertRetentionDays: z.number().int().min(180).max(3650),
});
export type NodeSettings = z.infer<typeof nodeSettingsSchema>;

export const demoResultSchema = z.object({
  connection: z.string(),
  bridge: z.string(),
  rows: z.number(),
  filename: z.string(),
});

/** The node's core operations: connections, the exchange database, bridges and their runs. */
export const coreOps = {
  'node/info': op({ input: empty, output: nodeInfoSchema, permission: 'node.read', mutates: false, summary: 'Node status and counts' }),
  'node/capabilities': op({
    input: empty,
    output: capabilitiesOutputSchema,
    permission: 'node.read', mutates: false, summary: 'What each database dialect can do',
  }),
  'demo/load': op({ input: z.object({ rows: z.number().int().min(1).max(10_000_000).default(100_000) }).strict(), output: demoResultSchema, permission: 'connections.write', mutates: true, summary: 'Create the demo business database and bridge' }),

  'connections/list': op({ input: empty, output: z.array(connectionViewSchema), permission: 'connections.read', mutates: false, summary: 'List connections' }),
  'connections/get': op({ input: byName, output: connectionViewSchema, permission: 'connections.read', mutates: false, summary: 'One connection' }),
  'connections/save': op({
    input: z.object({ config: connectionConfigSchema, replace: z.boolean().default(false) }).strict(),
    output: connectionViewSchema, permission: 'connections.write', mutates: true, summary: 'Add or update a connection',
  }),
  'connections/delete': op({ input: byName, output: ok, permission: 'connections.write', mutates: true, summary: 'Remove a connection' }),
  'connections/test': op({
    input: z.union([byName, z.object({ config: connectionConfigSchema }).strict()]),
    output: testResultSchema, permission: 'connections.test', mutates: false, summary: 'Test a saved or unsaved connection',
  }),
  'connections/tables': op({ input: byName, output: z.array(tableSummarySchema), permission: 'connections.read', mutates: false, summary: 'Tables and views of a connection' }),
  'connections/describe': op({
    input: z.object({ name: resourceNameSchema, table: z.string().min(1).optional(), schema: z.string().optional(), query: selectQuerySchema.optional() })
      .strict()
      .refine((i) => (i.table === undefined) !== (i.query === undefined), 'give either "table" or "query"'),
    output: tableSchemaSchema, permission: 'connections.read', mutates: false, summary: 'Columns and keys of one table, or the columns of a source query',
  }),

  'connections/snapshot': op({
    input: byName, output: snapshotResultSchema, permission: 'connections.test', mutates: true,
    summary: 'Collect the table structures now and compare them with the last collection',
  }),
  'connections/drift': op({
    input: z.object({ name: resourceNameSchema, limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(driftEventSchema), permission: 'connections.read', mutates: false, summary: 'Schema changes seen on a connection',
  }),

  'settings/get': op({ input: empty, output: nodeSettingsSchema, permission: 'node.read', mutates: false, summary: 'Node settings' }),
  'settings/set': op({ input: nodeSettingsSchema.partial().strict(), output: nodeSettingsSchema, permission: 'exchange.write', mutates: true, summary: 'Change node settings' }),

  'exchange/get': op({ input: empty, output: connectionViewSchema, permission: 'connections.read', mutates: false, summary: 'The exchange database' }),
  'exchange/set': op({ input: z.object({ config: connectionConfigSchema }).strict(), output: connectionViewSchema, permission: 'exchange.write', mutates: true, summary: 'Point the node at an exchange database' }),

  'bridges/list': op({ input: empty, output: z.array(bridgeViewSchema), permission: 'bridges.read', mutates: false, summary: 'List bridges' }),
  'bridges/get': op({ input: byName, output: bridgeViewSchema, permission: 'bridges.read', mutates: false, summary: 'One bridge' }),
  'bridges/save': op({
    input: z.object({ config: bridgeConfigSchema, replace: z.boolean().default(false) }).strict(),
    output: bridgeViewSchema, permission: 'bridges.write', mutates: true, summary: 'Add or update a bridge',
  }),
  'bridges/delete': op({ input: byName, output: ok, permission: 'bridges.write', mutates: true, summary: 'Remove a bridge' }),
  'bridges/run': op({
    input: z.object({
      name: resourceNameSchema, wait: z.boolean().default(false),
      /** Incremental bridges only: read every row once and apply deletes, then carry on incrementally from the new watermark. */
      fullOnce: z.boolean().default(false),
    }).strict(),
    output: runRecordSchema, permission: 'bridges.run', mutates: true, summary: 'Start a run now (optionally once in full)',
  }),
  'bridges/preview': op({
    input: z.object({ config: bridgeConfigSchema, limit: z.number().int().min(1).max(200).default(20) }).strict(),
    output: z.object({
      columns: z.array(columnSchema), rows: z.array(z.array(z.unknown())), sourceRows: z.number(),
      /** Existing target columns some source values may not fit, found before anything runs. */
      warnings: z.array(z.string()),
    }),
    permission: 'bridges.read', mutates: false, summary: 'The first rows as the bridge would write them, after mapping and masking',
  }),
  'bridges/reconcile': op({
    input: z.object({ name: resourceNameSchema, samples: z.number().int().min(0).max(1000).default(20) }).strict(),
    output: reconciliationSchema, permission: 'bridges.run', mutates: false,
    summary: 'Compare every source row with the receiving table, value by value (data reconciliation)',
  }),
  'runs/list': op({
    input: z.object({ bridge: resourceNameSchema.optional(), limit: z.number().int().min(1).max(1000).default(50) }).strict(),
    output: z.array(runRecordSchema), permission: 'bridges.read', mutates: false, summary: 'Recent runs',
  }),
  'runs/get': op({ input: byId, output: runRecordSchema, permission: 'bridges.read', mutates: false, summary: 'One run' }),
  'runs/log': op({ input: byId, output: z.array(runLogEntrySchema), permission: 'bridges.read', mutates: false, summary: 'A run\'s log' }),
  'runs/rejected': op({ input: byId, output: z.array(rejectedRowSchema), permission: 'bridges.read', mutates: false, summary: 'Rows the receiver rejected in a run' }),
  'runs/cancel': op({ input: byId, output: runRecordSchema, permission: 'bridges.run', mutates: true, summary: 'Cancel a running run' }),
} as const;

