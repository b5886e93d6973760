import type { RegisterCommands } from '../context.js';

/** `exnode demo`: the demo business database and its bridge. */
export const registerDemo: RegisterCommands = (program, cli) => {
  program
    .command('demo')
    .description('create the demo business database (birth certificates) and its bridge')
    .option('--rows <n>', 'number of demo records', '100000')
    .action(async (cmd: { rows: string }) => cli.session(async (api) => {
      const result = await api.call('demo/load', { rows: Number(cmd.rows) });
      cli.emit(result, () => process.stdout.write(`${cli.t('cli.demo', { ...result })}\n`));
    }));
};
