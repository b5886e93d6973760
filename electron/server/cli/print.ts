import type {
  BridgeView, ConnectionView, Lang, MessageKey, MessageParams, Reconciliation, RejectedRow, RunLogEntry, RunRecord, SnapshotResult, TableSchema,
  TableSummary, TestResult,
} from '../../../shared/index.js';
import { render, runErrorText, sourceLabel, translate } from '../../../shared/index.js';
import { formatLocalTime } from '../../../shared/time.js';

let language: Lang = 'en';

/** The language of every line printed below; main.ts sets it from --lang or the locale. */
export function usePrintLanguage(lang: Lang): void {
  language = lang;
}

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const t = (key: MessageKey, params?: MessageParams): string => translate(language, key, params);
const n = (v: number) => v.toLocaleString('en-US');

/** Words of the console's glossary (status, mode, phase, level) in the output language. */
const WORDS: Record<string, { 'zh-CN': string; en: string }> = {
  queued: { 'zh-CN': '排队中', en: 'queued' }, running: { 'zh-CN': '运行中', en: 'running' }, succeeded: { 'zh-CN': '成功', en: 'succeeded' },
  failed: { 'zh-CN': '失败', en: 'failed' }, cancelled: { 'zh-CN': '已取消', en: 'cancelled' }, unknown: { 'zh-CN': '未检测', en: 'unknown' },
  ok: { 'zh-CN': '正常', en: 'ok' }, full: { 'zh-CN': '全量', en: 'full' }, incremental: { 'zh-CN': '增量', en: 'incremental' },
  diff: { 'zh-CN': '比对', en: 'diff' }, send: { 'zh-CN': '上报', en: 'send' }, receive: { 'zh-CN': '下发', en: 'receive' },
  copy: { 'zh-CN': '复制', en: 'copy' }, deletes: { 'zh-CN': '查找删除', en: 'deletes' }, ranges: { 'zh-CN': '区段比对', en: 'ranges' },
  done: { 'zh-CN': '完成', en: 'done' }, idle: { 'zh-CN': '空闲', en: 'idle' }, info: { 'zh-CN': '信息', en: 'INFO' },
  skipped: { 'zh-CN': '已跳过', en: 'skipped' }, manual: { 'zh-CN': '手动', en: 'manual' }, schedule: { 'zh-CN': '定时', en: 'schedule' },
  cli: { 'zh-CN': '命令行', en: 'cli' }, resume: { 'zh-CN': '续跑', en: 'resume' },
  warn: { 'zh-CN': '警告', en: 'WARN' }, error: { 'zh-CN': '错误', en: 'ERROR' }, table: { 'zh-CN': '表', en: 'table' }, view: { 'zh-CN': '视图', en: 'view' },
};
export const word = (value: string): string => WORDS[value]?.[language] ?? value;
const time = (iso: string | null | undefined) => formatLocalTime(iso);

export function printConnections(list: ConnectionView[]): void {
  if (list.length === 0) return out(t('cli.noConnections'));
  for (const c of list) out(`${c.isExchange ? '*' : ' '} ${c.name.padEnd(28)} ${c.dialect.padEnd(9)} ${word(c.health).padEnd(8)} ${c.summary}`);
  out(t('cli.exchangeMark'));
}

export function printBridges(list: BridgeView[]): void {
  if (list.length === 0) return out(t('cli.noBridges'));
  for (const b of list) {
    const last = b.lastRun ? t('cli.lastRun', { status: word(b.lastRun.status), deviation: b.lastRun.deviation }) : t('cli.neverRun');
    out(`${b.name.padEnd(28)} ${word(b.config.mode).padEnd(11)} ${sourceLabel(b.config, language)} → ${b.targetConnection}.${b.targetTable}  [${last}]`);
  }
}

export function printTest(name: string, r: TestResult): void {
  if (r.ok) {
    out(t('cli.testOk', {
      name, product: r.product ?? '', version: r.version ?? '', latency: r.latencyMs ?? '?', user: r.currentUser ?? '-', database: r.currentDatabase ?? '-',
    }));
  } else out(t('cli.testFailed', { name, code: r.errorCode ?? 'ERROR', message: r.key ? render(language, { key: r.key, ...(r.params ? { params: r.params as MessageParams } : {}) }) : r.message ?? '' }));
}

/** A run's status and counts; its reconciliation line says reconciled, deviation or not reconciled and why. */
export function printRun(r: RunRecord): void {
  const duration = r.durationMs !== null ? `  ${(r.durationMs / 1000).toFixed(1)} s` : '';
  out(t('cli.runHead', { id: r.id, bridge: r.bridgeName, mode: word(r.mode), direction: word(r.direction), status: word(r.status), duration }));
  out(t('cli.runTimes', { started: time(r.startedAt), finished: time(r.finishedAt) }));
  out(t('cli.runSender', { total: n(r.sender.total), inserted: n(r.sender.inserted), updated: n(r.sender.updated), deleted: n(r.sender.deleted) }));
  out(t('cli.runReceiver', { inserted: n(r.receiver.inserted), updated: n(r.receiver.updated), deleted: n(r.receiver.deleted), rejected: n(r.receiver.rejected) }));
  out(`  ${language === 'en' ? 'reconciliation' : '核对结果'}: ${render(language, r.reconciliation.summary)}`);
  out(`  ${render(language, r.reconciliation.meaning)}`);
  if (r.error) {
    const message = render(language, runErrorText(r.error));
    out(t('cli.runError', { code: r.error.code, message }));
  }
  if (r.mode === 'incremental') out(t('cli.runNoDeletes', { bridge: r.bridgeName }));
}

