import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exnode } from '../../support/cli.js';
import { signIn } from '../../support/node-setup.js';
import { tempDir } from '../../support/temp.js';
import { OPERATOR, startHttpNode, type HttpNode } from './http-node.js';

interface Listed { id: string; user: string; roles: string[]; shell: string; address: string | null; current: boolean; startedAt: string; lastSeenAt: string }

describe('open sessions: the security administrator sees and revokes any, each account its own', () => {
  let node: HttpNode;
  beforeAll(async () => {
    node = await startHttpNode();
  }, 60_000);
  afterAll(async () => node.close());

  it('lists every open session for the security administrator, without tokens', async () => {
    const res = await node.post('sessions/list', {}, node.as('secadmin'));
    expect(res.statusCode).toBe(200);
    const list = res.json() as Listed[];
    expect(new Set(list.map((s) => s.user))).toEqual(new Set(['sysadmin', 'secadmin', 'auditor', 'op-zhao', 'view-qian']));
    const mine = list.filter((s) => s.current);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ user: 'secadmin', roles: ['secadmin'], shell: 'api', address: '127.0.0.1' });
    for (const s of list) expect(s.id).toMatch(/^[0-9a-f]{16}$/);
    // The operator's first session (its forced password change) and the one after it.
    expect(list.filter((s) => s.user === 'op-zhao')).toHaveLength(2);
    const body = JSON.stringify(list);
    for (const token of Object.values(node.tokens)) expect(body).not.toContain(token);
  });

  it('revokes one session at once, leaving the account\'s other sessions open, and records it', async () => {
    const second = await node.login({ username: OPERATOR.username, password: `${OPERATOR.password}x` });
    const list = (await node.post('sessions/list', {}, node.as('secadmin'))).json() as Listed[];
    const operatorSessions = list.filter((s) => s.user === 'op-zhao');
    expect(operatorSessions).toHaveLength(3);
    const target = operatorSessions[0]!; // newest first: the second sign-in
    expect((await node.post('sessions/revoke', { id: target.id }, node.as('secadmin'))).json()).toEqual({ ok: true });
    expect((await node.post('node/info', {}, { authorization: `Bearer ${second}` })).statusCode).toBe(401);
    expect((await node.post('node/info', {}, node.as('operator'))).statusCode).toBe(200);
    expect((await node.post('sessions/revoke', { id: target.id }, node.as('secadmin'))).json().error).toMatchObject({ code: 'NOT_FOUND', key: 'security.sessionNotFound' });
    const audit = (await node.post('audit/list', { limit: 5000 }, node.as('auditor'))).json().records as { operation: string; actor: string; outcome: string; detail: unknown }[];
    expect(audit.some((r) => r.operation === 'sessions/revoke' && r.actor === 'secadmin' && r.outcome === 'ok')).toBe(true);
  });

  it('lets every account see and end only its own sessions', async () => {
    const extra = await node.login({ username: OPERATOR.username, password: `${OPERATOR.password}x` });
    const mine = (await node.post('sessions/mine', {}, node.as('operator'))).json() as Listed[];
    expect(mine.map((s) => s.user)).toEqual(['op-zhao', 'op-zhao', 'op-zhao']);
    const viewerSession = ((await node.post('sessions/mine', {}, node.as('viewer'))).json() as Listed[])[0]!;
    // Another account's session: not found for the operator (whose sessions/end only reaches its own), forbidden via revoke.
    expect((await node.post('sessions/end', { id: viewerSession.id }, node.as('operator'))).statusCode).toBe(404);
    expect((await node.post('sessions/revoke', { id: viewerSession.id }, node.as('operator'))).statusCode).toBe(403);
    expect((await node.post('sessions/list', {}, node.as('operator'))).statusCode).toBe(403);
    expect((await node.post('node/info', {}, node.as('viewer'))).statusCode).toBe(200);
    const other = mine[0]!;
    expect(other.current).toBe(false);
    expect((await node.post('sessions/end', { id: other.id }, node.as('operator'))).json()).toEqual({ ok: true });
    expect((await node.post('node/info', {}, { authorization: `Bearer ${extra}` })).statusCode).toBe(401);
  });

  it('a password change ends the account\'s other sessions (a stolen token stops working), not the one that made it', async () => {
    const password = `${OPERATOR.password}x`;
    const a = await node.login({ username: OPERATOR.username, password });
    const b = await node.login({ username: OPERATOR.username, password });
    expect((await node.post('auth/changePassword', { current: password, next: `${password}y` }, { authorization: `Bearer ${a}` })).statusCode).toBe(200);
    expect((await node.post('node/info', {}, { authorization: `Bearer ${b}` })).statusCode).toBe(401);
    expect((await node.post('node/info', {}, node.as('operator'))).statusCode).toBe(401);
    expect((await node.post('node/info', {}, { authorization: `Bearer ${a}` })).statusCode).toBe(200);
    expect(((await node.post('sessions/mine', {}, { authorization: `Bearer ${a}` })).json() as Listed[]).map((s) => s.current)).toEqual([true]);
  });

  it('refuses hostile session ids without touching anything', async () => {
    for (const id of ['%', '_______________%', "' OR 1=1 --", 'a'.repeat(5000), '0123456789ABCDEF', '', 42, null]) {
      const res = await node.post('sessions/revoke', { id }, node.as('secadmin'));
      expect(res.statusCode).toBe(400);
    }
    expect(((await node.post('sessions/list', {}, node.as('secadmin'))).json() as Listed[]).length).toBeGreaterThanOrEqual(5);
  });
});

describe('sessions through the CLI', () => {
  const tmp = tempDir();
  const dataDir = path.join(tmp.dir, 'data');
  afterAll(() => tmp.remove());

  it('lists and revokes', async () => {
    const auditor = await signIn(dataDir, 'auditor');
    const secadmin = { EXNODE_TOKEN: await signIn(dataDir, 'secadmin') };
    const all = await exnode(['--data-dir', dataDir, 'session', 'list', '--all', '--json'], { env: secadmin });
    expect(all.code, all.stderr).toBe(0);
    const list = JSON.parse(all.stdout) as Listed[];
    const target = list.find((s) => s.user === 'auditor')!;
    expect(target.shell).toBe('cli');
    expect((await exnode(['--data-dir', dataDir, 'session', 'list', '--all'], { env: { EXNODE_TOKEN: auditor } })).code).not.toBe(0);
    expect((await exnode(['--data-dir', dataDir, 'session', 'revoke', target.id, '--json'], { env: secadmin })).code).toBe(0);
    const refused = await exnode(['--data-dir', dataDir, 'session', 'list'], { env: { EXNODE_TOKEN: auditor } });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('UNAUTHENTICATED');
  }, 120_000);
});
