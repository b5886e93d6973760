/** Table names the bench uses on the local servers (dropped and re-created on each run). */
export const TABLES = {
  mysqlSource: 'exb_source',
  postgresSource: 'exb_pg_source',
  mysqlIncremental: 'exb_incr_source',
  mysqlDiff: 'exb_diff_source',
  mysqlReceive: 'exb_received',
  mysqlReceiveSource: 'exb_receive_source',
  exnodeTarget: 'exb_exnode',
  nativeTarget: 'exb_native',
} as const;
