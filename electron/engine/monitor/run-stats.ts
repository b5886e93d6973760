import type { RunRecord } from '../../../shared/index.js';
import type { StateDb } from '../store/db.js';

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

/** Records a finished run's numbers in `monitor_run_stats` (idempotent: a run is recorded once, last write wins). */
export async function recordRunStats(db: StateDb, run: RunRecord): Promise<void> {
  if (!FINISHED.has(run.status)) return;
  await db('monitor_run_stats').insert({
    run_id: run.id, bridge_id: run.bridgeId, bridge_name: run.bridgeName, mode: run.mode, direction: run.direction,
    status: run.status, recon_status: run.reconciliation.status, started_at: run.startedAt, finished_at: run.finishedAt,
    duration_ms: run.durationMs, sender_total: run.sender.total, sender_inserted: run.sender.inserted,
    sender_updated: run.sender.updated, sender_deleted: run.sender.deleted, receiver_inserted: run.receiver.inserted,
    receiver_updated: run.receiver.updated, receiver_deleted: run.receiver.deleted, rejected: run.receiver.rejected,
    deviation: run.deviation.total,
  }).onConflict('run_id').merge();
}
