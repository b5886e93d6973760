import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine.js';
import { exnode } from '../../support/cli.js';
import { signIn } from '../../support/node-setup.js';
import { tempDir } from '../../support/temp.js';
import { startHttpNode, type HttpNode } from './http-node.js';

interface Row { actor: string; target: string | null; outcome: string; shell: string | null; address: string | null; detail_json: string | null }

describe('refused callers without a session are audited, and a flood cannot fill the audit log', () => {
  let node: HttpNode;
  const refusals = async (): Promise<Row[]> => (await node.engine.db('audit_events').where({ operation: 'auth/unauthenticated' }).orderBy('seq')) as Row[];
  const anonymousCall = (op: string, remoteAddress: string, headers: Record<string, string> = {}) =>
    node.app.inject({ method: 'POST', url: `/api/ops/${op}`, remoteAddress, headers: { host: 'localhost', 'content-type': 'application/json', ...headers }, payload: '{}' });

  beforeAll(async () => {
    node = await startHttpNode();
  }, 60_000);
  afterAll(async () => node.close());

  it('records the first 401 of an address at once, with address and shell, and the rest of the minute as one count', async () => {
    for (let i = 0; i < 300; i++) expect((await anonymousCall(i % 2 ? 'connections/list' : 'node/info', '10.9.8.7')).statusCode).toBe(401);
    expect((await anonymousCall('node/info', '10.9.8.7', { authorization: 'Bearer forged-token' })).statusCode).toBe(401);
    expect((await node.app.inject({ method: 'GET', url: '/api/events', remoteAddress: '10.9.8.7', headers: { host: 'localhost' } })).statusCode).toBe(401);
    const first = (await refusals()).filter((r) => r.address === '10.9.8.7');
    expect(first.map((r) => [r.shell, r.target, r.outcome])).toEqual([['console', '/api/ops/node/info', 'denied'], ['api', '/api/ops/node/info', 'denied']]);
    await node.engine.unauthenticated.flush(true);
    const all = (await refusals()).filter((r) => r.address === '10.9.8.7');
    expect(all).toHaveLength(3);
    const summary = JSON.parse(all[2]!.detail_json!) as { repeated: number; operations: string[] };
    expect(summary.repeated).toBe(300);
    expect(summary.operations.sort()).toEqual(['/api/events', '/api/ops/connections/list', '/api/ops/node/info']);
  });

  it('keeps to a bounded number of records when the flood comes from many addresses', async () => {
    const before = (await refusals()).length;
    for (let i = 0; i < 400; i++) await anonymousCall('node/info', `10.7.${i >> 8}.${i & 255}`);
    await node.engine.unauthenticated.flush(true);
    const added = (await refusals()).slice(before);
    expect(added.length).toBeLessThanOrEqual(52);
    const many = added.filter((r) => r.address === '*');
    expect(many).toHaveLength(2);
    expect((JSON.parse(many[1]!.detail_json!) as { repeated: number }).repeated).toBe(400 - 51);
  });

  it('counts rate-limited sign-ins instead of recording each', async () => {
    const audited = async () => Number((await node.engine.db('audit_events').where('operation', 'like', 'auth/%').count({ n: '*' }).first())?.n);
    const before = await audited();
    for (let i = 0; i < 200; i++) {
      await node.app.inject({ method: 'POST', url: '/api/ops/auth/login', remoteAddress: '10.5.5.5', headers: { host: 'localhost', 'content-type': 'application/json' }, payload: JSON.stringify({ username: `nobody${i}`, password: 'Wrong-pass-1' }) });
    }
    await node.engine.unauthenticated.flush(true);
    // 20 attempts a minute per address are answered (and recorded as failed sign-ins); the other 180 make two records.
    expect((await audited()) - before).toBeLessThanOrEqual(22);
    const limited = (await refusals()).filter((r) => r.address === '10.5.5.5');
    expect(limited.map((r) => r.target)).toEqual(['auth/login (rate-limited)', null]);
    expect((JSON.parse(limited[1]!.detail_json!) as { repeated: number }).repeated).toBe(179);
  });

  it('the audit chain still verifies after the flood', async () => {
    expect((await node.post('audit/verify', {}, node.as('auditor'))).json()).toMatchObject({ ok: true });
  });
});

describe('a CLI command without a login is audited as such', () => {
  const tmp = tempDir();
  const dataDir = path.join(tmp.dir, 'data');
  afterAll(() => tmp.remove());

  it('records shell cli', async () => {
    await signIn(dataDir, 'auditor');
    const res = await exnode(['--data-dir', dataDir, 'connection', 'list'], { env: { EXNODE_TOKEN: '' } });
    expect(res.code).not.toBe(0);
    const engine = await Engine.open({ dataDir });
    try {
      const rows = (await engine.db('audit_events').where({ operation: 'auth/unauthenticated' })) as Row[];
      expect(rows.map((r) => [r.shell, r.target])).toEqual([['cli', 'connections/list']]);
    } finally {
      await engine.close();
    }
  }, 120_000);
});
