import type { NodeSettings, RunRecord } from '../../../../shared/index.js';
import { ExNodeError, msg, sourceRef, sourceRefOf, tableLabel, targetRefOf } from '../../../../shared/index.js';
import type { Connector } from '../../../../connectors/core/connector.js';
import type { ConnectionService } from '../../connections/service.js';
import type { EventBus } from '../../events.js';
import type { Vault } from '../../secrets/vault.js';
import type { BridgeService, StoredBridge } from '../service.js';
import type { RunProgress, RunStore } from './run-store.js';
import type { RunContext } from './context.js';
import { describeSource } from '../mapping/describe-source.js';
import { CheckpointTable, nodeColumns } from '../exchange/checkpoint.js';
import { runMapping } from '../mapping/mapping.js';
import { runSend } from '../sync/send.js';
import { runReceive } from '../sync/receive.js';
import type { RangeStore } from '../sync/range-store.js';

export interface ExecutorDeps {
  readonly runs: RunStore;
  readonly bridges: BridgeService;
  readonly connections: ConnectionService;
  readonly events: EventBus;
  readonly vault: Vault;
  readonly ranges: RangeStore;
  readonly settings: () => Promise<NodeSettings>;
}

/** One attempt of one run: opens the connectors, moves the rows, closes them. Throws what failed. */
export type RunExecutor = (run: RunRecord, signal: AbortSignal) => Promise<void>;

const REPORT_INTERVAL_MS = 500;

/** The executor of real runs: assembles a run's context and hands it to the send or receive pipeline. */
export function bridgeRunExecutor(deps: ExecutorDeps): RunExecutor {
  return async (run, signal) => {
    const opened: Connector[] = [];
    // The connections this attempt used or tried to open, for their last successful (or failed) use.
    const used: string[] = [];
    try {
      const bridge = await deps.bridges.loadById(run.bridgeId);
      const ctx = await context(deps, run, bridge, signal, opened, used);
      await ctx.log('info', msg('runs.started', {
        mode: msg(`runs.mode.${run.mode}`), direction: msg(`runs.direction.${bridge.config.direction}`), source: sourceRef(bridge.config), target: ctx.targetTable.name,
      }));
      if (bridge.config.direction === 'send') await runSend(ctx);
      else await runReceive(ctx);
      const record = await deps.runs.get(run.id);
      await deps.runs.log(run.id, record.deviation.total === 0 ? 'info' : 'warn',
        msg('runs.finished', {
          total: record.sender.total, si: record.sender.inserted, su: record.sender.updated, sd: record.sender.deleted,
          ri: record.receiver.inserted, ru: record.receiver.updated, rd: record.receiver.deleted, rejected: record.receiver.rejected, deviation: record.deviation.total,
        }));
      await deps.connections.recordUse(used, null);
    } catch (error) {
      const failure = error instanceof ExNodeError ? error : new ExNodeError('INTERNAL', (error as Error).message ?? String(error));
      if (!signal.aborted) await deps.connections.recordUse(used, failure).catch(() => undefined);
      throw error;
    } finally {
      await Promise.allSettled(opened.map((c) => c.close()));
    }
  };
}

async function context(
  deps: ExecutorDeps, run: RunRecord, stored: StoredBridge, signal: AbortSignal, opened: Connector[], used: string[],
): Promise<RunContext> {
  const bridge = stored.config;
  const open = async (name: string) => {
    used.push(name);
    const c = await deps.connections.open(name);
    opened.push(c);
    return c;
  };
  const settings = await deps.settings();
  const prefix = settings.columnPrefix;
  const node = nodeColumns(prefix);
  const target = await deps.bridges.targetOf(bridge);
  if (bridge.direction === 'receive' && !bridge.target.connection) {
    throw new ExNodeError('INVALID_INPUT', msg('bridges.receiveNeedsTarget'));
  }
  const source = await open(bridge.source.connection);
  const receiver = await open(target.connection);
  const sourceTable = sourceRefOf(bridge);
  const targetTable = targetRefOf(bridge);
  const schema = await describeSource(source, sourceTable);
  const mapping = runMapping(bridge, schema, node, deps.vault.hmac.bind(deps.vault));
  let lastReport = 0;
  return {
    run, bridgeId: stored.id, bridge, fullOnce: bridge.mode === 'incremental' && run.mode === 'full',
    stateKey: bridge.direction === 'send' ? `send:${tableLabel(targetTable)}` : `receive:${stored.id}`, source, target: receiver, sourceTable, targetTable, mapping, node,
    checkpoints: new CheckpointTable(prefix, bridge.direction === 'send' ? targetTable.schema : sourceTable.schema),
    signal,
    ranges: deps.ranges,
    retentionDays: settings.softDeleteRetentionDays,
    report: async (progress: RunProgress, sender, receiverCounts) => {
      const now = Date.now();
      if (now - lastReport < REPORT_INTERVAL_MS && progress.phase !== 'done') return;
      lastReport = now;
      const record = await deps.runs.update(run.id, { progress, sender, receiver: receiverCounts });
      deps.events.emit('run.updated', record);
    },
    log: (level, message) => deps.runs.log(run.id, level, message),
    reject: (rows) => deps.runs.reject(run.id, rows),
  };
}
