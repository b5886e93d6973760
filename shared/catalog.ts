import { z } from 'zod';
import type { CanonicalType } from './types.js';

/**
 * Catalog entries (资源目录) after the national guideline 政务信息资源目录编制指南(试行) (DESIGN.md section 8).
 * Validation messages are written in Chinese: the same schema checks the console form, JSON and workbook imports.
 */

/** 信息资源类型: basic (基础), theme (主题) or department (部门) resources. */
export const RESOURCE_TYPES = ['basic', 'theme', 'department'] as const;
export const RESOURCE_TYPE_LABELS: Record<(typeof RESOURCE_TYPES)[number], string> = { basic: '基础信息资源', theme: '主题信息资源', department: '部门信息资源' };

/** 信息资源格式. */
export const RESOURCE_FORMATS = ['database', 'electronic-file', 'spreadsheet', 'image', 'streaming', 'self-describing'] as const;
export const RESOURCE_FORMAT_LABELS: Record<(typeof RESOURCE_FORMATS)[number], string> = {
  database: '数据库', 'electronic-file': '电子文件', spreadsheet: '电子表格', image: '图形图像', streaming: '流媒体', 'self-describing': '自描述格式',
};

/** 共享类型. */
export const SHARE_TYPES = ['unconditional', 'conditional', 'none'] as const;
export const SHARE_TYPE_LABELS: Record<(typeof SHARE_TYPES)[number], string> = { unconditional: '无条件共享', conditional: '有条件共享', none: '不予共享' };

/** 共享方式: a database resource is shared as a database or an interface, a file resource as files. */
export const SHARE_METHODS = ['database', 'interface', 'file'] as const;
export const SHARE_METHOD_LABELS: Record<(typeof SHARE_METHODS)[number], string> = { database: '数据库', interface: '接口', file: '文件' };

