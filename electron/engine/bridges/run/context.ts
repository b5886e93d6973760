import type {
  BridgeConfig, MessageRef, RunPhase, ReceiverCounts, RunRecord, SenderCounts, SourceRef, TableRef,
} from '../../../../shared/index.js';
import type { Connector } from '../../../../connectors/core/connector.js';
import type { Mapping } from '../mapping/mapping.js';
import type { CheckpointTable, NodeColumns } from '../exchange/checkpoint.js';
import type { SendCheckpoint } from '../exchange/checkpoint-state.js';
import type { RangeStore } from '../sync/range-store.js';
import type { RunProgress } from './run-store.js';

/** Everything one run of one bridge needs, assembled by the runner. */
export interface RunContext {
  readonly run: RunRecord;
  readonly bridgeId: string;
  /** Key of the checkpoint row: one per exchange table (send) or per bridge (receive). */
  readonly stateKey: string;
  readonly bridge: BridgeConfig;
  /** A one-off full run of an incremental bridge: reads every row, applies deletes, then sets the watermark. */
  readonly fullOnce: boolean;
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
  log(level: 'info' | 'warn' | 'error', message: string | MessageRef): Promise<void>;
  reject(rows: readonly { key: Record<string, unknown>; reason: MessageRef | string }[]): Promise<void>;
}

/** Tells the runner where a run stands: the phase and the checkpoint's counts. */
export type Reporter = (phase: RunPhase, at: SendCheckpoint) => Promise<void>;
