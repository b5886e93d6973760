import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { parse } from 'yaml';
import { ExNodeError, msg } from '../../../../shared/index.js';
import type { ConfigImportResult } from '../../../../shared/config-doc.js';
import type { RegisterCommands, CliContext } from '../context.js';

const SCHEMA_FILENAME = 'exnode-config.schema.json';

/** `exnode config export|import|schema`: configuration as code. */
export const registerConfig: RegisterCommands = (program, cli) => {
  const config = program.command('config').description('configuration as code (配置导入导出): connections, exchange database, bridges, catalog');
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
    .description('print the plan (added, changed, removed, unchanged); with --yes apply it, all or nothing. Passwords come from each connection\'s variable (EXNODE_PW_<NAME>) or a prompt')
    .option('--yes', 'apply the plan')
    .action(async (file: string, cmd: { yes?: boolean }) => cli.session(async (api) => {
      let yaml: string;
      try {
        yaml = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      } catch (e) {
        throw new ExNodeError('INVALID_INPUT', msg('catalog.cannotRead', { file, detail: (e as Error).message }));
      }
      let result = await api.call('config/import', { yaml, apply: false });
      if (cmd.yes && result.problems.length === 0) {
        const passwords = await passwordsFor(yaml, cli);
        result = await api.call('config/import', { yaml, apply: true, passwords: Object.entries(passwords).map(([connection, password]) => ({ connection, password })) });
      }
      cli.emit(result, () => printPlan(result, cli));
      if (result.problems.length > 0) cli.setExitCode(1);
    }));
};

/** Each connection's password from its variable, else (on a terminal) a prompt; missing ones stay missing. */
async function passwordsFor(yaml: string, cli: CliContext): Promise<Record<string, string>> {
  const doc = parse(yaml) as { exchange?: unknown; connections?: unknown } | null;
  const list = [doc?.exchange, ...(Array.isArray(doc?.connections) ? doc.connections : [])];
  const passwords: Record<string, string> = {};
  for (const c of list) {
    const { name, passwordVariable } = (c ?? {}) as { name?: unknown; passwordVariable?: unknown };
    if (typeof name !== 'string' || typeof passwordVariable !== 'string') continue;
    const value = process.env[passwordVariable];
    if (value !== undefined) passwords[name] = value;
    else if (process.stdin.isTTY && !cli.opts().json) {
      const answer = await promptHidden(cli.t('config.passwordPrompt', { name, variable: passwordVariable }));
      if (answer !== '') passwords[name] = answer;
    }
  }
  return passwords;
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
  for (const w of result.withoutPassword) process.stdout.write(`  ⚠ ${cli.t('config.noPassword', w)}\n`);
  process.stdout.write(`${cli.t(result.applied ? 'config.applied' : 'config.dryRun')}\n`);
}
