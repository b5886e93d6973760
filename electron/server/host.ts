import fs from 'node:fs';
import path from 'node:path';
import { msg, render } from '../../shared/index.js';
import { formatLine, logsDir } from '../engine/logs/log-file.js';
import { resolveDataDir } from '../engine/paths.js';
import { serve } from './serve.js';

/**
 * Entry of the engine process the desktop shell forks (Electron utilityProcess). It serves on a
 * random loopback port, requires the per-launch session secret, and reports its address back.
 * Forked by Node instead (a service manager, the tests), it reports over the IPC channel.
 */
interface ParentPort {
  postMessage(message: unknown): void;
}

const parentPort: ParentPort | undefined = (process as unknown as { parentPort?: ParentPort }).parentPort
  ?? (process.send ? { postMessage: (message) => process.send!(message) } : undefined);

async function start(): Promise<void> {
  const sessionSecret = process.env.EXNODE_SESSION_SECRET;
  if (!sessionSecret) throw new Error('EXNODE_SESSION_SECRET is required when the engine runs under the desktop shell');
  const node = await serve({
    dataDir: resolveDataDir(process.env.EXNODE_DATA_DIR),
    host: '127.0.0.1',
    port: 0,
    sessionSecret,
    ...(process.env.EXNODE_CONSOLE_DIR ? { consoleDir: process.env.EXNODE_CONSOLE_DIR } : {}),
  });
  node.engine.events.subscribe((event) => parentPort?.postMessage({ type: 'event', event }));
  parentPort?.postMessage({ type: 'ready', url: node.url, dataDir: node.engine.dataDir });
  process.on('SIGTERM', () => void node.close().then(() => process.exit(0)));
}

/** The engine's last words, written synchronously: the shell's crash window shows them. */
function lastWords(error: Error): void {
  try {
    const dir = logsDir(resolveDataDir(process.env.EXNODE_DATA_DIR));
    fs.mkdirSync(dir, { recursive: true });
    fs.appendFileSync(path.join(dir, 'engine.log'), formatLine(new Date(), 'error', render('en', msg('logs.engineCrashed', { detail: error.stack ?? error.message }))), { mode: 0o600 });
  } catch {
    // nowhere left to write
  }
}
process.on('uncaughtException', (error) => {
  lastWords(error);
  process.exit(70);
});

start().catch((error: Error) => {
  lastWords(error);
  parentPort?.postMessage({ type: 'failed', message: error.message });
  process.exit(1);
});
