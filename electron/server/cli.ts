import fs from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import type { z } from 'zod';
import type { EngineEvent, EventPayload, OperationName, Output } from '../../shared/index.js';
import { bridgeConfigSchema, connectionConfigSchema, ExNodeError, isExNodeError, parseOrThrow, sourceLabel } from '../../shared/index.js';
import { Engine, VERSION } from '../engine/engine.js';
import { LOCAL_OPERATOR } from '../engine/actor.js';
import { resolveDataDir } from '../engine/paths.js';
import { DEFAULT_PORT, serve } from './serve.js';
import {
  printBridges, printConnections, printLog, printReconciliation, printRejected, printRun, printSnapshot, printTable, printTables, printTest,
  reconcileProgressLine, runProgressLine,
} from './cli-print.js';

interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

/** Runs one CLI invocation; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('exnode')
    .description('ExNode 前置交换节点: front-end exchange node for government data sharing')
    .version(VERSION)
    .option('--data-dir <dir>', 'node data directory (default: $EXNODE_DATA_DIR or the OS app-data folder)')
    .option('--json', 'print machine-readable JSON')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  let exitCode = 0;
  const withEngine = <T>(work: (engine: Engine, opts: GlobalOptions) => Promise<T>) => async () => {
    const opts = program.opts<GlobalOptions>();
    const engine = await Engine.open({ dataDir: resolveDataDir(opts.dataDir) });
    const stop = () => engine.runner.shutdown();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      await work(engine, opts);
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await engine.close();
    }
  };
  const call = <K extends OperationName>(engine: Engine, op: K, input: unknown): Promise<Output<K>> => engine.call(op, input, LOCAL_OPERATOR);
  /** A live progress line on an interactive terminal (never in --json output or a pipe); returns its end. */
  const liveProgress = (engine: Engine, opts: GlobalOptions, line: (event: EngineEvent) => string | null): (() => void) => {
    if (opts.json || !process.stderr.isTTY) return () => undefined;
    const off = engine.events.subscribe((event) => {
      const text = line(event);
      if (text) process.stderr.write(`\r\x1b[2K${text}`);
    });
    return () => {
      off();
      process.stderr.write('\r\x1b[2K');
    };
  };
  const emit = (opts: GlobalOptions, value: unknown, human: () => void) => {
    if (opts.json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    else human();
  };

  program
    .command('serve')
    .description('run the engine as a service with the web console')
    .addOption(new Option('--host <host>', 'address to listen on').default('127.0.0.1'))
    .addOption(new Option('--port <port>', 'port to listen on').default(String(DEFAULT_PORT)))
    .action(async (cmd: { host: string; port: string }) => {
      const opts = program.opts<GlobalOptions>();
      const port = Number(cmd.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ExNodeError('INVALID_INPUT', `--port must be a number from 0 to 65535, not "${cmd.port}"`);
      const node = await serve({
        dataDir: resolveDataDir(opts.dataDir), host: cmd.host, port,
        ...(process.env.EXNODE_SESSION_SECRET ? { sessionSecret: process.env.EXNODE_SESSION_SECRET } : {}),
      });
      emit(opts, { url: node.url, dataDir: node.engine.dataDir }, () => {
        process.stdout.write(`ExNode console: ${node.url}\nData directory: ${node.engine.dataDir}\nPress Ctrl+C to stop.\n`);
      });
      await new Promise<void>((resolve) => {
        const stop = () => void node.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });

  program
    .command('demo')
    .description('create the demo business database (birth certificates) and its bridge')
    .option('--rows <n>', 'number of demo records', '100000')
    .action(async (cmd: { rows: string }) => withEngine(async (engine, opts) => {
      const result = await call(engine, 'demo/load', { rows: Number(cmd.rows) });
      emit(opts, result, () => process.stdout.write(
        `Demo database ${result.filename} with ${result.rows} records\nConnection: ${result.connection}\nBridge: ${result.bridge} (run it with: exnode bridge run ${result.bridge})\n`));
    })());

  const connection = program.command('connection').description('business database connections');
  connection
    .command('add')
    .description('add a connection from a JSON file')
    .requiredOption('--file <file>', 'connection file (JSON)')
    .option('--replace', 'replace a connection of the same name')
    .action(async (cmd: { file: string; replace?: boolean }) => withEngine(async (engine, opts) => {
      const config = readJsonFile(cmd.file, connectionConfigSchema, 'connection file');
      const view = await call(engine, 'connections/save', { config, replace: Boolean(cmd.replace) });
      emit(opts, view, () => process.stdout.write(`Saved connection ${view.name} (${view.summary})\n`));
    })());
  connection.command('list').description('list connections with their health').action(async () => withEngine(async (engine, opts) => {
    const list = await call(engine, 'connections/list', {});
    emit(opts, list, () => printConnections(list));
  })());
  connection.command('test <name>').description('connect and report server, version, latency and user').action(async (name: string) => withEngine(async (engine, opts) => {
    const result = await call(engine, 'connections/test', { name });
    emit(opts, result, () => printTest(name, result));
    if (!result.ok) exitCode = 1;
  })());
  connection.command('tables <name>').description('list the tables and views of a connection').action(async (name: string) => withEngine(async (engine, opts) => {
    const list = await call(engine, 'connections/tables', { name });
    emit(opts, list, () => printTables(list));
  })());
  connection
    .command('describe <name> <table>')
    .description('columns, types and keys of one table')
    .option('--schema <schema>', 'schema of the table')
    .action(async (name: string, table: string, cmd: { schema?: string }) => withEngine(async (engine, opts) => {
      const described = await call(engine, 'connections/describe', { name, table, ...(cmd.schema ? { schema: cmd.schema } : {}) });
      emit(opts, described, () => printTable(described));
    })());
  connection.command('snapshot <name>').description('collect the table structures and show what changed since the last time').action(async (name: string) => withEngine(async (engine, opts) => {
    const result = await call(engine, 'connections/snapshot', { name });
    emit(opts, result, () => printSnapshot(result));
  })());
  connection.command('remove <name>').description('remove a connection (not while a bridge uses it)').action(async (name: string) => withEngine(async (engine, opts) => {
    const result = await call(engine, 'connections/delete', { name });
    emit(opts, result, () => process.stdout.write(`Removed connection ${name}\n`));
  })());

  const exchange = program.command('exchange').description('the front exchange database (前置交换库)');
  exchange
    .command('set')
    .description('use the database of a connection file as the exchange database')
    .requiredOption('--file <file>', 'connection file (JSON) of the exchange database')
    .action(async (cmd: { file: string }) => withEngine(async (engine, opts) => {
      const config = readJsonFile(cmd.file, connectionConfigSchema, 'connection file');
      const view = await call(engine, 'exchange/set', { config });
      emit(opts, view, () => process.stdout.write(`Exchange database is now ${view.name} (${view.summary})\n`));
    })());
  exchange.command('show').description('show the exchange database').action(async () => withEngine(async (engine, opts) => {
    const view = await call(engine, 'exchange/get', {});
    emit(opts, view, () => process.stdout.write(`${view.name}: ${view.summary}\n`));
  })());

  const bridge = program.command('bridge').description('bridges (桥接任务)');
  bridge
    .command('add')
    .description('add a bridge from a JSON file')
    .requiredOption('--file <file>', 'bridge file (JSON)')
    .option('--replace', 'replace a bridge of the same name')
    .action(async (cmd: { file: string; replace?: boolean }) => withEngine(async (engine, opts) => {
      const config = readJsonFile(cmd.file, bridgeConfigSchema, 'bridge file');
      const view = await call(engine, 'bridges/save', { config, replace: Boolean(cmd.replace) });
      emit(opts, view, () => process.stdout.write(`Saved bridge ${view.name}: ${sourceLabel(view.config)} → ${view.targetConnection}.${view.targetTable}\n`));
    })());
  bridge.command('list').description('list bridges with their last run').action(async () => withEngine(async (engine, opts) => {
    const list = await call(engine, 'bridges/list', {});
    emit(opts, list, () => printBridges(list));
  })());
  bridge.command('run <name>').description('run a bridge now and wait for it').action(async (name: string) => withEngine(async (engine, opts) => {
    const done = liveProgress(engine, opts, (e) => (e.type === 'run.updated' ? runProgressLine(e.payload as Output<'runs/get'>) : null));
    const run = await call(engine, 'bridges/run', { name, wait: true }).finally(done);
    emit(opts, run, () => printRun(run));
    if (run.status !== 'succeeded') exitCode = 1;
  })());
  bridge
    .command('reconcile <name>')
    .description('compare every source row with the receiving table, value by value (数据核对); exits 1 when they differ')
    .option('--samples <n>', 'keys to list of each kind of difference', '20')
    .action(async (name: string, cmd: { samples: string }) => withEngine(async (engine, opts) => {
      const done = liveProgress(engine, opts, (e) => {
        if (e.type !== 'reconcile.progress') return null;
        const p = e.payload as EventPayload<'reconcile.progress'>;
        return reconcileProgressLine(name, p.rows, p.total);
      });
      const result = await call(engine, 'bridges/reconcile', { name, samples: Number(cmd.samples) }).finally(done);
      emit(opts, result, () => printReconciliation(result));
      if (result.deviation !== 0) exitCode = 1;
    })());
  bridge.command('cancel <runId>').description('cancel a run, whichever ExNode process (service or command line) runs it').action(async (id: string) => withEngine(async (engine, opts) => {
    const run = await call(engine, 'runs/cancel', { id });
    emit(opts, run, () => printRun(run));
  })());
  bridge.command('show <name>').description('print a bridge\'s definition (JSON, as `bridge add` takes it)').action(async (name: string) => withEngine(async (engine) => {
    const view = await call(engine, 'bridges/get', { name });
    process.stdout.write(`${JSON.stringify(view.config, null, 2)}\n`);
  })());
  bridge.command('remove <name>').description('remove a bridge; its exchange table and run history stay').action(async (name: string) => withEngine(async (engine, opts) => {
    const result = await call(engine, 'bridges/delete', { name });
    emit(opts, result, () => process.stdout.write(`Removed bridge ${name}\n`));
  })());

  const run = program.command('run').description('bridge runs');
  run.command('show <id>').description('a run\'s status and counts').action(async (id: string) => withEngine(async (engine, opts) => {
    const record = await call(engine, 'runs/get', { id });
    emit(opts, record, () => printRun(record));
  })());
  run.command('list').description('recent runs, newest first').option('--bridge <name>').option('--limit <n>', 'how many', '20').action(async (cmd: { bridge?: string; limit: string }) => withEngine(async (engine, opts) => {
    const list = await call(engine, 'runs/list', { limit: Number(cmd.limit), ...(cmd.bridge ? { bridge: cmd.bridge } : {}) });
    emit(opts, list, () => list.forEach((r) => printRun(r)));
  })());
  run.command('log <id>').description('a run\'s log').action(async (id: string) => withEngine(async (engine, opts) => {
    const entries = await call(engine, 'runs/log', { id });
    emit(opts, entries, () => printLog(entries));
  })());
  run.command('rejected <id>').description('rows the receiver rejected in a run, with key and reason').action(async (id: string) => withEngine(async (engine, opts) => {
    const rows = await call(engine, 'runs/rejected', { id });
    emit(opts, rows, () => printRejected(rows));
  })());

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const e = isExNodeError(error) ? error : new ExNodeError('INTERNAL', (error as Error).message ?? String(error));
    if (program.opts<GlobalOptions>().json) process.stdout.write(`${JSON.stringify(e.toEnvelope(), null, 2)}\n`);
    process.stderr.write(`Error [${e.code}]: ${e.message}\n`);
    return 1;
  }
}

function readJsonFile<S extends z.ZodType>(file: string, schema: S, what: string): z.output<S> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ExNodeError('INVALID_INPUT', `Cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ExNodeError('INVALID_INPUT', `The ${what} ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseOrThrow(schema, json, `${what} ${file}`);
}
