import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_OPERATIONS, OPERATION_NAMES, ROLES, operations, rolesAllow, type Role } from '../../../shared/index.js';
import { TEST_ADMINS } from '../../support/node-setup.js';
import { OPERATOR, startHttpNode, type HttpNode } from './http-node.js';

describe('sessions and permissions over HTTP', () => {
  let node: HttpNode;
  const post: HttpNode['post'] = (...args) => node.post(...args);
  const as = (role: Role) => node.as(role);
  const login = (c: { username: string; password: string }) => node.login(c);

  beforeAll(async () => {
    node = await startHttpNode({
      beforeSetup: async (anonymous) => {
        expect((await anonymous('auth/status', {})).json()).toMatchObject({ setupRequired: true, user: null });
        expect((await anonymous('node/info', {})).json().error).toMatchObject({ code: 'UNAUTHENTICATED', key: 'auth.setupRequired' });
      },
    });
  }, 60_000);
  afterAll(async () => node.close());

  it('a second setup is refused', async () => {
    expect((await post('auth/setup', TEST_ADMINS)).json().error.code).toBe('CONFLICT');
  });

  it('allows or refuses every operation of the contract for every role, as its declared permission says', async () => {
    // The body is a number: every input schema refuses it, so an allowed call answers 400 and does nothing.
    for (const op of OPERATION_NAMES) {
      for (const role of ROLES) {
        const res = await post(op, 42, as(role));
        const allowed = ANONYMOUS_OPERATIONS.has(op) || rolesAllow([role], operations[op].permission);
        expect({ op, role, status: res.statusCode }).toEqual({ op, role, status: allowed ? 400 : 403 });
        if (!allowed) expect(res.json().error.code).toBe('FORBIDDEN');
      }
    }
  }, 60_000);

  it('refuses calls without a session with 401, events included', async () => {
    for (const op of OPERATION_NAMES.filter((o) => !ANONYMOUS_OPERATIONS.has(o))) {
      const res = await post(op, {});
      expect({ op, status: res.statusCode }).toEqual({ op, status: 401 });
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
    const events = await node.app.inject({ method: 'GET', url: '/api/events', headers: { host: 'localhost' } });
    expect(events.statusCode).toBe(401);
    expect((await post('node/info', {}, { authorization: 'Bearer forged-token' })).statusCode).toBe(401);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await post('auth/login', { username: 'nobody', password: 'Whatever-pw-1' });
    const wrong = await post('auth/login', { username: 'auditor', password: 'Whatever-pw-1' });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('ends a revoked session at once', async () => {
    const token = await login(TEST_ADMINS.auditor);
    expect((await post('audit/verify', {}, { authorization: `Bearer ${token}` })).statusCode).toBe(200);
    expect((await post('users/revokeSessions', { username: 'auditor' }, as('secadmin'))).json().revoked).toBeGreaterThan(0);
    expect((await post('audit/verify', {}, { authorization: `Bearer ${token}` })).statusCode).toBe(401);
    node.tokens.auditor = await login(TEST_ADMINS.auditor);
  });

  it('keeps the console session in an HttpOnly SameSite=Strict cookie and requires the CSRF token', async () => {
    const res = await post('auth/login', TEST_ADMINS.sysadmin);
    expect(res.json().token).toBeUndefined();
    const cookies = res.cookies as { name: string; value: string; httpOnly?: boolean; sameSite?: string }[];
    const session = cookies.find((c) => c.name === 'exnode_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const cookie = `exnode_session=${session.value}`;
    expect((await post('node/info', {}, { cookie })).statusCode).toBe(403);
    expect((await post('node/info', {}, { cookie, 'x-csrf-token': 'guess' })).statusCode).toBe(403);
    expect((await post('node/info', {}, { cookie, 'x-csrf-token': res.json().csrfToken })).statusCode).toBe(200);
    // A page on another origin can only send a "simple" request: no JSON content type, or no body at all.
    const noBody = await node.app.inject({ method: 'POST', url: '/api/ops/settings/set', headers: { host: 'localhost', cookie } });
    expect(noBody.statusCode).toBeGreaterThanOrEqual(400);
    const textPlain = await node.app.inject({ method: 'POST', url: '/api/ops/settings/set', headers: { host: 'localhost', cookie, 'content-type': 'text/plain' }, payload: '{"runnerConcurrency":9}' });
    expect(textPlain.statusCode).toBeGreaterThanOrEqual(400);
    expect((await node.engine.settings.all()).runnerConcurrency).not.toBe(9);
  });

  it('refuses hostile Host headers', async () => {
    const hostile = ['localhost:1@evil.com', 'evil.com', 'localhost.evil.com', 'evil.com#localhost', 'localhost:80:80', 'localhost:abc',
      '127.0.0.1.nip.io', 'localhost evil.com', '[::1]evil.com', 'localhost:99999', 'xn--localhost', '127.0.0.1:7420/', '@localhost'];
    for (const host of hostile) {
      const res = await post('auth/status', {}, { host });
      expect({ host, status: res.statusCode }).toEqual({ host, status: 403 });
    }
    for (const host of ['localhost', 'LOCALHOST:7420', '127.0.0.1:7420', '[::1]:7420']) {
      expect({ host, status: (await post('auth/status', {}, { host })).statusCode }).toEqual({ host, status: 200 });
    }
  });

  it('answers 413 to a huge body and 404 to path traversal', async () => {
    const big = await node.app.inject({ method: 'POST', url: '/api/ops/node/info', headers: { host: 'localhost', 'content-type': 'application/json', ...as('sysadmin') }, payload: `{"x":"${'a'.repeat(11 * 1024 * 1024)}"}` });
    expect(big.statusCode).toBe(413);
    for (const url of ['/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%5c..%5cstate.sqlite', '/%00']) {
      const res = await node.app.inject({ method: 'GET', url, headers: { host: 'localhost' } });
      // Either not found, or the console's own page (the router's fallback): never a file outside the console folder, never 500.
      const outcome = res.statusCode === 200 && res.body.includes('<title>ExNode') ? 'console page' : res.statusCode;
      expect({ url, outcome }).toEqual({ url, outcome: url.startsWith('/..') ? 404 : expect.toBeOneOf([400, 404, 'console page']) });
      expect(res.body).not.toContain('root:');
    }
  });

  it('refuses user names that look like existing ones, and bad input, storing nothing', async () => {
    const before = (await post('users/list', {}, as('secadmin'))).json().length;
    const bad = ['ｏｐ－ｚｈａｏ', 'OP-ZHAO', 'op_zhao', '0p-zhao', 'op-zhao\u0000', 'a', 'x'.repeat(65), "o'; DROP TABLE accounts;--", '<script>alert(1)</script>', 'аdmin', 'tab\tname', 'op\u200bzhao'];
    for (const username of bad) {
      const res = await post('users/add', { username, role: 'viewer', password: 'Good-pass-w0rd' }, as('secadmin'));
      expect({ username, status: res.statusCode }).not.toEqual({ username, status: 200 });
      expect(res.statusCode).toBeLessThan(500);
    }
    expect((await post('users/add', { username: 'sysadmin2', role: 'sysadmin', password: 'Good-pass-w0rd' }, as('secadmin'))).statusCode).toBe(400);
    expect((await post('users/list', {}, as('secadmin'))).json().length).toBe(before);
  });

  it('audits sign-ins, refusals and account changes with who, how and from where', async () => {
    const records = (await post('audit/list', { limit: 5000 }, as('auditor'))).json().records as { actor: string; operation: string; outcome: string; shell: string; address: string }[];
    expect(records.some((r) => r.operation === 'auth/login' && r.outcome === 'failed' && r.actor === 'nobody')).toBe(true);
    expect(records.some((r) => r.operation === 'users/add' && r.actor === 'secadmin' && r.outcome === 'ok' && r.shell === 'api' && r.address === '127.0.0.1')).toBe(true);
    expect(records.some((r) => r.outcome === 'denied' && r.actor === 'viewer-qian')).toBe(false);
    expect(records.some((r) => r.outcome === 'denied' && r.actor === 'view-qian')).toBe(true);
    expect(JSON.stringify(records)).not.toContain(OPERATOR.password);
    expect(JSON.stringify(records)).not.toContain(TEST_ADMINS.sysadmin.password);
  });
});
