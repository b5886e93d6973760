import type { RegisterCommands } from '../context.js';
import { printLog, printRejected, printRun, printSkipped } from '../print.js';

/** `exnode run ...`: runs, their logs and rejected rows. */
export const registerRuns: RegisterCommands = (program, cli) => {
  const run = program.command('run').description('bridge runs');
  run.command('show <id>').description('a run\'s status and counts').action(async (id: string) => cli.session(async (api) => {
    const record = await api.call('runs/get', { id });
    cli.emit(record, () => printRun(record));
  }));
  run
    .command('list')
    .description('runs, newest first, by bridge, status, trigger and time')
    .option('--bridge <name>')
    .option('--status <status>', 'queued, running, succeeded, failed, cancelled or skipped')
    .option('--trigger <trigger>', 'manual, schedule, cli or resume')
    .option('--from <time>', 'started at or after (ISO time, e.g. 2026-12-01T00:00:00+08:00)')
    .option('--to <time>', 'started before (ISO time)')
    .option('--limit <n>', 'how many', '20')
    .option('--offset <n>', 'skip this many (paging)', '0')
    .action(async (cmd: { bridge?: string; status?: string; trigger?: string; from?: string; to?: string; limit: string; offset: string }) => cli.session(async (api) => {
      const page = await api.call('runs/search', {
        limit: Number(cmd.limit), offset: Number(cmd.offset),
        ...(cmd.bridge ? { bridge: cmd.bridge } : {}), ...(cmd.status ? { status: cmd.status } : {}), ...(cmd.trigger ? { trigger: cmd.trigger } : {}),
        ...(cmd.from ? { from: cmd.from } : {}), ...(cmd.to ? { to: cmd.to } : {}),
      });
      const list = page.items.map((r) => ({ ...r, bridge: r.bridgeName, skippedReason: r.skippedReason ?? null }));
      cli.emit(list, () => list.forEach((r) => (r.status === 'skipped' ? printSkipped(r) : printRun(r))));
    }));
  run.command('log <id>').description('a run\'s log').action(async (id: string) => cli.session(async (api) => {
    const entries = await api.call('runs/log', { id });
    cli.emit(entries, () => printLog(entries));
  }));
  run.command('rejected <id>').description('rows the receiver rejected in a run, with key and reason').action(async (id: string) => cli.session(async (api) => {
    const rows = await api.call('runs/rejected', { id });
    cli.emit(rows, () => printRejected(rows));
  }));
};
