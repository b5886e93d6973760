import type { Aggregate, Input, RecordRow } from '../../../../shared/index.js';
import { call } from '../../api/client.js';
import { formatTime } from '../format.js';
import { downloadBlob } from '../download.js';

type Filter = Omit<Input<'monitor/records'>, 'limit' | 'offset'>;
type T = (key: string) => string;

const AGG_FIELDS = ['runs', 'failed', 'notReconciled', 'withDeviation', 'senderTotal', 'senderInserted', 'senderUpdated', 'senderDeleted',
  'receiverInserted', 'receiverUpdated', 'receiverDeleted', 'rejected', 'deviation'] as const;

/** Every record of the filter, page by page (the server pages; the export wants them all). */
async function allRecords(filter: Filter): Promise<RecordRow[]> {
  const out: RecordRow[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await call('monitor/records', { ...filter, limit: 1000, offset });
    out.push(...page.items);
    if (page.items.length < 1000 || out.length >= page.total || out.length >= 200_000) return out;
  }
}

function detailRows(records: RecordRow[], t: T): (string | number)[][] {
  return records.map((r) => [
    formatTime(r.startedAt), r.bridge, r.runId, t(`mode.${r.mode}`), r.status, t(`monitor.recon.${r.reconciliation}`),
    r.sender.total, r.sender.inserted, r.sender.updated, r.sender.deleted, r.receiver.inserted, r.receiver.updated, r.receiver.deleted, r.receiver.rejected, r.deviation,
  ]);
}

function detailHeader(t: T): string[] {
  return ['started', 'bridge', 'runId', 'mode', 'runStatus', 'status', 'senderTotal', 'senderInserted', 'senderUpdated', 'senderDeleted',
    'receiverInserted', 'receiverUpdated', 'receiverDeleted', 'rejected', 'deviation'].map((k) => t(`monitor.records.${k}`));
}

function aggHeader(first: string, t: T): string[] {
  return [t(`monitor.records.${first}`), ...AGG_FIELDS.map((k) => t(`monitor.records.${k}`))];
}

const aggRows = (list: Aggregate[]) => list.map((a) => [a.key, ...AGG_FIELDS.map((k) => a[k])]);

/** The record as the platform is handed it: per day, per bridge, then every run (an .xlsx of three sheets). */
export async function exportXlsx(filter: Filter, t: T, filename: string): Promise<number> {
  const [{ default: ExcelJS }, records, days, bridges] = await Promise.all([
    import('exceljs'), allRecords(filter),
    call('monitor/aggregates', { ...filter, by: 'day', limit: 2000 }), call('monitor/aggregates', { ...filter, by: 'bridge', limit: 2000 }),
  ]);
  const book = new ExcelJS.Workbook();
  book.creator = 'ExNode';
  const sheet = (name: string, header: string[], rows: (string | number)[][]) => {
    const ws = book.addWorksheet(name);
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c) => { c.width = 14; });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };
  sheet(t('monitor.records.daily'), aggHeader('day', t), aggRows(days));
  sheet(t('monitor.records.byBridge'), aggHeader('bridge', t), aggRows(bridges));
  sheet(t('monitor.records.detail'), detailHeader(t), detailRows(records, t));
  const buffer = await book.xlsx.writeBuffer();
  downloadBlob(new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), filename);
  return records.length;
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Every run of the filter as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the Chinese right). */
export async function exportCsv(filter: Filter, t: T, filename: string): Promise<number> {
  const records = await allRecords(filter);
  const lines = [detailHeader(t), ...detailRows(records, t)].map((r) => r.map(csvCell).join(','));
  downloadBlob(new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }), filename);
  return records.length;
}
