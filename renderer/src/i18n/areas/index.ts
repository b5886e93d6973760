import { catalogTexts } from './catalog.js';
import { desktopTexts } from './desktop.js';
import { monitorTexts } from './monitor.js';
import { scheduleTexts } from './schedule.js';
import { securityTexts } from './security.js';

/**
 * UI text of each console area, in both languages, merged into the console's translations under the
 * area's own top-level key (`t('users.title')`). Add a file per area here (e.g. users.ts exporting
 * `{ 'zh-CN': { users: {...} }, en: { users: {...} } }`) so areas never edit the same file.
 */
export interface AreaTexts {
  readonly 'zh-CN': Record<string, unknown>;
  readonly en: Record<string, unknown>;
}

export const AREAS: readonly AreaTexts[] = [
  catalogTexts,
  desktopTexts,
  monitorTexts,
  scheduleTexts,
  securityTexts,
];
