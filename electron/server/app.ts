import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyCookie from '@fastify/cookie';
import { ExNodeError, isExNodeError, msg } from '../../shared/index.js';
import type { Engine } from '../engine/engine.js';
import { VERSION } from '../engine/engine.js';
import { httpStatusFor } from './http-status.js';
import { streamEvents } from './sse.js';
import { hostAllowed } from './host-check.js';
import { actorOfRequest, clearSessionCookies, safeEqual, setSessionCookies } from './session-http.js';
import { registerMetricsRoutes } from './routes/metrics.js';

export interface AppOptions {
  readonly engine: Engine;
  /** Folder of the built renderer (dist/renderer); the console is served from it. */
  readonly consoleDir: string;
  /**
   * When set (desktop shell), every API request must also carry this per-launch secret (header
   * X-ExNode-Launch, or `?launch=` for the event stream): a second guard of the loopback API besides
   * the signed-in session.
   */
  readonly sessionSecret?: string;
  /** TLS certificate and key (PEM): served over HTTPS, session cookies marked Secure. */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer };
  /** Host names the console may be reached by; guards a loopback-bound node against DNS rebinding. */
  readonly allowedHosts?: readonly string[];
}

const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "connect-src 'self'", "font-src 'self' data:", "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'",
].join('; ');

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024, ...(options.tls ? { https: { cert: options.tls.cert, key: options.tls.key } } : {}) }) as unknown as FastifyInstance;
  await app.register(fastifyCookie);
  const cookieShell = options.sessionSecret ? 'desktop' as const : 'console' as const;

  app.addHook('onRequest', async (request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Content-Security-Policy', CSP);
    if (options.allowedHosts && !hostAllowed(request.headers.host, options.allowedHosts)) {
      throw new ExNodeError('FORBIDDEN', msg('auth.hostRefused', { host: (request.headers.host ?? '').slice(0, 100) }));
    }
    if (request.url.startsWith('/api/') && options.sessionSecret && !launchSecretOk(request, options.sessionSecret)) {
      throw new ExNodeError('UNAUTHENTICATED', msg('auth.launchSecret'));
    }
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    let envelope: ExNodeError;
    let status: number | undefined;
    if (isExNodeError(error)) envelope = error;
    else if (error.statusCode === 413) {
      envelope = new ExNodeError('INVALID_INPUT', msg('common.bodyTooLarge'));
      status = 413;
    } else if (error.statusCode === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      envelope = new ExNodeError('INVALID_INPUT', msg('auth.jsonOnly'));
      status = 415;
    } else if (error.statusCode === 404 || error.statusCode === 403 || error.code === 'ERR_INVALID_URL') {
      // The static server refuses a path leaving its folder with 403: to the client it is simply not there.
      envelope = new ExNodeError('NOT_FOUND', msg('common.nothingAt', { path: request.url.split('?')[0]!.slice(0, 200) }));
      status = 404;
    } else if (error.statusCode === 400 || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      envelope = new ExNodeError('INVALID_INPUT', msg('common.bodyNotJson', { detail: error.message }));
    } else {
      envelope = new ExNodeError('INTERNAL', msg('common.internal', { detail: error.message }));
    }
    const code = status ?? httpStatusFor(envelope.code);
    // Sign-in failures have records of their own; every other 401 is counted per address and minute.
    const urlPath = request.url.split('?')[0]!;
    if (code === 401 && urlPath !== '/api/ops/auth/login') {
      const shell = (request.headers.authorization ?? '').startsWith('Bearer ') ? 'api' : cookieShell;
      void options.engine.unauthenticated.note(shell, request.ip, urlPath).catch(() => undefined);
    }
    void reply.status(code).send(envelope.toEnvelope());
  });

  app.get('/healthz', async () => ({ ok: true, product: 'ExNode', version: VERSION }));
  await registerMetricsRoutes(app, options.engine);

  app.post('/api/ops/*', async (request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply) => {
    // JSON only: a cross-site form or a no-CORS fetch cannot send application/json, and no body is not `{}`.
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '') || request.body === undefined) {
      throw new ExNodeError('INVALID_INPUT', msg('auth.jsonOnly'));
    }
    const op = request.params['*'];
    const actor = await actorOfRequest(options.engine, request, op, cookieShell);
    const output = await options.engine.call(op, request.body, actor);
    if (op === 'auth/login') {
      const signIn = output as { token?: string; csrfToken: string; expiresAt: string };
      const bearer = (request.body as { bearer?: unknown }).bearer === true;
      if (!bearer) {
        setSessionCookies(reply, signIn.token!, signIn.csrfToken, signIn.expiresAt, options.tls !== undefined);
        return { ...signIn, token: undefined };
      }
    }
    if (op === 'auth/logout') clearSessionCookies(reply);
    return output;
  });

  app.get('/api/events', async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = await actorOfRequest(options.engine, request, 'events', cookieShell, false);
    if (actor.name === '') throw new ExNodeError('UNAUTHENTICATED', msg('auth.notSignedIn'));
    streamEvents(options.engine.events, request, reply);
  });

  app.all('/api/*', async (request) => {
    throw new ExNodeError('UNKNOWN_OPERATION', msg('common.noApi', { method: request.method, path: request.url.split('?')[0]! }));
  });

  if (fs.existsSync(path.join(options.consoleDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: options.consoleDir, index: ['index.html'] });
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send(new ExNodeError('NOT_FOUND', msg('common.nothingAt', { path: request.url })).toEnvelope());
    });
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('The ExNode console has not been built. Run `npm run build:renderer` (or `npm run serve`).'));
  }
  return app;
}

function launchSecretOk(request: FastifyRequest, secret: string): boolean {
  const header = request.headers['x-exnode-launch'];
  const query = (request.query as { launch?: string } | undefined)?.launch ?? '';
  return safeEqual(typeof header === 'string' ? header : query, secret);
}
