import { z } from 'zod';
import { translate } from '../../../../shared/index.js';
import { connectionLimitSchema } from '../../../../shared/ops/schedules.js';
import type { ConfigSection } from '../section.js';
import { readList } from './read-list.js';

const runLimitDocSchema = connectionLimitSchema.strict();
type RunLimitDoc = z.output<typeof runLimitDocSchema>;

/** `runLimits:` how many runs may use a connection at once (the run queue's per-connection limits). */
export const runLimitsSection: ConfigSection = {
  key: 'runLimits',
  schema: z.array(runLimitDocSchema),
  async current(s) {
    return (await s.schedules.store.limits()).map((l) => ({ name: l.connection, doc: { connection: l.connection, maxRuns: l.maxRuns } }));
  },
  read(value, _s, problems) {
    return readList(value, 'runLimits', runLimitDocSchema, (d) => d.connection, problems, '应为连接并发上限的列表（每项含 connection、maxRuns）');
  },
  check(items, names, problems) {
    items.forEach((item, i) => {
      const { connection } = item.doc as RunLimitDoc;
      if (!names.connections.has(connection)) problems.push({ where: `runLimits[${i}].connection`, message: translate('zh-CN', 'config.missingConnection', { name: connection }) });
    });
  },
  async upsert(item, ctx) {
    const doc = item.doc as RunLimitDoc;
    await ctx.services.schedules.setLimit(doc.connection, doc.maxRuns);
  },
  async remove(name, s) {
    await s.schedules.setLimit(name, null);
  },
  async reload(s) {
    // The queue keeps limits in memory: clear every one, then take the restored table's.
    for (const c of await s.connections.list()) s.runner.setConnectionLimit(c.name, null);
    await s.schedules.applyLimits();
  },
};
