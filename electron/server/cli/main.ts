import { Command, CommanderError } from 'commander';
import fs from 'node:fs';
import { ExNodeError, isExNodeError, type Lang, LANGS, msg, translate } from '../../../shared/index.js';
import { VERSION } from '../../engine/engine.js';
import { resolveDataDir } from '../../engine/paths.js';
import type { CliContext, GlobalOptions, RegisterCommands } from './context.js';
import { nodeSession } from './remote.js';
import { registerServe } from './commands/serve.js';
import { registerDemo } from './commands/demo.js';
import { registerConnections } from './commands/connections.js';
import { registerBridges } from './commands/bridges.js';
import { registerRuns } from './commands/runs.js';
import { registerAuth } from './commands/auth.js';
import { registerUsers } from './commands/users.js';
import { registerAudit } from './commands/audit.js';
import { registerAlerts } from './commands/alerts.js';
import { registerBatch } from './commands/batch.js';
import { registerDiagnostics } from './commands/diagnostics.js';
import { registerCatalog } from './commands/catalog.js';
import { registerConfig } from './commands/config.js';
import { registerSchedules } from './commands/schedules.js';
import { registerMonitor } from './commands/monitor.js';
import { registerSecurity } from './commands/security.js';
import { usePrintLanguage } from './print.js';

/** Every command area, in the order `exnode --help` lists them. Each area keeps its verbs in commands/. */
const COMMANDS: readonly RegisterCommands[] = [
  registerServe,
  registerDemo,
  registerConnections,
  registerBridges,
  registerBatch,
  registerRuns,
  registerSchedules,
  registerAlerts,
  registerMonitor,
  registerAuth,
  registerUsers,
  registerSecurity,
  registerAudit,
  registerDiagnostics,
  registerCatalog,
  registerConfig,
];

/** Runs one CLI invocation; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('exnode')
    .description('ExNode 前置交换节点: front-end exchange node for government data sharing')
    .version(VERSION)
    .option('--data-dir <dir>', 'node data directory (default: $EXNODE_DATA_DIR or the OS app-data folder)')
    .option('--json', 'print machine-readable JSON')
    .option('--lang <lang>', 'language of human output: zh-CN or en (default: from the locale, LC_ALL/LC_MESSAGES/LANG)')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  let exitCode = 0;
  const opts = () => program.opts<GlobalOptions>();
  const lang = (): Lang => {
    const chosen = opts().lang;
    return chosen !== undefined && (LANGS as readonly string[]).includes(chosen) ? (chosen as Lang) : languageOf(process.env);
  };
  const cli: CliContext = {
    program,
    opts,
    lang,
    t: (key, params) => translate(lang(), key, params),
    session: (work) => {
      const dataDir = resolveDataDir(opts().dataDir);
      // A mistyped --data-dir would otherwise look like a node that lost everything.
      if (opts().dataDir !== undefined && !fs.existsSync(dataDir)) process.stderr.write(`${translate(lang(), 'cli.dataDirMissing', { dir: dataDir })}\n`);
      return nodeSession(dataDir, lang(), work);
    },
    emit: (value, human) => {
      if (opts().json) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
      else human();
    },
    setExitCode: (code) => {
      exitCode = code;
    },
    liveProgress: (api, line) => {
      if (opts().json || !process.stderr.isTTY) return () => undefined;
      const off = api.subscribe((event) => {
        const text = line(event);
        if (text) process.stderr.write(`\r\x1b[2K${text}`);
      });
      return () => {
        off();
        process.stderr.write('\r\x1b[2K');
      };
    },
  };
  for (const register of COMMANDS) register(program, cli);
  program.hook('preAction', () => {
    const chosen = opts().lang;
    if (chosen !== undefined && !(LANGS as readonly string[]).includes(chosen)) throw new ExNodeError('INVALID_INPUT', msg('cli.badLang', { value: chosen }));
    usePrintLanguage(lang());
  });

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const e = isExNodeError(error) ? error : new ExNodeError('INTERNAL', (error as Error).message ?? String(error));
    if (opts().json) process.stdout.write(`${JSON.stringify(e.toEnvelope(), null, 2)}\n`);
    process.stderr.write(`${translate(lang(), 'cli.error')} [${e.code}]: ${e.localized(lang())}\n`);
    return 1;
  }
}

/** zh-CN when the locale (LC_ALL, LC_MESSAGES, LANG) is Chinese, else English. */
export function languageOf(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}
