import type { ScheduleView } from '../../../shared/schedule.js';
import { nextFires } from '../../../shared/schedule.js';

/**
 * How often a bridge is expected to succeed, for the stall watchdog: the gap between its schedule's
 * next two fires while deployed; null for a bridge that runs by hand or after another one.
 */
export function expectedIntervalOf(view: ScheduleView | null, nowMs = Date.now()): number | null {
  if (!view?.deployed || !view.spec || view.spec.kind === 'after') return null;
  const [first, second] = nextFires(view.spec, nowMs, 2);
  return first !== undefined && second !== undefined ? second - first : null;
}
