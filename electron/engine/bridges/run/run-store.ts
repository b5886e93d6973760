import type {
  BridgeConfig, MessageParams, MessageRef, RunPhase, ReceiverCounts, RejectedRow, RunLogEntry, RunRecord, RunStatus, SenderCounts,
} from '../../../../shared/index.js';
import { ExNodeError, msg, reconciliationOf, render } from '../../../../shared/index.js';
import type { StateDb } from '../../store/db.js';
import { readStoredMessage, storeMessage } from '../../store/stored-message.js';
import { insertRows } from '../../store/insert-rows.js';
import { nowIso } from '../../clock.js';
import { newId } from '../../ids.js';
import { ZERO_RECEIVER, ZERO_SENDER, deviationOf } from './counts.js';
import type { RunFilter } from '../../../../shared/schedule.js';
import type { Lease } from './lease.js';

interface LogRow {
  at: string;
  level: RunLogEntry['level'];
  message: string;
  message_key: string | null;
  message_params: string | null;
}

export interface RunRow {
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
  lease_owner: string | null;
  lease_expires_ms: number | string | null;
  skipped_reason: string | null;
  skipped_key: string | null;
  skipped_params: string | null;
  error_key: string | null;
  error_params: string | null;
  scheduled_for: string | null;
}

/** A run's error as stored: the code, English text, and the catalog key and parameters when there is one. */
export interface RunError {
  readonly code: string;
  readonly message: string | MessageRef;
}

export interface NewRunOptions {
  readonly lease?: { owner: string; expiresMs: number };
  /** Records the trigger as skipped, for this reason. */
  readonly skippedReason?: MessageRef;
  readonly scheduledFor?: string;
  /** The mode this run uses when it is not the bridge's (`full` for a one-off full run of an incremental bridge). */
  readonly mode?: BridgeConfig['mode'];
}

/** A run-log line ready to insert. */
export interface LogRowInput {
  readonly runId: string;
  readonly level: RunLogEntry['level'];
  readonly message: string | MessageRef;
}

/** A run not finished, with the lease of the process that holds it. */
export type UnfinishedRun = RunRecord & { lease: Lease };

export interface RunProgress {
  phase: RunPhase;
  rowsRead: number;
  estimatedTotal: number | null;
  rowsTransferred?: number;
}

/** Run records, their logs and rejected rows, in the node's state store. */
export class RunStore {
  constructor(private readonly db: StateDb) {}

  async create(bridge: { id: string; config: BridgeConfig }, trigger: RunRecord['trigger'], options: NewRunOptions = {}): Promise<RunRecord> {
    const row = newRunRow(bridge, trigger, options);
    await this.db('runs').insert(row);
    return toRecord(row);
  }

  /**
   * Writes new run records and their first log lines with `trx` (a scheduler tick's runs and skips in
   * one transaction).
   */
  async insertMany(trx: StateDb, runs: readonly RunRow[], logs: readonly LogRowInput[]): Promise<void> {
    await insertRows(trx, 'runs', runs as unknown as Record<string, unknown>[]);
    await insertRows(trx, 'run_logs', logs.map(logRow));
  }

  async get(id: string): Promise<RunRecord> {
    const row = await this.db<RunRow>('runs').where({ id }).first();
    if (!row) throw new ExNodeError('NOT_FOUND', msg('runs.notFound', { id }));
    return toRecord(row);
  }

  async list(options: { bridgeName?: string; limit: number }): Promise<RunRecord[]> {
    const q = this.db<RunRow>('runs').orderBy('started_at', 'desc').limit(options.limit);
    if (options.bridgeName) q.where({ bridge_name: options.bridgeName });
    return (await q).map(toRecord);
  }

  /** Runs by the filters of the runs page, newest first, with the number of all that match. */
  async search(filter: RunFilter): Promise<{ total: number; items: RunRecord[] }> {
    const where = (q: ReturnType<StateDb>) => {
      if (filter.bridge) q.where({ bridge_name: filter.bridge });
      if (filter.status) q.where({ status: filter.status });
      if (filter.trigger) q.where({ trigger: filter.trigger });
      if (filter.from) q.where('started_at', '>=', new Date(filter.from).toISOString());
      if (filter.to) q.where('started_at', '<', new Date(filter.to).toISOString());
      return q;
    };
    const total = Number((await where(this.db('runs')).count({ n: '*' }).first())?.n ?? 0);
    const rows = await where(this.db('runs')).orderBy([{ column: 'started_at', order: 'desc' }, { column: 'id', order: 'desc' }])
      .limit(filter.limit).offset(filter.offset) as RunRow[];
    return { total, items: rows.map(toRecord) };
  }

