import ExcelJS from 'exceljs';
import type { CatalogEntry, ImportProblem } from '../../../shared/catalog.js';
import {
  catalogEntrySchema, ITEM_DATA_TYPE_LABELS, ITEM_DATA_TYPES, RESOURCE_FORMAT_LABELS, RESOURCE_TYPE_LABELS,
  SHARE_METHOD_LABELS, SHARE_TYPE_LABELS, UPDATE_CYCLE_LABELS,
} from '../../../shared/catalog.js';
import { ExNodeError, msg, translate } from '../../../shared/index.js';

/**
 * The catalog workbook in the layout departments exchange with the catalog platform: one row per
 * resource on 「信息资源」, the information items on 「信息项」 keyed by resource code. Every cell is
 * text, so codes keep their leading zeros; enumerations are written as the guideline's Chinese terms.
 */
export const RESOURCE_SHEET = '信息资源';
export const ITEM_SHEET = '信息项';

type Flat = Record<string, unknown>;
interface ColumnDef {
  readonly header: string;
  /** The entry path it fills, as zod reports it. */
  readonly path: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly kind?: 'bool' | 'list' | 'json';
}

const RESOURCE_COLUMNS: readonly ColumnDef[] = [
  { header: '信息资源代码', path: ['code'] },
  { header: '信息资源名称', path: ['name'] },
  { header: '资源类型', path: ['classification', 'type'], labels: RESOURCE_TYPE_LABELS },
  { header: '类', path: ['classification', 'category'] },
  { header: '项', path: ['classification', 'item'] },
  { header: '目', path: ['classification', 'subItem'] },
  { header: '细目', path: ['classification', 'detail'] },
  { header: '信息资源提供方', path: ['provider'] },
  { header: '提供方代码', path: ['providerCode'] },
  { header: '信息资源摘要', path: ['abstract'] },
  { header: '信息资源格式', path: ['format'], labels: RESOURCE_FORMAT_LABELS },
  { header: '共享类型', path: ['share', 'type'], labels: SHARE_TYPE_LABELS },
  { header: '共享条件', path: ['share', 'conditions'] },
  { header: '共享方式', path: ['share', 'method'], labels: SHARE_METHOD_LABELS },
  { header: '不予共享依据', path: ['share', 'legalBasis'] },
  { header: '是否向社会开放', path: ['open', 'toPublic'], kind: 'bool' },
  { header: '开放条件', path: ['open', 'conditions'] },
  { header: '更新周期', path: ['updateCycle'], labels: UPDATE_CYCLE_LABELS },
  { header: '发布日期', path: ['publishDate'] },
  { header: '关联资源代码', path: ['relatedCodes'], kind: 'list' },
  { header: '对应桥接任务', path: ['bridge'] },
  { header: '扩展元数据', path: ['extensions'], kind: 'json' },
];

const ITEM_COLUMNS: readonly ColumnDef[] = [
  { header: '信息资源代码', path: [] },
  { header: '序号', path: [] },
  { header: '信息项名称', path: ['name'] },
  { header: '数据类型', path: ['dataType'], labels: ITEM_DATA_TYPE_LABELS },
  { header: '数据长度', path: ['length'] },
  { header: '来源字段', path: ['column'] },
  { header: '说明', path: ['description'] },
];

