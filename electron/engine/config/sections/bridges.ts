import { z } from 'zod';
import { bridgeConfigSchema, translate } from '../../../../shared/index.js';
import { formatPath } from '../../../../shared/catalog.js';
import type { ConfigSection, NamedItem } from '../section.js';

/** `bridges:` every bridge's definition, as `exnode bridge add` takes it. */
export const bridgesSection: ConfigSection = {
  key: 'bridges',
  schema: z.array(bridgeConfigSchema),
  async current(s) {
    return (await s.bridges.list()).map((b) => ({ name: b.name, doc: bridgeConfigSchema.parse(b.config) as Record<string, unknown> }));
  },
  read(value, _s, problems) {
    if (!Array.isArray(value)) {
      problems.push({ where: 'bridges', message: '应为桥接任务的列表' });
      return [];
    }
    const items: NamedItem[] = [];
    value.forEach((raw, i) => {
      const parsed = bridgeConfigSchema.safeParse(raw);
      if (parsed.success) items.push({ name: parsed.data.name, doc: parsed.data as Record<string, unknown> });
      else for (const issue of parsed.error.issues) problems.push({ where: formatPath(`bridges[${i}]`, issue.path), message: issue.message });
    });
    return items;
  },
  check(items, names, problems) {
    items.forEach((item, i) => {
      const config = bridgeConfigSchema.parse(item.doc);
      for (const [field, name] of [['source.connection', config.source.connection], ['target.connection', config.target.connection]] as const) {
        if (name !== undefined && !names.connections.has(name)) {
          problems.push({ where: `bridges[${i}].${field}`, message: translate('zh-CN', 'config.missingConnection', { name }) });
        }
      }
    });
  },
  async upsert(item, ctx) {
    await ctx.services.bridges.save(bridgeConfigSchema.parse(item.doc), true);
    ctx.services.events.emit('bridges.changed', { name: item.name });
  },
  async remove(name, s) {
    await s.bridges.delete(name);
    s.events.emit('bridges.changed', { name });
  },
};
