import { z } from 'zod';
import { isExNodeError, resourceNameSchema, translate } from '../../../../shared/index.js';
import { bridgeMonitorSettingsSchema } from '../../../../shared/monitor.js';
import { validateCron } from '../../monitor/schedule.js';
import type { ConfigSection, NamedItem } from '../section.js';
import { readList } from './read-list.js';

/** The monitor's per-bridge settings, whatever they are (freshness limit, reconciliation schedule...): all but the bridge. */
const settingsShape = bridgeMonitorSettingsSchema.omit({ bridge: true });
const SETTING_KEYS = Object.keys(settingsShape.shape);
const monitoringDocSchema = settingsShape.partial().extend({ bridge: resourceNameSchema }).strict();
type SettingsPatch = Parameters<import('../../monitor/checks.js').Checks['setSettings']>[1];

/** Settings whose unset state is a value rather than null (the monitor learns a source's rhythm unless told otherwise). */
const DEFAULTS: Readonly<Record<string, unknown>> = { sourceStale: 'auto' };
const unset = (key: string): unknown => DEFAULTS[key] ?? null;

/** A bridge's settings without the unset or default ones, so equal settings compare equal and the file shows only what was set. */
function normalized(settings: Record<string, unknown>): Record<string, unknown> {
  const set = SETTING_KEYS.filter((k) => settings[k] !== undefined && settings[k] !== null && settings[k] !== unset(k));
  return { bridge: settings.bridge, ...Object.fromEntries(set.map((k) => [k, settings[k]])) };
}

/** The settings to store for a document's item: what it leaves null goes back to the default. */
function storedPatch(doc: Record<string, unknown>): SettingsPatch {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, doc[k] ?? unset(k)])) as SettingsPatch;
}

/** `monitoring:` per-bridge monitoring settings (freshness limit, data reconciliation schedule), through the monitor's own functions. */
export const monitoringSection: ConfigSection = {
  key: 'monitoring',
  schema: z.array(monitoringDocSchema),
  async current(s) {
    const out: NamedItem[] = [];
    for (const b of await s.bridges.list()) {
      const settings = normalized({ ...(await s.monitor.checks.settingsOf(b.name)) });
      if (Object.keys(settings).length > 1) out.push({ name: b.name, doc: settings });
    }
    return out;
  },
  read(value, _s, problems) {
    const items = readList(value, 'monitoring', monitoringDocSchema, (d) => d.bridge, problems, '应为桥接监控设置的列表（每项含 bridge）');
    return items.map((item) => {
      const doc = normalized(item.doc);
      if (typeof doc.reconcileCron === 'string') {
        try {
          validateCron(doc.reconcileCron);
        } catch (e) {
          const index = (value as unknown[]).findIndex((raw) => (raw as { bridge?: unknown } | null)?.bridge === item.name);
          problems.push({ where: `monitoring[${index}].reconcileCron`, message: isExNodeError(e) ? e.localized('zh-CN') : String(e) });
        }
      }
      return { name: item.name, doc };
    });
  },
  check(items, names, problems) {
    items.forEach((item, i) => {
      if (!names.bridges.has(item.name)) problems.push({ where: `monitoring[${i}].bridge`, message: translate('zh-CN', 'config.missingBridge', { name: item.name }) });
    });
  },
  async upsert(item, ctx) {
    await ctx.services.monitor.checks.setSettings(item.name, storedPatch(item.doc));
    await ctx.services.monitor.refreshSchedules();
  },
  async remove(name, s) {
    await s.monitor.checks.setSettings(name, storedPatch({}));
    await s.monitor.refreshSchedules();
  },
  async reload(s) {
    await s.monitor.refreshSchedules();
  },
};
