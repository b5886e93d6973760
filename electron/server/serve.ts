import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { ExNodeError } from '../../shared/index.js';
import { Engine } from '../engine/engine.js';
import { buildApp } from './app.js';
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
  const engine = await Engine.open({ dataDir: options.dataDir, resumeRuns: true });
  const loopback = ['127.0.0.1', 'localhost', '::1'].includes(options.host);
  const app = await buildApp({
    engine,
    consoleDir: options.consoleDir ?? DEFAULT_CONSOLE_DIR,
    ...(options.sessionSecret ? { sessionSecret: options.sessionSecret } : {}),
    ...(loopback ? { allowedHosts: ['127.0.0.1', 'localhost', '[::1]'] } : {}),
  });
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await engine.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ExNodeError('PORT_IN_USE', `Port ${options.port} on ${options.host} is already in use (is another ExNode running?); stop it or choose another port with --port`);
    }
    if ((error as NodeJS.ErrnoException).code === 'EACCES') {
      throw new ExNodeError('PERMISSION_DENIED', `Not allowed to listen on port ${options.port}; choose a port above 1024 with --port`);
    }
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const shown = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
  if (options.advertise) writeDiscovery(engine.dataDir, { url, pid: process.pid, startedAt: engine.startedAt });
  return {
    engine,
    app,
    url,
    close: async () => {
      if (options.advertise) removeDiscovery(engine.dataDir);
      await app.close();
      await engine.close();
    },
  };
}