export async function writeCatalogWorkbook(entries: readonly CatalogEntry[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ExNode';
  const resources = wb.addWorksheet(RESOURCE_SHEET);
  const items = wb.addWorksheet(ITEM_SHEET);
  addHeader(resources, RESOURCE_COLUMNS);
  addHeader(items, ITEM_COLUMNS);
  for (const entry of entries) {
    resources.addRow(RESOURCE_COLUMNS.map((c) => toCell(c, get(entry as unknown as Flat, c.path))));
    entry.items.forEach((item, i) => {
      items.addRow([entry.code, String(i + 1), ...ITEM_COLUMNS.slice(2).map((c) => toCell(c, get(item as unknown as Flat, c.path)))]);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface WorkbookRead {
  readonly entries: CatalogEntry[];
  readonly problems: ImportProblem[];
}

/** Reads a workbook; every problem names its sheet and cell (信息资源!C4). */
export async function readCatalogWorkbook(data: Buffer): Promise<WorkbookRead> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new ExNodeError('INVALID_INPUT', msg('catalog.notWorkbook', { detail: e instanceof Error ? e.message : String(e) }));
  }
  const problems: ImportProblem[] = [];
  const resources = wb.getWorksheet(RESOURCE_SHEET);
  const itemSheet = wb.getWorksheet(ITEM_SHEET);
  if (!resources) problems.push({ where: RESOURCE_SHEET, message: translate('zh-CN', 'catalog.missingSheet', { sheet: RESOURCE_SHEET }) });
  if (!itemSheet) problems.push({ where: ITEM_SHEET, message: translate('zh-CN', 'catalog.missingSheet', { sheet: ITEM_SHEET }) });
  if (!resources || !itemSheet) return { entries: [], problems };

  const resourceCols = columnIndex(resources, RESOURCE_COLUMNS, problems);
  const itemCols = columnIndex(itemSheet, ITEM_COLUMNS, problems);
  if (problems.length > 0) return { entries: [], problems };

  interface Draft { raw: Flat; row: number; itemRows: number[] }
  const drafts = new Map<string, Draft>();
  for (let r = 2; r <= resources.rowCount; r += 1) {
    const row = resources.getRow(r);
    if (RESOURCE_COLUMNS.every((c) => text(row.getCell(resourceCols.get(c.header)!)) === undefined)) continue;
    const raw: Flat = { items: [] };
    for (const c of RESOURCE_COLUMNS) {
      const col = resourceCols.get(c.header)!;
      const value = fromCell(c, text(row.getCell(col)), `${RESOURCE_SHEET}!${cellRef(col, r)}`, problems);
      if (value !== undefined) set(raw, c.path, value);
    }
    const code = typeof raw.code === 'string' ? raw.code : '';
    if (drafts.has(code)) problems.push({ where: `${RESOURCE_SHEET}!${cellRef(resourceCols.get('信息资源代码')!, r)}`, message: translate('zh-CN', 'catalog.duplicateCode', { code }) });
    else drafts.set(code, { raw, row: r, itemRows: [] });
  }
  for (let r = 2; r <= itemSheet.rowCount; r += 1) {
    const row = itemSheet.getRow(r);
    if (ITEM_COLUMNS.every((c) => text(row.getCell(itemCols.get(c.header)!)) === undefined)) continue;
    const code = text(row.getCell(itemCols.get('信息资源代码')!)) ?? '';
    const draft = drafts.get(code);
    if (!draft) {
      problems.push({ where: `${ITEM_SHEET}!${cellRef(itemCols.get('信息资源代码')!, r)}`, message: translate('zh-CN', 'catalog.orphanItem', { code }) });
      continue;
    }
    const item: Flat = {};
    for (const c of ITEM_COLUMNS.slice(2)) {
      const col = itemCols.get(c.header)!;
      let value = fromCell(c, text(row.getCell(col)), `${ITEM_SHEET}!${cellRef(col, r)}`, problems);
      if (c.path[0] === 'length' && value !== undefined) value = /^\d+$/.test(String(value)) ? Number(value) : value;
      if (value !== undefined) set(item, c.path, value);
    }
    (draft.raw.items as Flat[]).push(item);
    draft.itemRows.push(r);
  }

  const entries: CatalogEntry[] = [];
  for (const draft of drafts.values()) {
    const result = catalogEntrySchema.safeParse(draft.raw);
    if (result.success) {
      entries.push(result.data);
      continue;
    }
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      if (path[0] === 'items' && path.length > 1) {
        const itemRow = draft.itemRows[Number(path[1])];
        const col = ITEM_COLUMNS.findIndex((c) => c.path.length > 0 && c.path[0] === path[2]);
        problems.push({ where: itemRow !== undefined && col >= 0 ? `${ITEM_SHEET}!${cellRef(itemCols.get(ITEM_COLUMNS[col]!.header)!, itemRow)}` : `${RESOURCE_SHEET}!${draft.row}行`, message: issue.message });
        continue;
      }
      const def = bestColumn(path);
      problems.push({ where: def ? `${RESOURCE_SHEET}!${cellRef(resourceCols.get(def.header)!, draft.row)}` : `${RESOURCE_SHEET}!第${draft.row}行`, message: issue.message });
    }
  }
  // A cell whose value could not be read is named once, not again by the entry's validation.
  const seen = new Set<string>();
  return { entries, problems: problems.filter((p) => (seen.has(p.where) ? false : (seen.add(p.where), true))) };
}

function bestColumn(path: readonly string[]): ColumnDef | undefined {
  let best: ColumnDef | undefined;
  for (const c of RESOURCE_COLUMNS) {
    const n = c.path.length;
    if (n <= path.length && c.path.every((p, i) => p === path[i]) && (!best || n > best.path.length)) best = c;
  }
  return best ?? RESOURCE_COLUMNS.find((c) => c.path[0] === path[0]);
}

function addHeader(sheet: ExcelJS.Worksheet, columns: readonly ColumnDef[]): void {
  sheet.addRow(columns.map((c) => c.header));
  sheet.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.numFmt = '@';
    col.width = Math.max(10, c.header.length * 2 + 4);
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function columnIndex(sheet: ExcelJS.Worksheet, columns: readonly ColumnDef[], problems: ImportProblem[]): Map<string, number> {
  const found = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const header = text(cell);
    if (header !== undefined) found.set(header, col);
  });
  for (const c of columns) {
    if (!found.has(c.header)) problems.push({ where: `${sheet.name}!1行`, message: `缺少列“${c.header}”` });
  }
  return found;
}

function toCell(def: ColumnDef, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (def.kind === 'bool') return value ? '是' : '否';
  if (def.kind === 'list') return (value as string[]).join(';');
  if (def.kind === 'json') return Object.keys(value as object).length === 0 ? '' : JSON.stringify(value);
  if (def.labels) return def.labels[String(value)] ?? String(value);
  return String(value);
}

function fromCell(def: ColumnDef, value: string | undefined, where: string, problems: ImportProblem[]): unknown {
  if (value === undefined) return undefined;
  if (def.kind === 'bool') {
    if (['是', 'Y', 'y', 'true', 'TRUE', '1'].includes(value)) return true;
    if (['否', 'N', 'n', 'false', 'FALSE', '0'].includes(value)) return false;
    problems.push({ where, message: `“${value}”应为“是”或“否”` });
    return undefined;
  }
  if (def.kind === 'list') return value.split(/[;；,，\s]+/).filter(Boolean);
  if (def.kind === 'json') {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      problems.push({ where, message: `扩展元数据应为 JSON 对象，如 {"来源系统":"人口库"}` });
      return undefined;
    }
  }
  if (def.labels) {
    const match = Object.entries(def.labels).find(([code, label]) => label === value || code === value);
    if (match) return match[0];
    if (def.labels === ITEM_DATA_TYPE_LABELS && (ITEM_DATA_TYPES as readonly string[]).includes(value.toUpperCase())) return value.toUpperCase();
    problems.push({ where, message: `“${value}”不是有效的${def.header}，应为：${Object.values(def.labels).join('、')}` });
    return undefined;
  }
  return value;
}

/** A cell as trimmed text, undefined when empty (rich text, numbers and dates included). */
function text(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value;
  if (v === null || v === undefined) return undefined;
  let s: string;
  if (v instanceof Date) s = v.toISOString().slice(0, 10);
  else if (typeof v === 'object' && 'richText' in v) s = v.richText.map((t) => t.text).join('');
  else if (typeof v === 'object' && 'text' in v) s = String(v.text);
  else if (typeof v === 'object' && 'result' in v) s = String(v.result ?? '');
  else s = String(v);
  s = s.trim();
  return s === '' ? undefined : s;
}

function cellRef(col: number, row: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row}`;
}

function get(obj: Flat, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) cur = cur === undefined || cur === null ? undefined : (cur as Flat)[p];
  return cur;
}

function set(obj: Flat, path: readonly string[], value: unknown): void {
  let cur = obj;
  path.forEach((p, i) => {
    if (i === path.length - 1) cur[p] = value;
    else cur = (cur[p] ??= {}) as Flat;
  });
}
