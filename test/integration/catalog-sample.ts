import type { CatalogEntryInput } from '../../shared/catalog.js';

/** A complete catalog entry with Chinese text in every field, as a department would write it. */
export function sampleEntry(over: Partial<CatalogEntryInput> = {}): CatalogEntryInput {
  return {
    code: '101001/000001',
    name: '常住人口基本信息',
    bridge: 'residents-my',
    classification: { type: 'basic', category: '1', item: '01', subItem: '001' },
    provider: '肥城市公安局',
    providerCode: '11370983MB0000000X',
    abstract: '记录本市常住人口的姓名、出生日期等基本信息，每日更新。',
    format: 'database',
    items: [{ name: '姓名', dataType: 'C', length: 30, column: '姓名', description: '居民姓名（含“生僻字”𠀀）' }, { name: 'id', dataType: 'I', column: 'id' }],
    share: { type: 'conditional', conditions: '仅限公安、民政部门办理业务使用', method: 'interface' },
    open: { toPublic: false, conditions: '不向社会开放' },
    updateCycle: 'daily',
    publishDate: '2026-11-30',
    relatedCodes: ['101002/000003'],
    extensions: { 来源系统: '人口库' },
    ...over,
  };
}
