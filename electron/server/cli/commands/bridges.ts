import type { EventPayload, Output } from '../../../../shared/index.js';
import { bridgeConfigSchema, sourceLabel } from '../../../../shared/index.js';
import type { RegisterCommands } from '../context.js';
import { readJsonFile } from '../files.js';
import { printBridges, printReconciliation, printRun, reconcileProgressLine, runProgressLine } from '../print.js';

/** `exnode bridge ...`: define, run, reconcile and cancel bridges. */
export const registerBridges: RegisterCommands = (program, cli) => {
  const bridge = program.command('bridge').description('bridges (桥接任务)');
  bridge
    .command('add')
    .description('add a bridge from a JSON file')
    .requiredOption('--file <file>', 'bridge file (JSON)')
    .option('--replace', 'replace a bridge of the same name')
    .action(async (cmd: { file: string; replace?: boolean }) => cli.session(async (api) => {
      const config = readJsonFile(cmd.file, bridgeConfigSchema, 'common.bridgeFile');
      const view = await api.call('bridges/save', { config, replace: Boolean(cmd.replace) });
      cli.emit(view, () => process.stdout.write(`${cli.t('cli.savedBridge', { name: view.name, source: sourceLabel(view.config, cli.lang()), target: `${view.targetConnection}.${view.targetTable}` })}\n`));
    }));
  bridge.command('list').description('list bridges with their last run').action(async () => cli.session(async (api) => {
    const list = await api.call('bridges/list', {});
    cli.emit(list, () => printBridges(list));
  }));
  bridge
    .command('run <name>')
    .description('run a bridge now and wait for it')
    .option('--full-once', 'incremental bridges: read every row once and apply deletes, then continue incrementally')
    .action(async (name: string, cmd: { fullOnce?: boolean }) => cli.session(async (api) => {
      const done = cli.liveProgress(api, (e) => (e.type === 'run.updated' ? runProgressLine(e.payload as Output<'runs/get'>) : null));
      const run = await api.call('bridges/run', { name, wait: true, fullOnce: Boolean(cmd.fullOnce) }).finally(done);
      cli.emit(run, () => printRun(run));
      if (run.status !== 'succeeded') cli.setExitCode(1);
    }));
  bridge
    .command('reconcile <name>')
    .description('compare every source row with the receiving table, value by value (数据核对); exits 1 when they differ')
    .option('--samples <n>', 'keys to list of each kind of difference', '20')
    .action(async (name: string, cmd: { samples: string }) => cli.session(async (api) => {
      const done = cli.liveProgress(api, (e) => {
        if (e.type !== 'reconcile.progress') return null;
        const p = e.payload as EventPayload<'reconcile.progress'>;
        return reconcileProgressLine(name, p.rows, p.total);
      });
      const result = await api.call('bridges/reconcile', { name, samples: Number(cmd.samples) }).finally(done);
      cli.emit(result, () => printReconciliation(result));
      if (result.deviation !== 0) cli.setExitCode(1);
    }));
  bridge.command('cancel <runId>').description('cancel a run, whichever ExNode process (service or command line) runs it').action(async (id: string) => cli.session(async (api) => {
    const run = await api.call('runs/cancel', { id });
    cli.emit(run, () => printRun(run));
  }));
  bridge.command('show <name>').description('print a bridge\'s definition (JSON, as `bridge add` takes it)').action(async (name: string) => cli.session(async (api) => {
    const view = await api.call('bridges/get', { name });
    process.stdout.write(`${JSON.stringify(view.config, null, 2)}\n`);
  }));
  bridge.command('remove <name>').description('remove a bridge; its exchange table and run history stay').action(async (name: string) => cli.session(async (api) => {
    const result = await api.call('bridges/delete', { name });
    cli.emit(result, () => process.stdout.write(`${cli.t('cli.removedBridge', { name })}\n`));
  }));
};
