import type { BatchCandidate, BatchPlan } from '../../../shared/ops/batch.js';
import type { batchRequestSchema } from '../../../shared/ops/batch.js';
import type { z } from 'zod';
import type { BridgeConfig, TableSchema } from '../../../shared/index.js';
import { ExNodeError, msg, tableLabel } from '../../../shared/index.js';
import type { EngineServices } from '../services.js';

export type BatchInput = z.output<typeof batchRequestSchema>;

/** `tmp_*` → matches `tmp_2024`; `*` is any text, everything else literal, case-insensitive. */
export function matchesPattern(pattern: string, name: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`, 'i').test(name);
}

/** The key a bridge can use: the primary key, else a unique key whose columns are all NOT NULL. */
export function usableKey(table: TableSchema): string[] {
  if (table.primaryKey.length > 0) return table.primaryKey;
  const notNull = new Set(table.columns.filter((c) => !c.nullable).map((c) => c.name));
  return table.uniqueKeys.find((key) => key.length > 0 && key.every((c) => notNull.has(c))) ?? [];
}

/** A bridge name from a connection and table name: what the name schema allows, at most 64 characters. */
export function bridgeNameFor(connection: string, table: string): string {
  return `${connection}-${table}`.replace(/[^\p{L}\p{N}_.-]+/gu, '_').slice(0, 64);
}

/**
 * Which tables of the connection a batch covers, with what each would become. Tables named
 * explicitly must exist; `all` takes every table except the `exclude` patterns.
 */
export async function planBatch(s: EngineServices, input: BatchInput): Promise<BatchPlan> {
  if (input.mode === 'incremental' && !input.cursor) throw new ExNodeError('INVALID_INPUT', msg('bridges.cursorNeeded'));
  return s.withConnector(input.connection, async (connector) => {
    const tables = await connector.listTables();
    const named = new Set(input.tables ?? []);
    const missing = [...named].filter((label) => !tables.some((x) => tableLabel(x) === label || x.name === label));
    if (missing.length > 0) throw new ExNodeError('NOT_FOUND', msg('batch.tableMissing', { connection: input.connection, tables: missing.join(', ') }));
    const picked = (label: string, name: string): boolean => (input.tables
      ? named.has(label) || named.has(name)
      : input.all && !input.exclude.some((p) => matchesPattern(p, name) || matchesPattern(p, label)));
    const candidates: BatchCandidate[] = [];
    for (const summary of tables) {
      const label = tableLabel(summary);
      const selected = picked(label, summary.name);
      // Unselected tables are listed for the wizard without describing them when a selection was given.
      const described = selected || (!input.tables && !input.all) ? await connector.describeTable(summary) : null;
      const key = described ? usableKey(described) : [];
      let reason: BatchCandidate['reason'];
      if (described && key.length === 0) reason = summary.kind === 'view' ? msg('batch.isView') : msg('batch.noKey');
      else if (described && input.mode === 'incremental' && !described.columns.some((c) => c.name === input.cursor)) {
        reason = msg('batch.noCursor', { columns: input.cursor ?? '' });
      }
      candidates.push({
        table: label, kind: summary.kind, rowEstimate: described?.rowEstimate ?? summary.rowEstimate, key,
        usable: described !== null && reason === undefined, ...(reason ? { reason } : {}),
        bridgeName: bridgeNameFor(input.connection, summary.name),
        targetTable: input.targetNames[label] ?? `${input.targetPrefix}${summary.name}`,
        selected,
      });
    }
    return { candidates };
  });
}

/** The bridge a usable candidate becomes. */
export function bridgeConfigFor(input: BatchInput, candidate: BatchCandidate, schema: string | undefined, table: string): BridgeConfig {
  return {
    name: candidate.bridgeName,
    direction: 'send',
    source: { connection: input.connection, table, ...(schema ? { schema } : {}) },
    target: { table: candidate.targetTable, ...(input.targetConnection ? { connection: input.targetConnection } : {}) },
    mode: input.mode,
    lookbackSeconds: 0,
    batchSize: input.batchSize,
    enabled: true,
    ...(input.mode === 'incremental' && input.cursor ? { cursor: [input.cursor] } : {}),
  };
}
