import { msg } from '../../../../shared/index.js';
import type { RunContext } from '../run/context.js';
import type { Checkpoint } from '../exchange/checkpoint-state.js';
import { reasonOf } from '../../store/stored-message.js';

/** A run that changed at least this share of the rows it read leaves the planner's statistics stale. */
const LARGE_CHANGE_SHARE = 0.1;
/** Below this many changed rows statistics stay good enough whatever the share. */
const LARGE_CHANGE_MIN_ROWS = 1000;

/**
 * After a bulk load or a large change, refreshes the exchange table's planner statistics: autovacuum
 * may be off or late, and a keyed lookup planned without statistics can scan the whole table. A
 * refusal (no privilege) is logged and the run goes on: the rows are written either way.
 */
export async function refreshStatistics(ctx: RunContext, cp: Checkpoint, bulkLoad: boolean): Promise<void> {
  if (!ctx.target.analyze) return;
  const changed = cp.receiver.inserted + cp.receiver.updated + cp.receiver.deleted;
  const large = changed >= LARGE_CHANGE_MIN_ROWS && changed >= cp.sender.total * LARGE_CHANGE_SHARE;
  if (!bulkLoad && !large) return;
  try {
    await ctx.target.analyze(ctx.targetTable);
  } catch (error) {
    await ctx.log('warn', msg('bridges.statisticsFailed', { table: ctx.targetTable.name, reason: reasonOf(error) }));
  }
}
