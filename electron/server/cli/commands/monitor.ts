import type { BridgeMonitorSettings, SourceStaleSetting } from '../../../../shared/index.js';
import { durationMinutes, ExNodeError, msg } from '../../../../shared/index.js';
import type { CliContext, RegisterCommands } from '../context.js';

interface SettingsOptions { freshness?: string | false; reconcile?: string | false; sourceStale?: string }

function minutesOf(option: string, value: string): number {
  const minutes = durationMinutes(value);
  if (minutes === null) throw new ExNodeError('INVALID_INPUT', msg('monitor.badDuration', { option, value }));
  return minutes;
}

function sourceStaleOf(value: string): SourceStaleSetting {
  const v = value.trim().toLowerCase();
  return v === 'auto' || v === 'off' ? v : minutesOf('--source-stale', value);
}

function printSettings(cli: CliContext, s: BridgeMonitorSettings): void {
  const minutes = (n: number) => cli.t('monitor.minutes', { minutes: n });
  const stale = s.sourceStale === 'auto' ? cli.t('monitor.sourceStaleAuto')
    : s.sourceStale === 'off' ? cli.t('monitor.sourceStaleOff') : cli.t('monitor.sourceStaleLimit', { minutes: s.sourceStale });
  const lines = [
    cli.t('monitor.settingsHead', { bridge: s.bridge }),
    cli.t('monitor.settingsFreshness', { value: s.freshnessMinutes === null ? cli.t('monitor.freshnessFromCatalog') : minutes(s.freshnessMinutes) }),
    cli.t('monitor.settingsReconcile', { value: s.reconcileCron ?? cli.t('monitor.none') }),
    cli.t('monitor.settingsSourceStale', { value: stale }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `exnode monitor settings BRIDGE [...]`: a bridge's watch settings, shown or changed. */
export const registerMonitor: RegisterCommands = (program, cli) => {
  const monitor = program.command('monitor').description('monitoring: per-bridge watch settings');
  monitor.command('settings <bridge>')
    .description('show or change a bridge\'s freshness limit, data reconciliation schedule and "source stopped changing" alert')
    .option('--freshness <duration>', 'alert when the last success is older than this: 90m, 2h, 1d')
    .option('--no-freshness', 'no limit of its own (the catalog entry\'s update cycle applies)')
    .option('--reconcile <cron>', 'data reconciliation schedule, e.g. "0 0 2 * * *" (02:00 each night)')
    .option('--no-reconcile', 'no scheduled data reconciliation')
    .option('--source-stale <setting>', '"source stopped changing" alert: auto, off, or a limit such as 6h')
    .action(async (bridge: string, cmd: SettingsOptions) => cli.session(async (api) => {
      const patch: Record<string, unknown> = {};
      if (typeof cmd.freshness === 'string') patch.freshnessMinutes = minutesOf('--freshness', cmd.freshness);
      else if (cmd.freshness === false) patch.freshnessMinutes = null;
      if (typeof cmd.reconcile === 'string') patch.reconcileCron = cmd.reconcile;
      else if (cmd.reconcile === false) patch.reconcileCron = null;
      if (cmd.sourceStale !== undefined) patch.sourceStale = sourceStaleOf(cmd.sourceStale);
      const changing = Object.keys(patch).length > 0;
      const settings = changing
        ? await api.call('monitor/bridge-settings/set', { bridge, ...patch })
        : await api.call('monitor/bridge-settings', { bridge });
      cli.emit(settings, () => {
        if (!changing) process.stdout.write(`${cli.t('monitor.settingsNoChange')}\n`);
        printSettings(cli, settings);
      });
    }));
};
