import fs from 'node:fs';
import type { MessageKey } from '../../../../shared/index.js';
import type { RegisterCommands } from '../context.js';

const REASON: Record<string, MessageKey> = { hash: 'audit.brokenHash', link: 'audit.brokenLink', truncated: 'audit.truncated', checkpoint: 'audit.checkpoint' };

/** `exnode audit ...`: the auditor verifies, searches and exports the audit log. */
export const registerAudit: RegisterCommands = (program, cli) => {
  const audit = program.command('audit').description('the audit log (auditor)');
  audit.command('verify').description('verify the whole keyed chain; exits 1 and names the first broken record').action(async () => cli.session(async (api) => {
    const result = await api.call('audit/verify', {});
    if (!result.ok) cli.setExitCode(1);
    cli.emit(result, () => {
      const line = result.ok ? cli.t('audit.intact', { records: result.records }) : cli.t(REASON[result.reason ?? 'hash']!, { seq: result.firstBroken ?? 0 });
      (result.ok ? process.stdout : process.stderr).write(`${line}\n`);
    });
  }));
  audit
    .command('list')
    .description('search the audit log, newest first')
    .option('--actor <name>').option('--operation <prefix>').option('--outcome <ok|denied|failed>')
    .option('--from <iso>').option('--to <iso>').option('--text <text>').option('--limit <n>', 'how many', '100')
    .action(async (cmd: { actor?: string; operation?: string; outcome?: string; from?: string; to?: string; text?: string; limit: string }) => cli.session(async (api) => {
      const { limit, ...rest } = cmd;
      const result = await api.call('audit/list', { ...rest, limit: Number(limit) });
      cli.emit(result, () => {
        for (const r of result.records) {
          process.stdout.write(`${String(r.seq).padStart(6)} ${r.at} ${r.actor.padEnd(12)} ${(r.shell ?? '').padEnd(8)} ${(r.address ?? '').padEnd(15)} ${r.operation} ${r.target ?? ''} ${r.outcome}\n`);
        }
      });
    }));
  audit
    .command('export')
    .description('export the audit log as CSV or Excel')
    .requiredOption('--out <file>', 'file to write')
    .option('--format <csv|xlsx>', 'file format', 'csv')
    .action(async (cmd: { out: string; format: string }) => cli.session(async (api) => {
      const result = await api.call('audit/export', { format: cmd.format as 'csv', filter: {} });
      fs.writeFileSync(cmd.out, Buffer.from(result.base64, 'base64'), { mode: 0o600 });
      cli.emit({ file: cmd.out, records: result.records }, () => process.stdout.write(`${cli.t('audit.exported', { records: result.records, file: cmd.out })}\n`));
    }));
};
