import { z } from 'zod';
import { translate } from '../../../../shared/index.js';
import { catalogEntrySchema, formatPath } from '../../../../shared/catalog.js';
import type { ConfigSection, NamedItem } from '../section.js';

/** `catalog:` the resource catalog entries, identified by their resource code. */
export const catalogSection: ConfigSection = {
  key: 'catalog',
  schema: z.array(catalogEntrySchema),
  async current(s) {
    return (await s.catalog.entries()).map((e) => ({ name: e.code, doc: e as unknown as Record<string, unknown> }));
  },
  read(value, _s, problems) {
    if (!Array.isArray(value)) {
      problems.push({ where: 'catalog', message: '应为信息资源条目的列表' });
      return [];
    }
    const items: NamedItem[] = [];
    value.forEach((raw, i) => {
      const parsed = catalogEntrySchema.safeParse(raw);
      if (parsed.success) items.push({ name: parsed.data.code, doc: parsed.data as unknown as Record<string, unknown> });
      else for (const issue of parsed.error.issues) problems.push({ where: formatPath(`catalog[${i}]`, issue.path), message: issue.message });
    });
    return items;
  },
  check(items, names, problems) {
    items.forEach((item, i) => {
      const bridge = String(item.doc.bridge);
      if (!names.bridges.has(bridge)) problems.push({ where: `catalog[${i}].bridge`, message: translate('zh-CN', 'config.missingBridge', { name: bridge }) });
    });
  },
  async upsert(item, ctx) {
    await ctx.services.catalog.write([catalogEntrySchema.parse(item.doc)]);
  },
  async remove(name, s) {
    await s.catalog.write([], [name]);
  },
};
