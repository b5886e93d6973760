import type { RegisterCommands } from '../context.js';
import { printLog, printRejected, printRun } from '../print.js';

/** `exnode run ...`: runs, their logs and rejected rows. */
export const registerRuns: RegisterCommands = (program, cli) => {
  const run = program.command('run').description('bridge runs');
  run.command('show <id>').description('a run\'s status and counts').action(async (id: string) => cli.session(async (api) => {
    const record = await api.call('runs/get', { id });
    cli.emit(record, () => printRun(record));
  }));
  run.command('list').description('recent runs, newest first').option('--bridge <name>').option('--limit <n>', 'how many', '20').action(async (cmd: { bridge?: string; limit: string }) => cli.session(async (api) => {
    const list = await api.call('runs/list', { limit: Number(cmd.limit), ...(cmd.bridge ? { bridge: cmd.bridge } : {}) });
    cli.emit(list, () => list.forEach((r) => printRun(r)));
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
