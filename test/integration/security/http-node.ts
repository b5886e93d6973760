import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../../shared/index.js';
import { Engine } from '../../../electron/engine/engine.js';
import { buildApp } from '../../../electron/server/app.js';
import { tempDir } from '../../support/temp.js';
import { TEST_ADMINS } from '../../support/node-setup.js';

export const OPERATOR = { username: 'op-zhao', password: 'Oper-ator-pw1' };
export const VIEWER = { username: 'view-qian', password: 'View-er-pw-1' };

export interface HttpNode {
  readonly dataDir: string;
  readonly tmpDir: string;
  readonly engine: Engine;
  readonly app: FastifyInstance;
  /** A bearer token per role, each of its own account (operator and viewer have changed their first password). */
  readonly tokens: Record<Role, string>;
  post(op: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  as(role: Role): Record<string, string>;
  login(c: { username: string; password: string }): Promise<string>;
  close(): Promise<void>;
}

/**
 * A node served over HTTP (in process, `inject`), set up with the three administrators, an operator and a viewer.
 * `beforeSetup` sees the node while it still has no account.
 */
export async function startHttpNode(options: { beforeSetup?: (post: HttpNode['post']) => Promise<void> } = {}): Promise<HttpNode> {
  const tmp = tempDir();
  const consoleDir = path.join(tmp.dir, 'console');
  fs.mkdirSync(consoleDir);
  fs.writeFileSync(path.join(consoleDir, 'index.html'), '<!doctype html><title>ExNode</title>');
  const dataDir = path.join(tmp.dir, 'data');
  const engine = await Engine.open({ dataDir });
  const app = await buildApp({ engine, consoleDir, allowedHosts: ['127.0.0.1', 'localhost', '[::1]'] });
  const tokens = {} as Record<Role, string>;
  const post = (op: string, body: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: `/api/ops/${op}`, headers: { host: '127.0.0.1:7420', 'content-type': 'application/json', ...headers }, payload: JSON.stringify(body) });
  const as = (role: Role) => ({ authorization: `Bearer ${tokens[role]}` });
  const login = async (c: { username: string; password: string }) => {
    const res = await post('auth/login', { ...c, bearer: true });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().token as string;
  };
  await options.beforeSetup?.(post);
  expect((await post('auth/setup', TEST_ADMINS)).statusCode).toBe(200);
  for (const role of ['sysadmin', 'secadmin', 'auditor'] as const) tokens[role] = await login(TEST_ADMINS[role]);
  for (const [role, c] of [['operator', OPERATOR], ['viewer', VIEWER]] as const) {
    expect((await post('users/add', { ...c, role }, as('secadmin'))).statusCode).toBe(200);
    const first = await login(c);
    const refused = await post('node/info', {}, { authorization: `Bearer ${first}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.key).toBe('auth.mustChangePassword');
    expect((await post('auth/changePassword', { current: c.password, next: `${c.password}x` }, { authorization: `Bearer ${first}` })).statusCode).toBe(200);
    tokens[role] = await login({ username: c.username, password: `${c.password}x` });
  }
  return {
    dataDir, tmpDir: tmp.dir, engine, app, tokens, post, as, login,
    close: async () => {
      await app.close();
      await engine.close();
      tmp.remove();
    },
  };
}
