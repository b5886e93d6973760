import type {
  BridgeConfig, Column, ReceiverCounts, RunRecord, SenderCounts, SourceRef, TableRef, TableSchema,
} from '../../../../shared/index.js';
import type { Connector } from '../../../../connectors/core/connector.js';
import type { Mapping } from '../mapping/mapping.js';
import type { CheckpointTable, NodeColumns } from '../exchange/checkpoint.js';
import type { RangeStore } from '../sync/range-store.js';
import type { RunProgress } from './run-store.js';

/** Everything one run of one bridge needs, assembled by the runner. */
export interface RunContext {
  readonly run: RunRecord;
  readonly bridgeId: string;
  /** Key of the checkpoint row: one per exchange table (send) or per bridge (receive). */
  readonly stateKey: string;
  readonly bridge: BridgeConfig;
  readonly source: Connector;
  readonly target: Connector;
  /** The source table, or the source query read as a derived table. */
  readonly sourceTable: SourceRef;
  readonly targetTable: TableRef;
  readonly mapping: Mapping;
  readonly node: NodeColumns;
  readonly checkpoints: CheckpointTable;
  /** Key-range checksums of diff bridges (node state store). */
  readonly ranges: RangeStore;
  /** Days a soft-deleted exchange row is kept for consumers before it is purged. */
  readonly retentionDays: number;
  readonly signal: AbortSignal;
  /** Persists counts and progress (throttled) and tells the console. */
  report(progress: RunProgress, sender: SenderCounts, receiver: ReceiverCounts): Promise<void>;
  log(level: 'info' | 'warn' | 'error', message: string): Promise<void>;
  reject(rows: readonly { key: Record<string, unknown>; reason: string }[]): Promise<void>;
}

/**
 * A run's estimated total, counted while the run already moves rows: a COUNT over a large table can
 * take longer than the first batches, and the total only feeds the progress bar. Null until known, and
 * if the count fails (a real problem with the source fails the run's own reads).
 */
export function totalInBackground(count: () => Promise<number | null>): () => number | null {
  let total: number | null = null;
  count().then((n) => { total = n; }, () => undefined);
  return () => total;
}

/** Column lookup by name that fails loudly: a missing column is a schema change, not a null. */
export function columnsByName(columns: readonly Column[], names: readonly string[]): Column[] {
  return names.map((n) => {
    const c = columns.find((col) => col.name === n);
    if (!c) throw new Error(`column ${n} missing`);
    return c;
  });
}

/** A stable string for a key tuple, equal for equal canonical values whatever the driver's JS type. */
export function keyString(values: readonly unknown[]): string {
  // Most keys are one column: no array and no join for them (this runs for every row a diff compares).
  return values.length === 1 ? keyPart(values[0]) : values.map(keyPart).join('\u0001');
}

function keyPart(v: unknown): string {
  return v === null || v === undefined ? '\u0000' : Buffer.isBuffer(v) ? v.toString('hex') : String(v);
}

/** Columns of what a bridge reads: a table's (with its keys) or a query's result (keys declared by the bridge). */
export function describeSource(connector: Connector, ref: SourceRef): Promise<TableSchema> {
  return ref.query !== undefined ? connector.describeQuery(ref.query) : connector.describeTable(ref);
}
