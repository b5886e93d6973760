import fs from 'node:fs';
import path from 'node:path';
import { ExNodeError, msg } from '../../../../shared/index.js';
import { RESOURCE_TYPE_LABELS, SHARE_TYPE_LABELS, UPDATE_CYCLE_LABELS } from '../../../../shared/catalog.js';
import type { RegisterCommands } from '../context.js';

/** `exnode catalog list|export|import`: the resource catalog (资源目录). */
export const registerCatalog: RegisterCommands = (program, cli) => {
  const catalog = program.command('catalog').description('resource catalog (资源目录)');
  catalog
    .command('list')
    .description('list catalog entries')
    .option('--search <text>', 'code, name, provider or information item containing this text')
    .action(async (cmd: { search?: string }) => cli.session(async (api) => {
      const list = await api.call('catalog/list', cmd.search ? { search: cmd.search } : {});
      cli.emit(list, () => {
        process.stdout.write(`${cli.t('catalog.listHeader', { count: list.length })}\n`);
        for (const v of list) {
          const e = v.entry;
          process.stdout.write(`${e.code}\t${e.name}\t${RESOURCE_TYPE_LABELS[e.classification.type]}\t${SHARE_TYPE_LABELS[e.share.type]}\t${UPDATE_CYCLE_LABELS[e.updateCycle]}\t${e.bridge}${v.needsReview ? `\t⚠ ${cli.t('catalog.needsReview')}` : ''}\n`);
        }
      });
    }));
  catalog
    .command('export')
    .description('write the catalog as an Excel workbook (one row per resource, information items on a second sheet) or JSON')
    .option('--format <format>', 'xlsx or json (default: from the file extension)')
    .requiredOption('--out <file>', 'output file')
    .action(async (cmd: { format?: string; out: string }) => cli.session(async (api) => {
      const format = formatOf(cmd.format, cmd.out);
      const result = await api.call('catalog/export', { format });
      fs.writeFileSync(cmd.out, format === 'xlsx' ? Buffer.from(result.data, 'base64') : result.data);
      cli.emit({ file: path.resolve(cmd.out), format, count: result.count }, () => process.stdout.write(`${cli.t('catalog.exported', { count: result.count, file: cmd.out })}\n`));
    }));
  catalog
    .command('import <file>')
    .description('show what a workbook or JSON file would change; with --yes import it, all or nothing')
    .option('--format <format>', 'xlsx or json (default: from the file extension)')
    .option('--yes', 'apply the import')
    .action(async (file: string, cmd: { format?: string; yes?: boolean }) => cli.session(async (api) => {
      const format = formatOf(cmd.format, file);
      let data: string;
      try {
        const bytes = fs.readFileSync(file);
        data = format === 'xlsx' ? bytes.toString('base64') : bytes.toString('utf8').replace(/^\uFEFF/, '');
      } catch (e) {
        throw new ExNodeError('INVALID_INPUT', msg('catalog.cannotRead', { file, detail: (e as Error).message }));
      }
      const result = await api.call('catalog/import', { format, data, apply: false });
      if (result.problems.length === 0 && cmd.yes) Object.assign(result, await api.call('catalog/import', { format, data, apply: true }));
      cli.emit(result, () => {
        if (result.problems.length > 0) {
          process.stdout.write(`${cli.t('catalog.problemsHeader', { count: result.problems.length })}\n`);
          for (const p of result.problems) process.stdout.write(`  ${p.where}: ${p.message}\n`);
          return;
        }
        process.stdout.write(`${cli.t('catalog.planLine', { added: result.added.length, changed: result.changed.length, unchanged: result.unchanged.length })}\n`);
        for (const code of result.added) process.stdout.write(`  + ${code}\n`);
        for (const code of result.changed) process.stdout.write(`  ~ ${code}\n`);
        process.stdout.write(`${cli.t(result.applied ? 'catalog.applied' : 'catalog.dryRun')}\n`);
      });
      if (result.problems.length > 0) cli.setExitCode(1);
    }));
};

function formatOf(given: string | undefined, file: string): 'xlsx' | 'json' {
  const format = (given ?? path.extname(file).slice(1)).toLowerCase();
  if (format === 'xlsx' || format === 'json') return format;
  throw new ExNodeError('INVALID_INPUT', msg('catalog.badValue', { value: format, what: 'format (xlsx | json)' }));
}
