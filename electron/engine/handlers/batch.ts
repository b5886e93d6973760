import type { batchOps } from '../../../shared/ops/batch.js';
import type { HandlersFor } from './types.js';
import { planBatch } from '../batch/plan.js';
import { addMany } from '../batch/add-many.js';

/** Bridges for many tables of one connection at once (批量创建). */
export const batchHandlers: HandlersFor<typeof batchOps> = {
  'bridges/plan-many': async (input, s) => planBatch(s, input),
  'bridges/add-many': async (input, s) => addMany(s, input),
};
