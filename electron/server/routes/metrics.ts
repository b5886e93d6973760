import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ExNodeError, msg } from '../../../shared/index.js';
import type { Engine } from '../../engine/engine.js';
import { VERSION } from '../../engine/engine.js';

const TOKEN_FILE = 'metrics-token';
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The read-only token of /metrics and /api/status, created on first use in the data directory (0600). */
export function metricsToken(dataDir: string): string {
  const file = path.join(dataDir, TOKEN_FILE);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, `${crypto.randomBytes(24).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** Whether the server listens on a loopback address only: then nobody else can reach it and no token is asked. */
function loopbackOnly(app: FastifyInstance): boolean {
  const address = app.server.address();
  return typeof address === 'object' && address !== null && LOOPBACK.has(address.address);
}

function checkToken(app: FastifyInstance, engine: Engine, request: FastifyRequest): void {
  if (loopbackOnly(app)) return;
  const given = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
  const expected = metricsToken(engine.dataDir);
  const ok = given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!ok) throw new ExNodeError('UNAUTHENTICATED', msg('monitor.metricsToken', { path: request.url.split('?')[0] ?? '' }));
}

/** `/metrics` (Prometheus text format) and `/api/status` (JSON) for the department's own monitoring tools. */
export async function registerMetricsRoutes(app: FastifyInstance, engine: Engine): Promise<void> {
  const registry = engine.monitor.metricsRegistry();
  if (!loopbackOnly(app)) metricsToken(engine.dataDir);

  app.get('/metrics', async (request, reply) => {
    checkToken(app, engine, request);
    await engine.monitor.idle();
    return reply.type(registry.contentType).send(await registry.metrics());
  });

  app.get('/api/status', async (request) => {
    checkToken(app, engine, request);
    await engine.monitor.idle();
    const [dashboard, counts, health] = await Promise.all([engine.monitor.aggregates.dashboard(), engine.monitor.alerts.counts(), engine.monitor.checks.health()]);
    const status = counts.open.critical > 0 ? 'critical' : counts.open.warning > 0 || counts.acknowledged > 0 ? 'warning' : 'ok';
    return {
      product: 'ExNode', version: VERSION, startedAt: engine.startedAt, status,
      bridges: dashboard.tiles.bridges, running: dashboard.tiles.running, runsToday: dashboard.tiles.runsToday,
      failedToday: dashboard.tiles.failedToday, deviationToday: dashboard.tiles.deviationToday, staleBridges: dashboard.tiles.stale,
      alerts: counts,
      connections: health.map((h) => ({ name: h.connection, up: h.ok, latencyMs: h.latencyMs, checkedAt: h.checkedAt, error: h.error })),
    };
  });
}
