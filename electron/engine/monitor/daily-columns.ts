/** Columns of `monitor_daily_stats` and how each sums `monitor_run_stats` rows. */
export const DAILY_COLUMNS = [
  'runs', 'failed', 'not_reconciled', 'with_deviation', 'sender_total', 'sender_inserted', 'sender_updated', 'sender_deleted',
  'receiver_inserted', 'receiver_updated', 'receiver_deleted', 'rejected', 'deviation',
] as const;
export type DailyColumn = (typeof DAILY_COLUMNS)[number];

export const DAILY_SUMS: readonly string[] = [
  'COUNT(*)', "SUM(status = 'failed')", "SUM(recon_status = 'not-reconciled')", 'SUM(deviation > 0)', 'SUM(sender_total)',
  'SUM(sender_inserted)', 'SUM(sender_updated)', 'SUM(sender_deleted)', 'SUM(receiver_inserted)', 'SUM(receiver_updated)',
  'SUM(receiver_deleted)', 'SUM(rejected)', 'SUM(deviation)',
];

/** The day bucket of the daily table: the date in China time (UTC+8). */
export const DAILY_OFFSET_MINUTES = 480;

export function dayOf(iso: string, offsetMinutes = DAILY_OFFSET_MINUTES): string {
  return new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString().slice(0, 10);
}
