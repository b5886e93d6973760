import ExcelJS from 'exceljs';
import type { AuditRecordView } from '../../../shared/index.js';

const COLUMNS = ['seq', 'at', 'actor', 'shell', 'address', 'operation', 'target', 'outcome', 'detail'] as const;

/** A cell as text, defused so a spreadsheet never runs it as a formula (`=`, `+`, `-`, `@` at the start). */
function cellText(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function auditCsv(records: readonly AuditRecordView[]): Buffer {
  const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [COLUMNS.join(','), ...records.map((r) => COLUMNS.map((c) => quote(cellText(r[c]))).join(','))];
  // A BOM so Excel on a Chinese Windows reads UTF-8.
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function auditXlsx(records: readonly AuditRecordView[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('audit');
  sheet.columns = COLUMNS.map((c) => ({ header: c, key: c, width: c === 'detail' ? 80 : 20 }));
  for (const r of records) sheet.addRow(Object.fromEntries(COLUMNS.map((c) => [c, c === 'seq' ? r.seq : cellText(r[c])])));
  return Buffer.from(await book.xlsx.writeBuffer());
}
