import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { ExNodeError, isExNodeError } from '../../shared/index.js';
import type { Engine } from '../engine/engine.js';
import { LOCAL_OPERATOR } from '../engine/actor.js';
import { VERSION } from '../engine/engine.js';
import { httpStatusFor } from './http-status.js';
import { streamEvents } from './sse.js';
import { registerMetricsRoutes } from './routes/metrics.js';

export interface AppOptions {
  readonly engine: Engine;
  /** Folder of the built renderer (dist/renderer); the console is served from it. */
  readonly consoleDir: string;
  /** When set (desktop shell), every API request must carry it as a bearer token. */
  readonly sessionSecret?: string;
  /** Host names the console may be reached by; guards a loopback-bound node against DNS rebinding. */
  readonly allowedHosts?: readonly string[];
}

const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "connect-src 'self'", "font-src 'self' data:", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'",
].join('; ');

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Content-Security-Policy', CSP);
    if (options.allowedHosts && !hostAllowed(request.headers.host, options.allowedHosts)) {
      throw new ExNodeError('FORBIDDEN', `Requests for host "${request.headers.host ?? ''}" are not served; open the console at its own address`);
    }
    if (request.url.startsWith('/api/') && options.sessionSecret && !sessionOk(request, options.sessionSecret)) {
      throw new ExNodeError('UNAUTHENTICATED', 'This node requires the session token of the desktop app');
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _request, reply) => {
    let envelope: ExNodeError;
    if (isExNodeError(error)) envelope = error;
    else if (error.statusCode === 400 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      envelope = new ExNodeError('INVALID_INPUT', `The request body is not valid JSON: ${error.message}`);
    } else if (error.statusCode === 413) {
      envelope = new ExNodeError('INVALID_INPUT', 'The request body is too large');
    } else {
      envelope = new ExNodeError('INTERNAL', `Internal error: ${error.message}`);
    }
    void reply.status(httpStatusFor(envelope.code)).send(envelope.toEnvelope());
  });

  app.get('/healthz', async () => ({ ok: true, product: 'ExNode', version: VERSION }));
  await registerMetricsRoutes(app, options.engine);

  app.post('/api/ops/*', async (request: FastifyRequest<{ Params: { '*': string } }>) => {
    return options.engine.call(request.params['*'], request.body ?? {}, LOCAL_OPERATOR);
  });

  app.get('/api/events', (request: FastifyRequest, reply: FastifyReply) => {
    streamEvents(options.engine.events, request, reply);
  });

  app.all('/api/*', async (request) => {
    throw new ExNodeError('UNKNOWN_OPERATION', `No API at ${request.method} ${request.url.split('?')[0]}; operations are POST /api/ops/<name>`);
  });

  if (fs.existsSync(path.join(options.consoleDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: options.consoleDir, index: ['index.html'] });
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send(new ExNodeError('NOT_FOUND', `Nothing at ${request.url}`).toEnvelope());
    });
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('The ExNode console has not been built. Run `npm run build:renderer` (or `npm run serve`).'));
  }
  return app;
}

function sessionOk(request: FastifyRequest, secret: string): boolean {
  const header = request.headers.authorization ?? '';
  const query = (request.query as { session?: string } | undefined)?.session ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : query;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function hostAllowed(host: string | undefined, allowed: readonly string[]): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return allowed.includes(name);
}
