import { z } from 'zod';
import { resourceNameSchema, translate } from '../../../../shared/index.js';
import { missedPolicySchema, scheduleSpecSchema, type ScheduleSpec } from '../../../../shared/schedule.js';
import { stableJson } from '../../catalog/transfer.js';
import type { ConfigSection } from '../section.js';
import { readList } from './read-list.js';

export const scheduleDocSchema = z.object({
  /** The bridge the schedule fires (its name: the bridge in this file or on the node). */
  bridge: resourceNameSchema,
  spec: scheduleSpecSchema,
  missedPolicy: missedPolicySchema.default('run-once'),
  /**
   * Whether the schedule fires. An import deploys only when asked (`--deploy`); otherwise a schedule
   * deployed in the file arrives stopped, and one already deployed on the node stays deployed.
   */
  deployed: z.boolean().default(false),
}).strict();
type ScheduleDoc = z.output<typeof scheduleDocSchema>;

/** `schedules:` each bridge's timing (cron, interval or chain), missed-fire policy and deployed state. */
export const schedulesSection: ConfigSection = {
  key: 'schedules',
  schema: z.array(scheduleDocSchema),
  async current(s) {
    const { schedules } = await s.schedules.list();
    return schedules.filter((v) => v.spec !== null).map((v) => {
      const doc: ScheduleDoc = { bridge: v.bridge, spec: v.spec!, missedPolicy: v.missedPolicy, deployed: v.deployed };
      return { name: v.bridge, doc };
    });
  },
  read(value, _s, problems) {
    return readList(value, 'schedules', scheduleDocSchema, (d) => d.bridge, problems, '应为调度的列表（每项含 bridge、spec）');
  },
  check(items, names, problems) {
    items.forEach((item, i) => {
      const doc = item.doc as ScheduleDoc;
      if (!names.bridges.has(doc.bridge)) problems.push({ where: `schedules[${i}].bridge`, message: translate('zh-CN', 'config.scheduleMissingBridge', { name: doc.bridge }) });
      if (doc.spec.kind === 'after' && !names.bridges.has(doc.spec.after)) {
        problems.push({ where: `schedules[${i}].spec.after`, message: translate('zh-CN', 'config.missingBridge', { name: doc.spec.after }) });
      }
    });
  },
  effective(item, current, options, notes) {
    const doc = item.doc as ScheduleDoc;
    if (!doc.deployed || options.deploy || current?.doc.deployed === true) return item;
    notes.notDeployed.push(doc.bridge);
    return { name: item.name, doc: { ...doc, deployed: false } };
  },
  async upsert(item, ctx, current) {
    const doc = item.doc as ScheduleDoc;
    const before = current?.doc as ScheduleDoc | undefined;
    const schedules = ctx.services.schedules;
    // Setting the timing counts its fires from now: only when the timing itself changes.
    if (!before || stableJson(before.spec) !== stableJson(doc.spec) || before.missedPolicy !== doc.missedPolicy) {
      await schedules.set(doc.bridge, doc.spec as ScheduleSpec, doc.missedPolicy);
    }
    if (doc.deployed && !before?.deployed) await schedules.deploy(doc.bridge, ctx.actor);
    if (!doc.deployed && before?.deployed) await schedules.stop(doc.bridge);
  },
  async remove(name, s) {
    await s.schedules.set(name, null, undefined);
  },
  async reload(s) {
    await s.schedules.scheduler.reload();
  },
};
