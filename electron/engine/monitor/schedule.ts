import { Cron } from 'croner';
import { ExNodeError, msg } from '../../../shared/index.js';

/** Checks that need no schedule of their own: health, freshness, stalls, disk, every five minutes. */
export const CHECK_EVERY = '0 */5 * * * *';

/** Throws a clear error when `expr` is not a cron expression croner accepts. */
export function validateCron(expr: string): void {
  try {
    new Cron(expr, { paused: true }).stop();
  } catch (error) {
    throw new ExNodeError('INVALID_INPUT', msg('monitor.badCron', { cron: expr, detail: (error as Error).message }));
  }
}

/** Named cron jobs that can be replaced as settings change; each job never overlaps itself. */
export class CronJobs {
  private readonly jobs = new Map<string, { expr: string; cron: Cron }>();

  set(name: string, expr: string, work: () => Promise<unknown>): void {
    const existing = this.jobs.get(name);
    if (existing?.expr === expr) return;
    existing?.cron.stop();
    this.jobs.set(name, { expr, cron: new Cron(expr, { protect: true }, async () => { await work(); }) });
  }

  /** Stops every job whose name starts with `prefix` and is not in `keep`. */
  prune(prefix: string, keep: ReadonlySet<string>): void {
    for (const [name, job] of this.jobs) {
      if (name.startsWith(prefix) && !keep.has(name)) {
        job.cron.stop();
        this.jobs.delete(name);
      }
    }
  }

  stopAll(): void {
    for (const job of this.jobs.values()) job.cron.stop();
    this.jobs.clear();
  }
}
