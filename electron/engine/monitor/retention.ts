import type { StateDb } from '../store/db.js';

/**
 * Shortest retention of alert history: 等保 and the Cybersecurity Law (网络安全法 第二十一条) want
 * logs of the network's state kept at least six months; a setting below it is refused.
 */
export const MIN_ALERT_RETENTION_DAYS = 180;
export const DEFAULT_ALERT_RETENTION_DAYS = 365;

/**
 * Deletes alert history older than `days` at `nowMs`: alerts that resolved before the cutoff and stored
 * data reconciliations started before it. Open and acknowledged alerts (their condition still holds)
 * are never touched, however old. Acknowledgements stay in the audit log, which has its own retention.
 */
export async function pruneHistory(db: StateDb, nowMs: number, days: number): Promise<{ alerts: number; reconciliations: number }> {
  const cutoff = new Date(nowMs - Math.max(days, MIN_ALERT_RETENTION_DAYS) * 86_400_000).toISOString();
  const alerts = await db('alerts').where({ status: 'resolved' }).whereNotNull('resolved_at').where('resolved_at', '<', cutoff).delete();
  const reconciliations = await db('monitor_data_reconciliations').where('started_at', '<', cutoff).delete();
  return { alerts, reconciliations };
}
