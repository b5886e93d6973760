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
  'alerts/channels': async (_input, s) => s.monitor.channels.list(),
  'alerts/channels/save': async (input, s) => s.monitor.channels.save(input),
  'alerts/channels/delete': async (input, s) => {
    await s.monitor.channels.remove(input.name);
    return { ok: true as const };
  },
  'alerts/channels/test': async (input, s) => s.monitor.channels.test(input.name),
};