/** 更新周期; `irregular` (不定期) has no freshness limit. */
export const UPDATE_CYCLES = ['realtime', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular'] as const;
export type UpdateCycle = (typeof UPDATE_CYCLES)[number];
export const UPDATE_CYCLE_LABELS: Record<UpdateCycle, string> = {
  realtime: '实时', daily: '每日', weekly: '每周', monthly: '每月', quarterly: '每季度', yearly: '每年', irregular: '不定期',
};

/** 信息项数据类型 of the guideline's dictionary, by its one-letter code. */
export const ITEM_DATA_TYPES = ['C', 'N', 'Y', 'D', 'T', 'L', 'M', 'B', 'I', 'F', 'G'] as const;
export type ItemDataType = (typeof ITEM_DATA_TYPES)[number];
export const ITEM_DATA_TYPE_LABELS: Record<ItemDataType, string> = {
  C: '字符型', N: '数值型', Y: '货币型', D: '日期型', T: '日期时间型', L: '逻辑型', M: '备注型', B: '双精度型', I: '整型', F: '浮点型', G: '通用型',
};

/** How an introspected column's canonical type is written in the guideline's dictionary. */
export const ITEM_TYPE_OF: Record<CanonicalType, ItemDataType> = {
  integer: 'I', bigint: 'I', decimal: 'N', float: 'F', double: 'B', boolean: 'L',
  string: 'C', text: 'M', json: 'M', uuid: 'C',
  date: 'D', time: 'C', datetime: 'T', timestamptz: 'T', binary: 'G',
};

const required = (what: string) => z.string({ error: `请填写${what}` }).trim().min(1, `请填写${what}`);
const digits = (what: string, n: number) => z.string({ error: `请填写${what}` }).trim().regex(new RegExp(`^\\d{${n}}$`), `${what}应为 ${n} 位数字`);

export const classificationSchema = z.object({
  type: z.enum(RESOURCE_TYPES, { error: '资源类型应为：基础信息资源、主题信息资源或部门信息资源' }),
  /** 类: one digit. */
  category: digits('类代码', 1),
  /** 项: two digits. */
  item: digits('项代码', 2).optional(),
  /** 目: three digits. */
  subItem: digits('目代码', 3).optional(),
  /** 细目: digits of variable length. */
  detail: z.string().trim().regex(/^\d{1,6}$/, '细目代码应为 1 至 6 位数字').optional(),
}).refine((c) => (c.subItem === undefined || c.item !== undefined) && (c.detail === undefined || c.subItem !== undefined), {
  message: '分类须逐级填写：有“目”须先有“项”，有“细目”须先有“目”', path: ['subItem'],
});
export type Classification = z.infer<typeof classificationSchema>;

/** 分类代码: 类 + 项 + 目 + 细目. */
export function classificationCode(c: Pick<Classification, 'category' | 'item' | 'subItem' | 'detail'>): string {
  return `${c.category}${c.item ?? ''}${c.subItem ?? ''}${c.detail ?? ''}`;
}

/** 信息资源代码 = 前段码 (classification code) + "/" + 后段码 (sequence code, digits). */
export const RESOURCE_CODE_PATTERN = /^(\d{1,12})\/(\d{1,10})$/;

export const informationItemSchema = z.object({
  name: required('信息项名称').max(200, '信息项名称不能超过 200 个字符'),
  dataType: z.enum(ITEM_DATA_TYPES, { error: `数据类型应为以下代码之一：${ITEM_DATA_TYPES.map((t) => `${t}（${ITEM_DATA_TYPE_LABELS[t]}）`).join('、')}` }),
  length: z.number({ error: '数据长度应为正整数' }).int('数据长度应为正整数').positive('数据长度应为正整数').optional(),
  /** The column it comes from, when filled from the table's structure. */
  column: z.string().optional(),
  description: z.string().max(500, '信息项说明不能超过 500 个字符').optional(),
});
export type InformationItem = z.infer<typeof informationItemSchema>;

export const catalogEntrySchema = z.object({
  /** 信息资源代码: the entry's identity in files and on the platform. */
  code: required('信息资源代码'),
  name: required('信息资源名称').max(200, '信息资源名称不能超过 200 个字符'),
  /** The bridge whose exchange table this resource is. */
  bridge: required('对应的桥接任务'),
  classification: classificationSchema,
  provider: required('信息资源提供方'),
  providerCode: required('提供方代码'),
  abstract: required('信息资源摘要').max(2000, '信息资源摘要不能超过 2000 个字符'),
  format: z.enum(RESOURCE_FORMATS, { error: `资源格式应为：${Object.values(RESOURCE_FORMAT_LABELS).join('、')}` }),
  items: z.array(informationItemSchema).min(1, '至少需要一个信息项'),
  share: z.object({
    type: z.enum(SHARE_TYPES, { error: '共享类型应为：无条件共享、有条件共享或不予共享' }),
    conditions: z.string().trim().max(1000).optional(),
    method: z.enum(SHARE_METHODS, { error: '共享方式应为：数据库、接口或文件' }).optional(),
    /** Required when not shared (不予共享). */
    legalBasis: z.string().trim().max(1000).optional(),
  }),
  open: z.object({
    toPublic: z.boolean({ error: '是否向社会开放应为“是”或“否”' }),
    conditions: z.string().trim().max(1000).optional(),
  }),
  updateCycle: z.enum(UPDATE_CYCLES, { error: `更新周期应为：${Object.values(UPDATE_CYCLE_LABELS).join('、')}` }),
  publishDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '发布日期应为 YYYY-MM-DD 格式').refine(isRealDate, '发布日期不是有效日期').optional(),
  relatedCodes: z.array(z.string().trim().regex(RESOURCE_CODE_PATTERN, '关联资源代码应为“分类代码/顺序码”')).default([]),
  /** 扩展元数据. */
  extensions: z.record(z.string(), z.string()).default({}),
}).superRefine((parsed, ctx) => {
  // Runs even when some fields are invalid (`when` below), so every problem is reported at once: read defensively.
  const e = parsed as unknown as LooseEntry;
  const expected = e.classification && typeof e.classification === 'object' ? classificationCode(e.classification) : undefined;
  if (typeof e.code === 'string' && e.code.trim() !== '') {
    const match = RESOURCE_CODE_PATTERN.exec(e.code);
    if (!match) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: `信息资源代码“${e.code}”格式不正确，应为“分类代码/顺序码”，如“${expected ?? '101001'}/000001”` });
    } else if (expected !== undefined && /^\d+$/.test(expected) && match[1] !== expected) {
      ctx.addIssue({ code: 'custom', path: ['code'], message: `信息资源代码“${e.code}”与分类代码“${expected}”不符，应以“${expected}/”开头` });
    }
  }
  const share = e.share ?? {};
  if (share.type === 'none' && !share.legalBasis) {
    ctx.addIssue({ code: 'custom', path: ['share', 'legalBasis'], message: '不予共享的信息资源须填写法律法规或政策依据' });
  }
  if (share.type === 'conditional' && !share.conditions) {
    ctx.addIssue({ code: 'custom', path: ['share', 'conditions'], message: '有条件共享的信息资源须填写共享条件' });
  }
  if ((share.type === 'conditional' || share.type === 'unconditional') && !share.method) {
    ctx.addIssue({ code: 'custom', path: ['share', 'method'], message: '共享的信息资源须填写共享方式' });
  }
  if (e.format === 'database' && share.method === 'file') {
    ctx.addIssue({ code: 'custom', path: ['share', 'method'], message: '数据库类信息资源的共享方式应为“数据库”或“接口”' });
  } else if (typeof e.format === 'string' && e.format !== 'database' && share.method === 'database') {
    ctx.addIssue({ code: 'custom', path: ['share', 'method'], message: '文件类信息资源的共享方式应为“文件”或“接口”' });
  }
  if (Array.isArray(e.relatedCodes) && e.relatedCodes.includes(e.code)) {
    ctx.addIssue({ code: 'custom', path: ['relatedCodes'], message: '关联资源代码不能是本资源自己的代码' });
  }
  const names = new Set<string>();
  (Array.isArray(e.items) ? e.items : []).forEach((item, i) => {
    const name = item?.name;
    if (typeof name !== 'string') return;
    if (names.has(name)) ctx.addIssue({ code: 'custom', path: ['items', i, 'name'], message: `信息项“${name}”重复` });
    names.add(name);
  });
}, { when: () => true });