  /** Runs marked queued or running, with the lease of the process that holds them. */
  async unfinished(): Promise<UnfinishedRun[]> {
    const rows = await this.db<RunRow>('runs').whereIn('status', ['queued', 'running']).orderBy('started_at');
    return rows.map((r) => ({ ...toRecord(r), lease: leaseOf(r) }));
  }

  /** The unfinished runs of these bridges, oldest first, in one query. */
  async unfinishedOfMany(bridgeIds: readonly string[]): Promise<UnfinishedRun[]> {
    const out: UnfinishedRun[] = [];
    for (let i = 0; i < bridgeIds.length; i += 500) {
      const rows = await this.db<RunRow>('runs').whereIn('bridge_id', bridgeIds.slice(i, i + 500)).whereIn('status', ['queued', 'running']).orderBy('started_at');
      out.push(...rows.map((r) => ({ ...toRecord(r), lease: leaseOf(r) })));
    }
    return out;
  }

  /** The unfinished runs of one bridge (normally none or one). */
  async unfinishedOf(bridgeId: string): Promise<UnfinishedRun[]> {
    const rows = await this.db<RunRow>('runs').where({ bridge_id: bridgeId }).whereIn('status', ['queued', 'running']).orderBy('started_at');
    return rows.map((r) => ({ ...toRecord(r), lease: leaseOf(r) }));
  }

  async leaseOf(id: string): Promise<Lease> {
    const row = await this.db<RunRow>('runs').where({ id }).first();
    return row ? leaseOf(row) : { owner: null, expiresMs: null };
  }

  /** Extends the leases `owner` holds on `ids`; returns the ids among them someone asked to cancel. */
  async renewLeases(owner: string, ids: readonly string[], expiresMs: number): Promise<string[]> {
    if (ids.length === 0) return [];
    await this.db('runs').whereIn('id', ids).andWhere({ lease_owner: owner }).update({ lease_expires_ms: expiresMs });
    const asked = await this.db('runs').whereIn('id', ids).andWhere({ cancel_requested: true }).select('id');
    return asked.map((r: { id: string }) => r.id);
  }

  /** Gives a lease up at once (a clean shutdown): the next start of the node resumes the run. */
  async releaseLease(id: string, owner: string): Promise<void> {
    await this.db('runs').where({ id, lease_owner: owner }).update({ lease_expires_ms: 0 });
  }

  /** Asks the process that runs `id` to stop it (it checks between batches). */
  async requestCancel(id: string): Promise<void> {
    await this.db('runs').where({ id }).update({ cancel_requested: true });
  }

  async cancelRequested(id: string): Promise<boolean> {
    const row = await this.db('runs').where({ id }).first('cancel_requested');
    return Boolean(row?.cancel_requested);
  }

  /** Takes the run's lease for `owner` (queued until it starts, running after). */
  async claim(id: string, owner: string, expiresMs: number, status: 'queued' | 'running'): Promise<RunRecord> {
    await this.db('runs').where({ id }).update({ owner_pid: process.pid, lease_owner: owner, lease_expires_ms: expiresMs, status, cancel_requested: false });
    return this.get(id);
  }

  async update(id: string, patch: {
    status?: RunStatus; sender?: SenderCounts; receiver?: ReceiverCounts; progress?: RunProgress;
    error?: RunError | null; finished?: boolean;
  }): Promise<RunRecord> {
    const set: Partial<RunRow> = {};
    if (patch.status) set.status = patch.status;
    if (patch.sender) set.sender_json = JSON.stringify(patch.sender);
    if (patch.receiver) set.receiver_json = JSON.stringify(patch.receiver);
    if (patch.progress) set.progress_json = JSON.stringify(patch.progress);
    if (patch.error !== undefined) {
      const ref = patch.error && typeof patch.error.message !== 'string' ? patch.error.message : null;
      set.error_code = patch.error?.code ?? null;
      set.error_message = patch.error ? render('en', patch.error.message) : null;
      set.error_key = ref?.key ?? null;
      set.error_params = ref?.params ? JSON.stringify(ref.params) : null;
    }
    if (patch.finished) set.finished_at = nowIso();
    if (Object.keys(set).length > 0) await this.db('runs').where({ id }).update(set);
    return this.get(id);
  }

