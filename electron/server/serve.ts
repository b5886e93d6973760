import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { ExNodeError, msg, translate } from '../../shared/index.js';
import { Engine, VERSION } from '../engine/engine.js';
import { attachEngineLog } from '../engine/logs/engine-log.js';
import { buildApp } from './app.js';
import { lockDataDir } from './instance-lock.js';
import { removeDiscovery, writeDiscovery } from './discovery.js';

export const DEFAULT_PORT = 7420;
const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_CONSOLE_DIR = path.resolve(here, '../../dist/renderer');

export interface ServeOptions {
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly consoleDir?: string;
  readonly sessionSecret?: string;
  /** PEM files; required when listening beyond loopback unless `insecureHttp`. */
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  /** Plain HTTP beyond loopback, deliberately: warned about on every start. */
  readonly insecureHttp?: boolean;
  /** Write the discovery file, so CLI commands on this data directory go through this service. */
  readonly advertise?: boolean;
}

export interface RunningNode {
  readonly engine: Engine;
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

/** Starts the engine with its HTTP API, events and web console. */
export async function serve(options: ServeOptions): Promise<RunningNode> {
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(options.host);
  const tls = options.tlsCert && options.tlsKey ? { cert: fs.readFileSync(options.tlsCert), key: fs.readFileSync(options.tlsKey) } : undefined;
  if (!loopback && !tls) {
    if (!options.insecureHttp) throw new ExNodeError('FORBIDDEN', msg('auth.tlsRequired', { host: options.host }));
    process.stderr.write(`${translate('zh-CN', 'auth.insecureHttp', { host: options.host })}\n${translate('en', 'auth.insecureHttp', { host: options.host })}\n`);
  }
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const unlock = lockDataDir(options.dataDir);
  let engine: Engine;
  try {
    engine = await Engine.open({ dataDir: options.dataDir, resumeRuns: true });
  } catch (error) {
    unlock();
    throw error;
  }
  const engineLog = attachEngineLog(engine, VERSION);
  const app = await buildApp({
    engine,
    consoleDir: options.consoleDir ?? DEFAULT_CONSOLE_DIR,
    ...(options.sessionSecret ? { sessionSecret: options.sessionSecret } : {}),
    ...(loopback ? { allowedHosts: ['127.0.0.1', 'localhost', '[::1]'] } : {}),
    ...(tls ? { tls } : {}),
  });
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await engine.close();
    await engineLog.close();
    unlock();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ExNodeError('PORT_IN_USE', msg('common.portInUse', { port: String(options.port), host: options.host }));
    }
    if ((error as NodeJS.ErrnoException).code === 'EACCES') {
      throw new ExNodeError('PERMISSION_DENIED', msg('common.portDenied', { port: String(options.port) }));
    }
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shown = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const url = `${tls ? 'https' : 'http'}://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
  if (options.advertise) writeDiscovery(engine.dataDir, { url, pid: process.pid, startedAt: engine.startedAt });
  return {
    engine,
    app,
    url,
    close: async () => {
      if (options.advertise) removeDiscovery(engine.dataDir);
      await app.close();
      await engine.close();
      await engineLog.close();
      unlock();
    },
  };
}
