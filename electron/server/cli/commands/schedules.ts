import type { Command } from 'commander';
import type { ScheduleSpecInput, ScheduleView, SchedulerStatus } from '../../../../shared/index.js';
import { DEFAULT_TIME_ZONE, ExNodeError, formatFire, msg } from '../../../../shared/index.js';
import { formatLocalTime } from '../../../../shared/time.js';
import { word } from '../print.js';
import type { CliContext, RegisterCommands } from '../context.js';

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

function printSchedule(cli: CliContext, v: ScheduleView): void {
  const lang = cli.lang();
  const zone = v.spec?.kind === 'cron' ? v.spec.timezone : DEFAULT_TIME_ZONE;
  const state = v.deployed ? cli.t('schedule.cliDeployed', { by: v.deployedBy ?? '-' }) : cli.t('schedule.cliNotDeployed');
  out(`${v.bridge}  ${v.description ? v.description[lang] : cli.t('schedule.cliNoSchedule')}  [${state}]`);
  if (v.spec) out(`  ${cli.t('schedule.cliMissed', { policy: cli.t(v.missedPolicy === 'skip' ? 'schedule.cliMissedSkip' : 'schedule.cliMissedRunOnce') })}`);
  for (const at of v.nextFires) out(`  ${cli.t('schedule.cliNext', { at: formatFire(Date.parse(at), zone), zone })}`);
  if (v.lastRun) out(`  ${cli.t('schedule.cliLastRun', { id: v.lastRun.id, status: word(v.lastRun.status), at: formatLocalTime(v.lastRun.startedAt) })}`);
}

function printStatus(cli: CliContext, s: SchedulerStatus): void {
  out(s.paused ? cli.t('schedule.cliPaused', { by: s.pausedBy ?? '-', at: formatLocalTime(s.pausedAt) }) : cli.t('schedule.cliRunning'));
}

function findBridgeCommand(program: Command): Command {
  return program.commands.find((c) => c.name() === 'bridge') ?? program.command('bridge').description('bridges (桥接任务)');
}

/** `exnode bridge schedule|unschedule|deploy|stop` and `exnode schedules list|pause|resume|limit`. */
export const registerSchedules: RegisterCommands = (program, cli) => {
  const bridge = findBridgeCommand(program);
  bridge
    .command('schedule <name>')
    .description('set when a bridge runs: --cron, --every or --after (deploy it to make it live)')
    .option('--cron <expr>', 'cron expression, seconds optional first field (e.g. "0 30 2 * * *")')
    .option('--tz <zone>', 'time zone of --cron (default Asia/Shanghai)')
    .option('--every <interval>', 'fixed interval: 30s, 5m, 1h')
    .option('--after <bridge>', 'run each time this other bridge succeeds')
    .option('--missed <policy>', 'fires missed while the node was off: run-once (default) or skip')
    .action(async (name: string, cmd: { cron?: string; tz?: string; every?: string; after?: string; missed?: string }) => cli.session(async (api) => {
      const given = [cmd.cron, cmd.every, cmd.after].filter((v) => v !== undefined).length;
      if (given !== 1) throw new ExNodeError('INVALID_INPUT', msg('schedule.cliOneTiming'));
      const spec: ScheduleSpecInput = cmd.cron !== undefined ? { kind: 'cron', cron: cmd.cron, ...(cmd.tz ? { timezone: cmd.tz } : {}) }
        : cmd.every !== undefined ? { kind: 'interval', every: cmd.every } : { kind: 'after', after: cmd.after! };
      const view = await api.call('schedules/set', { name, spec, ...(cmd.missed ? { missedPolicy: cmd.missed } : {}) });
      cli.emit(view, () => {
        printSchedule(cli, view);
        if (!view.deployed) out(`  ${cli.t('schedule.cliDeployHint', { name })}`);
      });
    }));
  bridge.command('unschedule <name>').description('remove a bridge\'s schedule (it runs only when started)').action(async (name: string) => cli.session(async (api) => {
    const view = await api.call('schedules/set', { name, spec: null });
    cli.emit(view, () => printSchedule(cli, view));
  }));
  bridge.command('deploy <name>').description('deploy a bridge: its schedule goes live, running as you').action(async (name: string) => cli.session(async (api) => {
    const view = await api.call('schedules/deploy', { name });
    cli.emit(view, () => printSchedule(cli, view));
  }));
  bridge.command('stop <name>').description('stop a bridge: no more fires; a run under way ends after its current batch').action(async (name: string) => cli.session(async (api) => {
    const view = await api.call('schedules/stop', { name });
    cli.emit(view, () => printSchedule(cli, view));
  }));

  const schedules = program.command('schedules').description('all schedules: list, pause and resume (maintenance window)');
  schedules.command('list').description('every bridge with its schedule, next fires and last run').action(async () => cli.session(async (api) => {
    const list = await api.call('schedules/list', {});
    cli.emit(list, () => {
      printStatus(cli, list.status);
      for (const v of list.schedules) printSchedule(cli, v);
    });
  }));
  schedules.command('pause').description('pause every schedule; their fires are not caught up later').action(async () => cli.session(async (api) => {
    const status = await api.call('schedules/pause', {});
    cli.emit(status, () => printStatus(cli, status));
  }));
  schedules.command('resume').description('resume every schedule').action(async () => cli.session(async (api) => {
    const status = await api.call('schedules/resume', {});
    cli.emit(status, () => printStatus(cli, status));
  }));
  schedules
    .command('limit <connection> <maxRuns>')
    .description('at most this many runs at once on a connection ("none" removes the limit)')
    .action(async (connection: string, maxRuns: string) => cli.session(async (api) => {
      const limits = await api.call('schedules/set-limit', { connection, maxRuns: maxRuns === 'none' ? null : Number(maxRuns) });
      cli.emit(limits, () => limits.forEach((l) => out(`${l.connection}  ${l.maxRuns}`)));
    }));
};
