import type { scheduleOps } from '../../../shared/ops/schedules.js';
import type { HandlersFor } from './types.js';

/** Handlers of schedules, queue limits and the runs search. */
export const scheduleHandlers: HandlersFor<typeof scheduleOps> = {
  'schedules/list': async (_input, s) => s.schedules.list(),
  'schedules/get': async (input, s) => s.schedules.get(input.name),
  'schedules/set': async (input, s) => s.schedules.set(input.name, input.spec, input.missedPolicy),
  'schedules/deploy': async (input, s, actor) => s.schedules.deploy(input.name, actor),
  'schedules/stop': async (input, s) => s.schedules.stop(input.name),
  'schedules/pause': async (_input, s, actor) => s.schedules.pause(actor),
  'schedules/resume': async (_input, s, actor) => s.schedules.resume(actor),
  'schedules/preview': async (input, s) => s.schedules.preview(input.spec),
  'schedules/limits': async (_input, s) => s.schedules.store.limits(),
  'schedules/set-limit': async (input, s) => s.schedules.setLimit(input.connection, input.maxRuns),
  'runs/search': async (input, s) => s.runs.search(input),
};