  /** A run-log line: a catalog message (kept as key and parameters, rendered by each shell) or plain text. */
  async log(runId: string, level: RunLogEntry['level'], message: string | MessageRef): Promise<void> {
    await this.db('run_logs').insert(logRow({ runId, level, message }));
  }

  async logs(runId: string): Promise<RunLogEntry[]> {
    const rows: LogRow[] = await this.db('run_logs').where({ run_id: runId }).orderBy('id').limit(5000);
    return rows.map((r) => ({
      at: r.at, level: r.level, message: r.message,
      ...(r.message_key ? { key: r.message_key } : {}),
      ...(r.message_params ? { params: JSON.parse(r.message_params) as MessageParams } : {}),
    }));
  }

  async reject(runId: string, rows: readonly { key: Record<string, unknown>; reason: MessageRef | string }[]): Promise<void> {
    if (rows.length === 0) return;
    const at = nowIso();
    await this.db.batchInsert('rejected_rows', rows.map((r) => ({ run_id: runId, key_json: JSON.stringify(r.key), reason: storeMessage(r.reason), at })), 200);
  }

  async rejected(runId: string): Promise<RejectedRow[]> {
    const rows = await this.db('rejected_rows').where({ run_id: runId }).orderBy('id').limit(10_000);
    return rows.map((r: { key_json: string; reason: string; at: string }) => {
      const { text, message } = readStoredMessage(r.reason);
      return { key: JSON.parse(r.key_json), reason: text, ...(message ? { reasonMessage: message } : {}), at: r.at };
    });
  }
}

export function toRecord(row: RunRow): RunRecord {
  const sender = JSON.parse(row.sender_json) as SenderCounts;
  const receiver = JSON.parse(row.receiver_json) as ReceiverCounts;
  const finished = row.finished_at;
  const record: Omit<RunRecord, 'reconciliation'> = {
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
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '', ...refOf(row.error_key, row.error_params) } : null,
    // Rows before message keys hold the reason as zh-CN text: shown as it is.
    skippedReason: row.skipped_reason ?? null,
    ...(row.skipped_key ? { skippedReasonRef: { key: row.skipped_key, ...refOf(row.skipped_key, row.skipped_params) } } : {}),
  };
  return { ...record, reconciliation: reconciliationOf(record) };
}

/** A new run record's row: queued, or skipped with its reason (kept as key and parameters, and English text). */
export function newRunRow(bridge: { id: string; config: BridgeConfig }, trigger: RunRecord['trigger'], options: NewRunOptions = {}): RunRow {
  const reason = options.skippedReason;
  const at = nowIso();
  return {
    id: newId('run'),
    bridge_id: bridge.id,
    bridge_name: bridge.config.name,
    mode: options.mode ?? bridge.config.mode,
    direction: bridge.config.direction,
    trigger,
    status: reason ? 'skipped' : 'queued',
    started_at: at,
    finished_at: reason ? at : null,
    sender_json: JSON.stringify(ZERO_SENDER),
    receiver_json: JSON.stringify(ZERO_RECEIVER),
    progress_json: JSON.stringify({ phase: 'queued', rowsRead: 0, estimatedTotal: null }),
    error_code: null,
    error_message: null,
    error_key: null,
    error_params: null,
    owner_pid: process.pid,
    lease_owner: options.lease?.owner ?? null,
    lease_expires_ms: options.lease?.expiresMs ?? null,
    skipped_reason: reason ? render('en', reason) : null,
    skipped_key: reason?.key ?? null,
    skipped_params: reason?.params ? JSON.stringify(reason.params) : null,
    scheduled_for: options.scheduledFor ?? null,
  };
}

function logRow({ runId, level, message }: LogRowInput) {
  const ref = typeof message === 'string' ? null : message;
  return {
    run_id: runId, at: nowIso(), level, message: render('en', message),
    message_key: ref?.key ?? null, message_params: ref?.params ? JSON.stringify(ref.params) : null,
  };
}

function refOf(key: string | null, params: string | null): { key?: string; params?: MessageParams } {
  return {
    ...(key ? { key } : {}),
    ...(key && params ? { params: JSON.parse(params) as MessageParams } : {}),
  };
}

function leaseOf(row: RunRow): Lease {
  return { owner: row.lease_owner, expiresMs: row.lease_expires_ms === null ? null : Number(row.lease_expires_ms) };
}