/** A trigger that did not run, with its reason in the output language (older records: the text they hold). */
export function printSkipped(r: RunRecord): void {
  const reason = r.skippedReasonRef ? render(language, r.skippedReasonRef) : r.skippedReason ?? '';
  out(t('schedule.skippedLine', { id: r.id, bridge: r.bridgeName, trigger: word(r.trigger), started: time(r.startedAt), reason }));
}

/** One line of a run's progress, for a terminal. */
export function runProgressLine(r: RunRecord): string {
  const { progress } = r;
  const rows = `${n(progress.rowsRead)}${progress.estimatedTotal ? ` / ${n(progress.estimatedTotal)}` : ''}`;
  return t('cli.runProgress', { bridge: r.bridgeName, status: word(r.status), phase: word(progress.phase), rows });
}

/** One line of a reconciliation's progress, for a terminal. */
export function reconcileProgressLine(bridge: string, rows: number, total: number): string {
  return t('cli.reconcileProgress', { bridge, rows: n(rows), total: n(total) });
}

export function printReconciliation(r: Reconciliation): void {
  out(t('cli.reconcileHead', { bridge: r.bridge, seconds: (r.durationMs / 1000).toFixed(1), source: r.source, target: r.target }));
  out(t('cli.reconcileRows', { source: n(r.sourceRows), target: n(r.targetRows), matched: n(r.matched) }));
  out(t('cli.reconcileDiff', { missing: n(r.missing), extra: n(r.extra), different: n(r.different) }));
  out(r.deviation === 0 ? t('cli.reconcileAgree') : t('cli.reconcileDeviation', { n: n(r.deviation) }));
  if (r.proposeFullOnce) out(t('cli.proposeFullOnce', { bridge: r.bridge }));
  for (const kind of ['missing', 'extra', 'different'] as const) {
    for (const key of r.samples[kind]) out(`  ${kind.padEnd(9)} ${JSON.stringify(key)}`);
  }
}

export function printTables(list: TableSummary[]): void {
  if (list.length === 0) return out(t('cli.noTables'));
  for (const x of list) {
    const name = x.schema ? `${x.schema}.${x.name}` : x.name;
    out(`${name.padEnd(40)} ${word(x.kind).padEnd(5)} ${x.rowEstimate === null ? '' : t('cli.rowsAbout', { n: n(x.rowEstimate) })}`);
  }
}

export function printTable(x: TableSchema): void {
  out(`${x.schema ? `${x.schema}.` : ''}${x.name} (${word(x.kind)}${x.rowEstimate === null ? '' : `, ${t('cli.rowsAbout', { n: n(x.rowEstimate) })}`})`);
  for (const c of x.columns) {
    const size = c.length !== undefined ? `(${c.length})` : c.precision !== undefined ? `(${c.precision}${c.scale !== undefined ? `,${c.scale}` : ''})` : '';
    out(`  ${c.primaryKey ? '*' : ' '} ${c.name.padEnd(30)} ${c.nativeType.padEnd(24)} ${`${c.type}${size}`.padEnd(18)} ${c.nullable ? 'NULL' : 'NOT NULL'}`);
  }
  out(t('cli.primaryKey', { columns: x.primaryKey.length > 0 ? x.primaryKey.join(', ') : t('cli.noKey') }));
  for (const key of x.uniqueKeys) out(t('cli.unique', { columns: key.join(', ') }));
}

export function printSnapshot(r: SnapshotResult): void {
  out(t('cli.snapshotHead', { connection: r.connection, at: time(r.takenAt), tables: r.tables }));
  if (r.first) return out(t('cli.snapshotFirst'));
  if (r.changes.length === 0) return out(t('cli.snapshotSame'));
  for (const c of r.changes) out(`  ${c.kind.padEnd(15)} ${c.table}${c.column ? `.${c.column}` : ''}${c.detail ? `  ${c.detail}` : ''}`);
}

/** A log entry's text in the output language: its message key when it has one, else its English text. */
export function logText(e: RunLogEntry): string {
  return e.key ? render(language, { key: e.key, ...(e.params ? { params: e.params } : {}) }) : e.message;
}

export function printLog(entries: RunLogEntry[]): void {
  for (const e of entries) out(`${time(e.at)}  ${word(e.level).padEnd(5)} ${logText(e)}`);
}

export function printRejected(rows: RejectedRow[]): void {
  if (rows.length === 0) return out(t('cli.noRejected'));
  for (const r of rows) out(`${JSON.stringify(r.key)}  ${r.reasonMessage ? render(language, r.reasonMessage) : r.reason}`);
}
