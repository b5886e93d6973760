import { connectionConfigSchema, render } from '../../../../shared/index.js';
import type { RegisterCommands } from '../context.js';
import { readJsonFile } from '../files.js';
import { printConnections, printSnapshot, printTable, printTables, printTest } from '../print.js';

/** `exnode connection ...` and `exnode exchange ...`: business databases and the exchange database. */
export const registerConnections: RegisterCommands = (program, cli) => {
  const connection = program.command('connection').description('business database connections');
  connection
    .command('add')
    .description('add a connection from a JSON file')
    .requiredOption('--file <file>', 'connection file (JSON)')
    .option('--replace', 'replace a connection of the same name')
    .action(async (cmd: { file: string; replace?: boolean }) => cli.session(async (api) => {
      const config = readJsonFile(cmd.file, connectionConfigSchema, 'common.connectionFile');
      const view = await api.call('connections/save', { config, replace: Boolean(cmd.replace) });
      cli.emit(view, () => {
        process.stdout.write(`${cli.t('cli.savedConnection', { name: view.name, summary: view.summary })}\n`);
        if (view.health === 'failed') process.stdout.write(`${cli.t('cli.savedConnectionTest')} ${view.lastErrorMessage ? render(cli.lang(), view.lastErrorMessage) : view.lastError ?? ''}\n`);
      });
    }));
  connection.command('list').description('list connections with their health').action(async () => cli.session(async (api) => {
    const list = await api.call('connections/list', {});
    cli.emit(list, () => printConnections(list));
  }));
  connection.command('test <name>').description('connect and report server, version, latency and user').action(async (name: string) => cli.session(async (api) => {
    const result = await api.call('connections/test', { name });
    cli.emit(result, () => printTest(name, result));
    if (!result.ok) cli.setExitCode(1);
  }));
  connection.command('tables <name>').description('list the tables and views of a connection').action(async (name: string) => cli.session(async (api) => {
    const list = await api.call('connections/tables', { name });
    cli.emit(list, () => printTables(list));
  }));
  connection
    .command('describe <name> <table>')
    .description('columns, types and keys of one table')
    .option('--schema <schema>', 'schema of the table')
    .action(async (name: string, table: string, cmd: { schema?: string }) => cli.session(async (api) => {
      const described = await api.call('connections/describe', { name, table, ...(cmd.schema ? { schema: cmd.schema } : {}) });
      cli.emit(described, () => printTable(described));
    }));
  connection.command('snapshot <name>').description('collect the table structures and show what changed since the last time').action(async (name: string) => cli.session(async (api) => {
    const result = await api.call('connections/snapshot', { name });
    cli.emit(result, () => printSnapshot(result));
  }));
  connection.command('remove <name>').description('remove a connection (not while a bridge uses it)').action(async (name: string) => cli.session(async (api) => {
    const result = await api.call('connections/delete', { name });
    cli.emit(result, () => process.stdout.write(`${cli.t('cli.removedConnection', { name })}\n`));
  }));

  const exchange = program.command('exchange').description('the front exchange database (前置交换库)');
  exchange
    .command('set')
    .description('use the database of a connection file as the exchange database')
    .requiredOption('--file <file>', 'connection file (JSON) of the exchange database')
    .action(async (cmd: { file: string }) => cli.session(async (api) => {
      const config = readJsonFile(cmd.file, connectionConfigSchema, 'common.connectionFile');
      const view = await api.call('exchange/set', { config });
      cli.emit(view, () => process.stdout.write(`${cli.t('cli.exchangeIs', { name: view.name, summary: view.summary })}\n`));
    }));
  exchange.command('show').description('show the exchange database').action(async () => cli.session(async (api) => {
    const view = await api.call('exchange/get', {});
    cli.emit(view, () => process.stdout.write(`${view.name}: ${view.summary}\n`));
  }));
};
