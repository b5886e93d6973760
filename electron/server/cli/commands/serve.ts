import { Option } from 'commander';
import { ExNodeError, msg } from '../../../../shared/index.js';
import { resolveDataDir } from '../../../engine/paths.js';
import { DEFAULT_PORT, serve } from '../../serve.js';
import type { RegisterCommands } from '../context.js';

/** `exnode serve`: the engine as a service, with its API and web console. */
export const registerServe: RegisterCommands = (program, cli) => {
  program
    .command('serve')
    .description('run the engine as a service with the web console')
    .addOption(new Option('--host <host>', 'address to listen on').default('127.0.0.1'))
    .addOption(new Option('--port <port>', 'port to listen on').default(String(DEFAULT_PORT)))
    .option('--tls-cert <file>', 'TLS certificate (PEM); required with --tls-key when --host is not loopback')
    .option('--tls-key <file>', 'TLS private key (PEM)')
    .option('--insecure-http', 'serve plain HTTP beyond loopback (warned about on every start)')
    .action(async (cmd: { host: string; port: string; tlsCert?: string; tlsKey?: string; insecureHttp?: boolean }) => {
      const opts = cli.opts();
      const port = Number(cmd.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ExNodeError('INVALID_INPUT', msg('cli.badPort', { value: String(cmd.port) }));
      const node = await serve({
        dataDir: resolveDataDir(opts.dataDir), host: cmd.host, port, advertise: true,
        ...(cmd.tlsCert ? { tlsCert: cmd.tlsCert } : {}), ...(cmd.tlsKey ? { tlsKey: cmd.tlsKey } : {}), ...(cmd.insecureHttp ? { insecureHttp: true } : {}),
        ...(process.env.EXNODE_SESSION_SECRET ? { sessionSecret: process.env.EXNODE_SESSION_SECRET } : {}),
      });
      cli.emit({ url: node.url, dataDir: node.engine.dataDir }, () => {
        process.stdout.write(`ExNode console: ${node.url}\nData directory: ${node.engine.dataDir}\nPress Ctrl+C to stop.\n`);
      });
      await new Promise<void>((resolve) => {
        const stop = () => void node.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
};
