import type {
  BridgeView, ConnectionView, Reconciliation, RejectedRow, RunLogEntry, RunRecord, SnapshotResult, TableSchema, TableSummary, TestResult,
} from '../../../shared/index.js';
import { type Lang, render, sourceLabel } from '../../../shared/index.js';

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const n = (v: number) => v.toLocaleString('en-US');

export function printConnections(list: ConnectionView[]): void {
  if (list.length === 0) return out('No connections yet. Add one with: exnode connection add --file F');
  for (const c of list) out(`${c.isExchange ? '*' : ' '} ${c.name.padEnd(28)} ${c.dialect.padEnd(9)} ${c.health.padEnd(8)} ${c.summary}`);
  out('(* = exchange database)');
}

export function printBridges(list: BridgeView[]): void {
  if (list.length === 0) return out('No bridges yet. Add one with: exnode bridge add --file F');
  for (const b of list) {
    const last = b.lastRun ? `${b.lastRun.status}, deviation ${b.lastRun.deviation}` : 'never run';
    out(`${b.name.padEnd(28)} ${b.config.mode.padEnd(11)} ${sourceLabel(b.config)} → ${b.targetConnection}.${b.targetTable}  [${last}]`);
  }
}

export function printTest(name: string, r: TestResult): void {
  if (r.ok) out(`${name}: OK — ${r.product ?? ''} ${r.version ?? ''}, ${r.latencyMs ?? '?'} ms, user ${r.currentUser ?? '-'}, database ${r.currentDatabase ?? '-'}`);
  else out(`${name}: FAILED [${r.errorCode ?? 'ERROR'}] ${r.message ?? ''}`);
}

/** A run's status and counts; its reconciliation line says reconciled, deviation or not reconciled and why. */
export function printRun(r: RunRecord, lang: Lang): void {
  out(`Run ${r.id}  bridge ${r.bridgeName}  ${r.mode}/${r.direction}  ${r.status}${r.durationMs !== null ? `  ${(r.durationMs / 1000).toFixed(1)} s` : ''}`);
  out(`  sender   read ${n(r.sender.total)}  inserted ${n(r.sender.inserted)}  updated ${n(r.sender.updated)}  deleted ${n(r.sender.deleted)}`);
  out(`  receiver inserted ${n(r.receiver.inserted)}  updated ${n(r.receiver.updated)}  deleted ${n(r.receiver.deleted)}  rejected ${n(r.receiver.rejected)}`);
  out(`  ${lang === 'en' ? 'reconciliation' : '核对结果'}: ${render(lang, r.reconciliation.summary)}`);
  out(`  ${render(lang, r.reconciliation.meaning)}`);
  if (r.error) out(`  error [${r.error.code}] ${r.error.message}`);
}

/** One line of a run's progress, for a terminal. */
export function runProgressLine(r: RunRecord): string {
  const { progress } = r;
  return `${r.bridgeName}: ${r.status}, ${progress.phase}, ${n(progress.rowsRead)}${progress.estimatedTotal ? ` / ${n(progress.estimatedTotal)}` : ''} rows read`;
}

/** One line of a reconciliation's progress, for a terminal. */
export function reconcileProgressLine(bridge: string, rows: number, total: number): string {
  return `Reconciling ${bridge}: ${n(rows)} / ${n(total)} source rows compared`;
}

export function printReconciliation(r: Reconciliation): void {
  out(`Reconciled bridge ${r.bridge} in ${(r.durationMs / 1000).toFixed(1)} s: ${r.source} → ${r.target}`);
  out(`  source rows ${n(r.sourceRows)}  receiving rows ${n(r.targetRows)}  matched ${n(r.matched)}`);
  out(`  missing ${n(r.missing)}  extra ${n(r.extra)}  different ${n(r.different)}`);
  out(`  deviation ${r.deviation === 0 ? '0 (the tables agree)' : n(r.deviation)}`);
  for (const kind of ['missing', 'extra', 'different'] as const) {
    for (const key of r.samples[kind]) out(`  ${kind.padEnd(9)} ${JSON.stringify(key)}`);
  }
}

export function printTables(list: TableSummary[]): void {
  if (list.length === 0) return out('No tables or views.');
  for (const t of list) {
    const name = t.schema ? `${t.schema}.${t.name}` : t.name;
    out(`${name.padEnd(40)} ${t.kind.padEnd(5)} ${t.rowEstimate === null ? '' : `~${n(t.rowEstimate)} rows`}`);
  }
}

export function printTable(t: TableSchema): void {
  out(`${t.schema ? `${t.schema}.` : ''}${t.name} (${t.kind}${t.rowEstimate === null ? '' : `, ~${n(t.rowEstimate)} rows`})`);
  for (const c of t.columns) {
    const size = c.length !== undefined ? `(${c.length})` : c.precision !== undefined ? `(${c.precision}${c.scale !== undefined ? `,${c.scale}` : ''})` : '';
    out(`  ${c.primaryKey ? '*' : ' '} ${c.name.padEnd(30)} ${c.nativeType.padEnd(24)} ${`${c.type}${size}`.padEnd(18)} ${c.nullable ? 'NULL' : 'NOT NULL'}`);
  }
  out(`  primary key: ${t.primaryKey.length > 0 ? t.primaryKey.join(', ') : '(none)'}`);
  for (const key of t.uniqueKeys) out(`  unique: ${key.join(', ')}`);
}

export function printSnapshot(r: SnapshotResult): void {
  out(`Snapshot of ${r.connection} at ${r.takenAt}: ${r.tables} tables`);
  if (r.first) return out('  (first snapshot: later ones are compared with it)');
  if (r.changes.length === 0) return out('  no changes since the last snapshot');
  for (const c of r.changes) out(`  ${c.kind.padEnd(15)} ${c.table}${c.column ? `.${c.column}` : ''}${c.detail ? `  ${c.detail}` : ''}`);
}

export function printLog(entries: RunLogEntry[]): void {
  for (const e of entries) out(`${e.at}  ${e.level.toUpperCase().padEnd(5)} ${e.message}`);
}

export function printRejected(rows: RejectedRow[]): void {
  if (rows.length === 0) return out('No rejected rows.');
  for (const r of rows) out(`${JSON.stringify(r.key)}  ${r.reason}`);
}
