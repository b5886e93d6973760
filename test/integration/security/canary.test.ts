import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Engine } from '../../../electron/engine/engine.js';
import { buildApp } from '../../../electron/server/app.js';
import { tempDir } from '../../support/temp.js';
import { signIn } from '../../support/node-setup.js';
import { MYSQL_DB } from '../../support/servers.js';

const CANARY = 'Canary-Pw-7f3e9a1c';

/** A connection password goes in once; it must come out nowhere: responses, errors, audit, exports, files of the data directory. */
describe('a canary connection password', () => {
  const tmp = tempDir();
  const dataDir = path.join(tmp.dir, 'data');
  let engine: Engine;
  let app: FastifyInstance;
  const captured: string[] = [];
  const tokens: Record<string, string> = {};
  const post = async (op: string, body: unknown, who: string) => {
    const res = await app.inject({ method: 'POST', url: `/api/ops/${op}`, headers: { host: 'localhost', 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` }, payload: JSON.stringify(body) });
    captured.push(res.body, JSON.stringify(res.headers));
    return res;
  };

  beforeAll(async () => {
    tokens.sysadmin = await signIn(dataDir, 'sysadmin');
    tokens.auditor = await signIn(dataDir, 'auditor');
    engine = await Engine.open({ dataDir });
    app = await buildApp({ engine, consoleDir: '/nonexistent', allowedHosts: ['localhost'] });
  });
  afterAll(async () => {
    await app.close();
    await engine.close();
    tmp.remove();
  });

  it('appears in no response, audit record, export or file of the data directory', async () => {
    const config = { name: 'hr', dialect: 'mysql', host: '127.0.0.1', port: 3306, database: MYSQL_DB, user: 'exnode_canary_user', password: CANARY };
    expect((await post('connections/save', { config }, 'sysadmin')).statusCode).toBe(200);
    await post('connections/test', { config }, 'sysadmin');
    await post('connections/test', { name: 'hr' }, 'sysadmin');
    await post('connections/get', { name: 'hr' }, 'sysadmin');
    await post('connections/list', {}, 'sysadmin');
    await post('connections/tables', { name: 'hr' }, 'sysadmin');
    await post('connections/save', { config: { ...config, password: undefined, host: 'localhost' }, replace: true }, 'sysadmin');
    await post('connections/save', { config: { ...config, name: 'hr2', port: 'not-a-port' } }, 'sysadmin');
    await post('audit/list', { limit: 5000 }, 'auditor');
    for (const format of ['csv', 'xlsx']) {
      const res = await post('audit/export', { format, filter: {} }, 'auditor');
      captured.push(Buffer.from(res.json().base64, 'base64').toString('latin1'));
    }
    await engine.close();
    const files: string[] = [];
    const walk = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : files.push(path.join(dir, e.name))));
    walk(dataDir);
    expect(files.some((f) => f.endsWith('state.sqlite'))).toBe(true);
    for (const f of files) expect({ f, leaked: fs.readFileSync(f).includes(CANARY) }).toEqual({ f, leaked: false });
    for (const text of captured) expect(text).not.toContain(CANARY);
    engine = await Engine.open({ dataDir });
  });
});
