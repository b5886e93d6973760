import type {
  BridgeConfig, MessageParams, MessageRef, RunPhase, ReceiverCounts, RejectedRow, RunLogEntry, RunRecord, RunStatus, SenderCounts,
} from '../../../../shared/index.js';
import { ExNodeError, render } from '../../../../shared/index.js';
import type { StateDb } from '../../store/db.js';
import { nowIso } from '../../clock.js';
import { newId } from '../../ids.js';
import { ZERO_RECEIVER, ZERO_SENDER, deviationOf } from './counts.js';

interface LogRow {
  at: string;
  level: RunLogEntry['level'];
  message: string;
  message_key: string | null;
  message_params: string | null;
}

interface RunRow {
  id: string;
  bridge_id: string;
  bridge_name: string;
  mode: string;
  direction: string;
  trigger: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  sender_json: string;
  receiver_json: string;
  progress_json: string;
  error_code: string | null;
  error_message: string | null;
  owner_pid: number | null;
}

export interface RunProgress {
  phase: RunPhase;
  rowsRead: number;
  estimatedTotal: number | null;
  rowsTransferred?: number;
}

/** Run records, their logs and rejected rows, in the node's state store. */
export class RunStore {
  constructor(private readonly db: StateDb) {}

  async create(bridge: { id: string; config: BridgeConfig }, trigger: RunRecord['trigger']): Promise<RunRecord> {
    const row: RunRow = {
      id: newId('run'),
      bridge_id: bridge.id,
      bridge_name: bridge.config.name,
      mode: bridge.config.mode,
      direction: bridge.config.direction,
      trigger,
      status: 'queued',
      started_at: nowIso(),
      finished_at: null,
      sender_json: JSON.stringify(ZERO_SENDER),
      receiver_json: JSON.stringify(ZERO_RECEIVER),
      progress_json: JSON.stringify({ phase: 'queued', rowsRead: 0, estimatedTotal: null }),
      error_code: null,
      error_message: null,
      owner_pid: process.pid,
    };
    await this.db('runs').insert(row);
    return toRecord(row);
  }

  async get(id: string): Promise<RunRecord> {
    const row = await this.db<RunRow>('runs').where({ id }).first();
    if (!row) throw new ExNodeError('NOT_FOUND', `No run with id ${id}; see \`exnode bridge list\` for recent runs`);
    return toRecord(row);
  }

  async list(options: { bridgeName?: string; limit: number }): Promise<RunRecord[]> {
    const q = this.db<RunRow>('runs').orderBy('started_at', 'desc').limit(options.limit);
    if (options.bridgeName) q.where({ bridge_name: options.bridgeName });
    return (await q).map(toRecord);
  }

  /** Runs marked queued or running, with the process that owns them. */
  async unfinished(): Promise<(RunRecord & { ownerPid: number | null })[]> {
    const rows = await this.db<RunRow>('runs').whereIn('status', ['queued', 'running']).orderBy('started_at');
    return rows.map((r) => ({ ...toRecord(r), ownerPid: r.owner_pid }));
  }

  /** Asks the process that runs `id` to stop it (it checks between batches). */
  async requestCancel(id: string): Promise<void> {
    await this.db('runs').where({ id }).update({ cancel_requested: true });
  }

  async cancelRequested(id: string): Promise<boolean> {
    const row = await this.db('runs').where({ id }).first('cancel_requested');
    return Boolean(row?.cancel_requested);
  }

  async claim(id: string, pid: number): Promise<RunRecord> {
    await this.db('runs').where({ id }).update({ owner_pid: pid, status: 'running' });
    return this.get(id);
  }

  async update(id: string, patch: {
    status?: RunStatus; sender?: SenderCounts; receiver?: ReceiverCounts; progress?: RunProgress;
    error?: { code: string; message: string } | null; finished?: boolean;
  }): Promise<RunRecord> {
    const set: Partial<RunRow> = {};
    if (patch.status) set.status = patch.status;
    if (patch.sender) set.sender_json = JSON.stringify(patch.sender);
    if (patch.receiver) set.receiver_json = JSON.stringify(patch.receiver);
    if (patch.progress) set.progress_json = JSON.stringify(patch.progress);
    if (patch.error !== undefined) {
      set.error_code = patch.error?.code ?? null;
      set.error_message = patch.error?.message ?? null;
    }
    if (patch.finished) set.finished_at = nowIso();
    if (Object.keys(set).length > 0) await this.db('runs').where({ id }).update(set);
    return this.get(id);
  }

  /** A run-log line: a catalog message (kept as key and parameters, rendered by each shell) or plain text. */
  async log(runId: string, level: RunLogEntry['level'], message: string | MessageRef): Promise<void> {
    const ref = typeof message === 'string' ? null : message;
    await this.db('run_logs').insert({
      run_id: runId, at: nowIso(), level, message: render('en', message),
      message_key: ref?.key ?? null, message_params: ref?.params ? JSON.stringify(ref.params) : null,
    });
  }

  async logs(runId: string): Promise<RunLogEntry[]> {
    const rows: LogRow[] = await this.db('run_logs').where({ run_id: runId }).orderBy('id').limit(5000);
    return rows.map((r) => ({
      at: r.at, level: r.level, message: r.message,
      ...(r.message_key ? { key: r.message_key } : {}),
      ...(r.message_params ? { params: JSON.parse(r.message_params) as MessageParams } : {}),
    }));
  }

  async reject(runId: string, rows: readonly { key: Record<string, unknown>; reason: string }[]): Promise<void> {
    if (rows.length === 0) return;
    const at = nowIso();
    await this.db.batchInsert('rejected_rows', rows.map((r) => ({ run_id: runId, key_json: JSON.stringify(r.key), reason: r.reason, at })), 200);
  }

  async rejected(runId: string): Promise<RejectedRow[]> {
    const rows = await this.db('rejected_rows').where({ run_id: runId }).orderBy('id').limit(10_000);
    return rows.map((r: { key_json: string; reason: string; at: string }) => ({ key: JSON.parse(r.key_json), reason: r.reason, at: r.at }));
  }
}

function toRecord(row: RunRow): RunRecord {
  const sender = JSON.parse(row.sender_json) as SenderCounts;
  const receiver = JSON.parse(row.receiver_json) as ReceiverCounts;
  const finished = row.finished_at;
  return {
    id: row.id,
    bridgeId: row.bridge_id,
    bridgeName: row.bridge_name,
    mode: row.mode as RunRecord['mode'],
    direction: row.direction as RunRecord['direction'],
    trigger: row.trigger as RunRecord['trigger'],
    status: row.status as RunStatus,
    startedAt: row.started_at,
    finishedAt: finished,
    durationMs: finished ? Date.parse(finished) - Date.parse(row.started_at) : null,
    sender,
    receiver,
    deviation: deviationOf(sender, receiver),
    progress: JSON.parse(row.progress_json),
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
  };
}
