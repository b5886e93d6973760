import type { RegisterCommands } from '../context.js';
import { printAlerts } from '../print-alerts.js';

/** `exnode alerts ...`: the alert centre from a terminal. */
export const registerAlerts: RegisterCommands = (program, cli) => {
  const alerts = program.command('alerts').description('alerts: deviations, failed runs, health checks, drift, stalls');
  alerts.command('list').description('alerts, most recently seen first')
    .option('--open', 'only alerts whose condition still holds (open or acknowledged)')
    .option('--bridge <name>', 'only alerts about this bridge')
    .option('--limit <n>', 'how many', '100')
    .action(async (cmd: { open?: boolean; bridge?: string; limit: string }) => cli.session(async (api) => {
      const page = await api.call('alerts/list', { open: Boolean(cmd.open), limit: Number(cmd.limit), ...(cmd.bridge ? { bridge: cmd.bridge } : {}) });
      cli.emit(page.items, () => printAlerts(page.items, page.total, cli.lang()));
    }));
  alerts.command('ack <id>').description('acknowledge an alert: who and when are recorded with the comment')
    .requiredOption('--comment <text>', 'what is being done about it')
    .action(async (id: string, cmd: { comment: string }) => cli.session(async (api) => {
      const alert = await api.call('alerts/ack', { id: Number(id), comment: cmd.comment });
      cli.emit(alert, () => printAlerts([alert], 1, cli.lang()));
    }));
};
