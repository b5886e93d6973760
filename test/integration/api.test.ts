import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Engine } from '../../electron/engine/engine.js';
import { buildApp } from '../../electron/server/app.js';
import { tempDir } from '../support/temp.js';
import { MYSQL_DB } from '../support/servers.js';
import { signIn } from '../support/node-setup.js';

describe('HTTP API', () => {
  const tmp = tempDir();
  let engine: Engine;
  let app: FastifyInstance;
  let token = '';

  beforeAll(async () => {
    token = await signIn(tmp.dir, 'sysadmin');
    engine = await Engine.open({ dataDir: tmp.dir });
    app = await buildApp({ engine, consoleDir: '/nonexistent', allowedHosts: ['127.0.0.1', 'localhost'] });
  });
  afterAll(async () => {
    await app.close();
    await engine.close();
    tmp.remove();
  });

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers: { host: '127.0.0.1:7420', authorization: `Bearer ${token}`, ...headers } });

  it('answers /healthz', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz', headers: { host: 'localhost' } });
    expect(res.json()).toMatchObject({ ok: true, product: 'ExNode' });
  });

  it('refuses an unknown operation with UNKNOWN_OPERATION', async () => {
    const res = await post('/api/ops/bridges/explode', {});
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'UNKNOWN_OPERATION', retryable: false });
  });

  it('refuses a body that fails the schema, naming the field', async () => {
    const res = await post('/api/ops/bridges/run', { name: 42 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_INPUT');
    expect(res.json().error.message).toMatch(/name/);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/ops/node/info', payload: '{oops', headers: { host: 'localhost', 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_INPUT');
  });

  it('refuses a bridge that names an unknown connection', async () => {
    const res = await post('/api/ops/bridges/save', { config: { name: 'b1', source: { connection: 'nowhere', table: 't' } } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND' });
    expect(res.json().error.message).toMatch(/nowhere/);
  });

  it('never returns a saved password', async () => {
    const res = await post('/api/ops/connections/save', {
      config: { name: 'hr', dialect: 'mysql', host: '127.0.0.1', database: MYSQL_DB, user: 'root', password: 's3cret-pw' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('s3cret-pw');
    expect(res.json()).toMatchObject({ hasPassword: true, summary: `mysql://root@127.0.0.1:3306/${MYSQL_DB}` });
    const list = await post('/api/ops/connections/list', {});
    expect(list.body).not.toContain('s3cret-pw');
    const audit = await engine.db('audit_events').select('detail_json');
    expect(JSON.stringify(audit)).not.toContain('s3cret-pw');
  });

  it('reads and validates node settings', async () => {
    expect((await post('/api/ops/settings/get', {})).json()).toEqual({ columnPrefix: 'exn_', softDeleteRetentionDays: 30, runnerConcurrency: 2, alertRetentionDays: 365 });
    const bad = await post('/api/ops/settings/set', { columnPrefix: 'Bad Prefix' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/columnPrefix/);
    expect((await post('/api/ops/settings/set', { softDeleteRetentionDays: 90 })).json()).toMatchObject({ softDeleteRetentionDays: 90, columnPrefix: 'exn_' });
  });

  it('refuses requests for a foreign Host header (DNS rebinding)', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/ops/node/info', payload: {}, headers: { host: 'evil.example:7420' } });
    expect(res.statusCode).toBe(403);
  });

  it('keeps an intact, verifiable audit chain', async () => {
    expect(await engine.audit.verify()).toMatchObject({ ok: true, firstBroken: null });
    await engine.db('audit_events').where({ seq: 1 }).update({ actor: 'mallory' });
    expect(await engine.audit.verify()).toMatchObject({ ok: false, firstBroken: 1 });
  });
});

describe('HTTP API with a session secret (desktop shell)', () => {
  it('requires the launch secret besides a signed-in session', async () => {
    const tmp = tempDir();
    const token = await signIn(tmp.dir, 'sysadmin');
    const engine = await Engine.open({ dataDir: tmp.dir });
    const app = await buildApp({ engine, consoleDir: '/nonexistent', sessionSecret: 'launch-secret' });
    try {
      const json = { 'content-type': 'application/json' };
      const noSecret = await app.inject({ method: 'POST', url: '/api/ops/node/info', payload: {}, headers: { authorization: `Bearer ${token}` } });
      expect(noSecret.statusCode).toBe(401);
      const noSession = await app.inject({ method: 'POST', url: '/api/ops/node/info', payload: {}, headers: { ...json, 'x-exnode-launch': 'launch-secret' } });
      expect(noSession.statusCode).toBe(401);
      const ok = await app.inject({ method: 'POST', url: '/api/ops/node/info', payload: {}, headers: { 'x-exnode-launch': 'launch-secret', authorization: `Bearer ${token}` } });
      expect(ok.statusCode).toBe(200);
    } finally {
      await app.close();
      await engine.close();
      tmp.remove();
    }
  });
});
