import type { BatchCandidate } from '../../../../shared/ops/batch.js';
import { ExNodeError, msg, render } from '../../../../shared/index.js';
import type { RegisterCommands } from '../context.js';

const list = (value: string | undefined): string[] => (value ?? '').split(',').map((x) => x.trim()).filter(Boolean);

/** `exnode bridge add-many`: one bridge per table of a connection, all or nothing (批量创建). */
export const registerBatch: RegisterCommands = (program, cli) => {
  const bridge = program.commands.find((c) => c.name() === 'bridge') ?? program.command('bridge');
  bridge
    .command('add-many')
    .description('create one bridge per table of a connection, all or nothing; tables without a usable key are listed with the reason')
    .requiredOption('--connection <name>', 'the business database connection')
    .option('--tables <list>', 'comma-separated table names (schema.table where there are schemas)')
    .option('--all', 'every table of the connection')
    .option('--exclude <patterns>', 'with --all: comma-separated name patterns to leave out, * for any text (tmp_*,log_*)')
    .option('--mode <mode>', 'full | diff | incremental', 'full')
    .option('--cursor <column>', 'incremental mode: the cursor column every table has (e.g. updated_at)')
    .option('--target-prefix <prefix>', 'prefix of the target table names', '')
    .option('--target-connection <name>', 'receiver connection (default: the exchange database)')
    .option('--dry-run', 'show what would be created, create nothing')
    .action(async (cmd: {
      connection: string; tables?: string; all?: boolean; exclude?: string; mode: string; cursor?: string; targetPrefix: string;
      targetConnection?: string; dryRun?: boolean;
    }) => cli.session(async (api) => {
      if ((cmd.tables === undefined) === !cmd.all) {
        throw new ExNodeError('INVALID_INPUT', msg('cli.tablesOrAll'));
      }
      const input = {
        connection: cmd.connection, mode: cmd.mode, targetPrefix: cmd.targetPrefix,
        ...(cmd.tables !== undefined ? { tables: list(cmd.tables) } : { all: true, exclude: list(cmd.exclude) }),
        ...(cmd.cursor ? { cursor: cmd.cursor } : {}),
        ...(cmd.targetConnection ? { targetConnection: cmd.targetConnection } : {}),
      };
      const reason = (c: BatchCandidate) => (c.reason ? render(cli.lang(), c.reason) : '');
      const line = (c: BatchCandidate) => `  ${c.table.padEnd(32)} → ${c.targetTable.padEnd(32)} ${c.bridgeName}  (${c.rowEstimate ?? '?'})`;
      const printSkipped = (skipped: BatchCandidate[]) => {
        if (skipped.length === 0) return;
        process.stdout.write(`${cli.t('cli.batchSkipped', { n: skipped.length })}\n`);
        for (const c of skipped) process.stdout.write(`  ${c.table.padEnd(32)} ${reason(c)}\n`);
      };
      if (cmd.dryRun) {
        const plan = await api.call('bridges/plan-many', input);
        const selected = plan.candidates.filter((c) => c.selected);
        cli.emit(plan, () => {
          const usable = selected.filter((c) => c.usable);
          process.stdout.write(`${cli.t('cli.batchPlanned', { n: usable.length })}\n${usable.map(line).join('\n')}\n`);
          printSkipped(selected.filter((c) => !c.usable));
          process.stdout.write(`${cli.t('cli.batchDryRun')}\n`);
        });
        return;
      }
      const result = await api.call('bridges/add-many', input);
      cli.emit(result, () => {
        process.stdout.write(`${cli.t('cli.batchCreated', { n: result.created.length })}\n`);
        for (const b of result.created) process.stdout.write(`  ${b.name.padEnd(40)} → ${b.targetConnection}.${b.targetTable}\n`);
        printSkipped(result.skipped);
      });
    }));
};
