import type { monitorOps } from '../../../shared/ops/monitor.js';
import type { HandlersFor } from './types.js';
import { validateCron } from '../monitor/schedule.js';

export const monitorHandlers: HandlersFor<typeof monitorOps> = {
  'monitor/bridge-settings': async (input, s) => s.monitor.checks.settingsOf(input.bridge),
  'monitor/bridge-settings/set': async (input, s) => {
    if (input.reconcileCron) validateCron(input.reconcileCron);
    const { bridge, ...patch } = input;
    const settings = await s.monitor.checks.setSettings(bridge, patch);
    await s.monitor.refreshSchedules();
    return settings;
  },
  'monitor/check': async (_input, s) => {
    let report: Awaited<ReturnType<typeof s.monitor.checks.all>> | undefined;
    await s.monitor.enqueue(async () => {
      report = await s.monitor.checks.all();
    });
    if (!report) throw s.monitor.error ?? new Error('the checks did not run');
    return report;
  },
  'monitor/health': async (_input, s) => s.monitor.checks.health(),
  'monitor/reconcile': async (input, s) => s.monitor.checks.reconcile(input.bridge),
  'monitor/reconciliations': async (input, s) => s.monitor.checks.reconciliations(input.bridge, input.limit),
  'monitor/dashboard': async (_input, s) => {
    await s.monitor.idle();
    return s.monitor.aggregates.dashboard();
  },
  'monitor/records': async (input, s) => {
    await s.monitor.idle();
    return s.monitor.aggregates.records(input);
  },
  'monitor/aggregates': async (input, s) => {
    await s.monitor.idle();
    return s.monitor.aggregates.aggregates(input);
  },
};
