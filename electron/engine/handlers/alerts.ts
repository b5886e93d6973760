import type { alertOps } from '../../../shared/ops/alerts.js';
import type { HandlersFor } from './types.js';

export const alertHandlers: HandlersFor<typeof alertOps> = {
  'alerts/list': async (input, s) => {
    await s.monitor.idle();
    return s.monitor.alerts.list(input);
  },
  'alerts/counts': async (_input, s) => {
    await s.monitor.idle();
    return s.monitor.alerts.counts();
  },
  'alerts/ack': async (input, s, actor) => s.monitor.alerts.acknowledge(input.id, actor.name, input.comment),
};
