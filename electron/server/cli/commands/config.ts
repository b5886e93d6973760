import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { ExNodeError, msg } from '../../../../shared/index.js';
import type { ConfigImportResult } from '../../../../shared/config-doc.js';
import type { RegisterCommands, CliContext } from '../context.js';

const SCHEMA_FILENAME = 'exnode-config.schema.json';

/** `exnode config export|import|schema`: configuration as code. */
export const registerConfig: RegisterCommands = (program, cli) => {
  const config = program.command('config').description('configuration as code (配置导入导出): connections, exchange database, bridges, schedules, alert settings, catalog');
  config
    .command('export')
    .description(`write the configuration as YAML without secrets, and ${SCHEMA_FILENAME} next to it for editors`)
    .requiredOption('--out <file>', 'output file (.yaml)')
    .action(async (cmd: { out: string }) => cli.session(async (api) => {
      const result = await api.call('config/export', {});
      fs.writeFileSync(cmd.out, result.yaml);
      const schema = await api.call('config/schema', {});
      fs.writeFileSync(path.join(path.dirname(path.resolve(cmd.out)), SCHEMA_FILENAME), `${JSON.stringify(schema, null, 2)}\n`);
      cli.emit({ file: path.resolve(cmd.out), sections: result.sections }, () =>
        process.stdout.write(`${cli.t('config.exported', { file: cmd.out, sections: result.sections.join(', ') })}\n`));
    }));
  config
    .command('schema')
    .description('write the JSON Schema of the configuration file')
    .requiredOption('--out <file>', 'output file (.json)')
    .action(async (cmd: { out: string }) => cli.session(async (api) => {
      const schema = await api.call('config/schema', {});
      fs.writeFileSync(cmd.out, `${JSON.stringify(schema, null, 2)}\n`);
      cli.emit({ file: path.resolve(cmd.out) }, () => process.stdout.write(`${cmd.out}\n`));
    }));
  config
    .command('import <file>')
    .description('print the plan (added, changed, removed, unchanged); with --yes apply it, all or nothing. Secrets come from the variables the file names (EXNODE_PW_<NAME>, EXNODE_ALERT_SECRET_<NAME>, EXNODE_ALERT_URL_<NAME>) or a prompt')
    .option('--yes', 'apply the plan')
    .option('--deploy', 'deploy the schedules the file marks deployed (without it they arrive stopped)')
    .action(async (file: string, cmd: { yes?: boolean; deploy?: boolean }) => cli.session(async (api) => {
      const yaml = readFile(file);
      const deploy = cmd.deploy === true;
      let result = await api.call('config/import', { yaml, apply: false, deploy });
      if (cmd.yes && result.problems.length === 0) {
        const { passwords, secrets } = await secretsFor(result.variables, cli);
        result = await api.call('config/import', { yaml, apply: true, deploy, passwords, secrets });
      }
      cli.emit(result, () => printPlan(result, cli));
      if (result.problems.length > 0) cli.setExitCode(1);
    }));
};

/** A real configuration file is kilobytes; a huge one is refused before it is read or sent. */
const MAX_FILE_BYTES = 20_000_000;

function readFile(file: string): string {
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_FILE_BYTES) throw new ExNodeError('INVALID_INPUT', msg('config.tooLarge', { file, size, max: MAX_FILE_BYTES }));
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    if (e instanceof ExNodeError) throw e;
    throw new ExNodeError('INVALID_INPUT', msg('catalog.cannotRead', { file, detail: (e as Error).message }));
  }
}

/**
 * The value of each variable the file names: from the environment, else (on a terminal) a prompt; missing
 * ones stay missing (the import flags them). Connections' passwords go by connection, channels' secrets by variable.
 */
async function secretsFor(variables: ConfigImportResult['variables'], cli: CliContext) {
  const passwords: { connection: string; password: string }[] = [];
  const secrets: { variable: string; secret: string }[] = [];
  for (const { section, name, variable } of variables) {
    let value = process.env[variable];
    if (value === undefined && process.stdin.isTTY && !cli.opts().json) {
      const key = section === 'channels' ? 'config.secretPrompt' : 'config.passwordPrompt';
      value = (await promptHidden(cli.t(key, { name, variable }))) || undefined;
    }
    if (value === undefined) continue;
    if (section === 'channels') secrets.push({ variable, secret: value });
    else passwords.push({ connection: name, password: value });
  }
  return { passwords, secrets };
}

async function promptHidden(question: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const write = (rl as unknown as { _writeToOutput?: (s: string) => void });
  process.stdout.write(question);
  write._writeToOutput = () => undefined;
  try {
    return (await rl.question('')).trim();
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}

function printPlan(result: ConfigImportResult, cli: CliContext): void {
  if (result.problems.length > 0) {
    process.stdout.write(`${cli.t('catalog.problemsHeader', { count: result.problems.length })}\n`);
    for (const p of result.problems) process.stdout.write(`  ${p.where}: ${p.message}\n`);
    return;
  }
  const count = (a: string) => result.plan.filter((p) => p.action === a).length;
  process.stdout.write(`${cli.t('config.planHeader', { added: count('added'), changed: count('changed'), removed: count('removed'), unchanged: count('unchanged') })}\n`);
  const mark = { added: '+', changed: '~', removed: '-', unchanged: ' ' } as const;
  for (const p of result.plan) {
    if (p.action === 'unchanged') continue;
    process.stdout.write(`  ${mark[p.action]} ${p.section}/${p.name}${p.fields ? ` (${p.fields.join(', ')})` : ''}\n`);
  }
  for (const name of result.notDeployed) process.stdout.write(`  ⚠ ${cli.t('config.notDeployed', { name })}\n`);
  for (const w of result.withoutPassword) process.stdout.write(`  ⚠ ${cli.t('config.noPassword', w)}\n`);
  for (const w of result.withoutSecret) process.stdout.write(`  ⚠ ${cli.t('config.noSecret', w)}\n`);
  process.stdout.write(`${cli.t(result.applied ? 'config.applied' : 'config.dryRun')}\n`);
}
