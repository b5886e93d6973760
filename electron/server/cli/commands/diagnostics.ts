import fs from 'node:fs';
import path from 'node:path';
import { ExNodeError, msg } from '../../../../shared/index.js';
import type { RegisterCommands } from '../context.js';

/** `exnode diagnostics --out F.zip`: logs, versions and configuration for support, without any secret. */
export const registerDiagnostics: RegisterCommands = (program, cli) => {
  program
    .command('diagnostics')
    .description('collect logs, versions and configuration (without passwords or keys) into a zip for support')
    .option('--out <file>', 'where to save the zip, e.g. diagnostics.zip')
    .action(async (cmd: { out?: string }) => {
      if (!cmd.out) throw new ExNodeError('INVALID_INPUT', msg('diagnostics.outRequired'));
      const file = path.resolve(cmd.out);
      await cli.session(async (api) => {
        const bundle = await api.call('diagnostics/collect', {});
        try {
          fs.writeFileSync(file, Buffer.from(bundle.zipBase64, 'base64'), { mode: 0o600 });
        } catch (error) {
          throw new ExNodeError('PERMISSION_DENIED', msg('diagnostics.cannotWrite', { file, detail: (error as Error).message }));
        }
        const size = bundle.bytes < 1024 * 1024 ? `${Math.ceil(bundle.bytes / 1024)} KB` : `${(bundle.bytes / 2 ** 20).toFixed(1)} MB`;
        cli.emit({ file, bytes: bundle.bytes, entries: bundle.entries }, () => {
          process.stdout.write(`${cli.t('diagnostics.written', { file, size, entries: bundle.entries.length })}\n`);
        });
      });
    });
};