interface LooseEntry {
  code?: unknown;
  classification?: { category: string; item?: string; subItem?: string; detail?: string };
  format?: unknown;
  share?: { type?: unknown; conditions?: unknown; method?: unknown; legalBasis?: unknown };
  relatedCodes?: unknown[];
  items?: ({ name?: unknown } | null)[];
}
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;
export type CatalogEntryInput = z.input<typeof catalogEntrySchema>;

function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A catalog entry as the engine returns it: with the review flag schema drift raises. */
export const catalogViewSchema = z.object({
  entry: catalogEntrySchema,
  /** The source table's structure changed since the information items were last checked. */
  needsReview: z.boolean(),
  driftChanges: z.array(z.string()),
  updatedAt: z.string(),
});
export type CatalogView = z.infer<typeof catalogViewSchema>;

/** One problem found in an imported file, named by where it is (`资源!C4`, `entries[2].code`). */
export const importProblemSchema = z.object({ where: z.string(), message: z.string() });
export type ImportProblem = z.infer<typeof importProblemSchema>;

/** Milliseconds an update cycle allows data to age before freshness alerts; null when it has no limit. */
export function cycleLimitMs(cycle: UpdateCycle): number | null {
  const day = 86_400_000;
  switch (cycle) {
    case 'realtime': return 3_600_000;
    case 'daily': return day;
    case 'weekly': return 7 * day;
    case 'monthly': return 31 * day;
    case 'quarterly': return 92 * day;
    case 'yearly': return 366 * day;
    case 'irregular': return null;
  }
}

/** Zod issues as problems a technician can locate. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], prefix: string): ImportProblem[] {
  return issues.map((i) => ({ where: formatPath(prefix, i.path), message: i.message }));
}

export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(根)';
}
