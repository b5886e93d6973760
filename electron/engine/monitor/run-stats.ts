import type { RunRecord } from '../../../shared/index.js';
import type { StateDb } from '../store/db.js';
import { DAILY_COLUMNS, type DailyColumn, dayOf } from './daily-columns.js';

const FINISHED = new Set(['succeeded', 'failed', 'cancelled']);

type StatRow = Record<string, string | number | null>;

function dailyValues(r: StatRow): Record<DailyColumn, number> {
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    runs: 1, failed: r.status === 'failed' ? 1 : 0, not_reconciled: r.recon_status === 'not-reconciled' ? 1 : 0, with_deviation: n('deviation') > 0 ? 1 : 0,
    sender_total: n('sender_total'), sender_inserted: n('sender_inserted'), sender_updated: n('sender_updated'), sender_deleted: n('sender_deleted'),
    receiver_inserted: n('receiver_inserted'), receiver_updated: n('receiver_updated'), receiver_deleted: n('receiver_deleted'), rejected: n('rejected'), deviation: n('deviation'),
  };
}

/**
 * Records a finished run's numbers in `monitor_run_stats` and adds them to its day in
 * `monitor_daily_stats`. Recording a run again replaces its numbers (the day gets the difference).
 */
export async function recordRunStats(db: StateDb, run: RunRecord): Promise<void> {
  if (!FINISHED.has(run.status)) return;
  const row: StatRow = {
    run_id: run.id, bridge_id: run.bridgeId, bridge_name: run.bridgeName, mode: run.mode, direction: run.direction,
    status: run.status, recon_status: run.reconciliation.status, started_at: run.startedAt, finished_at: run.finishedAt,
    duration_ms: run.durationMs, sender_total: run.sender.total, sender_inserted: run.sender.inserted,
    sender_updated: run.sender.updated, sender_deleted: run.sender.deleted, receiver_inserted: run.receiver.inserted,
    receiver_updated: run.receiver.updated, receiver_deleted: run.receiver.deleted, rejected: run.receiver.rejected,
    deviation: run.deviation.total,
  };
  await db.transaction(async (trx) => {
    const old = await trx('monitor_run_stats').where({ run_id: run.id }).first() as StatRow | undefined;
    if (old) await addToDay(trx, old, -1);
    await trx('monitor_run_stats').insert(row).onConflict('run_id').merge();
    await addToDay(trx, row, 1);
  });
}

async function addToDay(db: StateDb, row: StatRow, sign: 1 | -1): Promise<void> {
  const values = dailyValues(row);
  const key = { day: dayOf(String(row.started_at)), bridge_name: String(row.bridge_name) };
  const inc = Object.fromEntries(DAILY_COLUMNS.map((c) => [c, db.raw(`?? + ?`, [c, sign * values[c]])]));
  const updated = await db('monitor_daily_stats').where(key).update(inc);
  if (updated === 0 && sign === 1) await db('monitor_daily_stats').insert({ ...key, ...values });
}
