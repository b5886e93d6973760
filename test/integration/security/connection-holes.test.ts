import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../electron/engine/engine.js';
import { tempDir } from '../../support/temp.js';
import { TEST_ACTOR } from '../../support/actors.js';

/**
 * A fake PostgreSQL server that asks for a cleartext password and records what it receives: the
 * probe that showed stored passwords going to any host.
 */
function passwordCatcher(): Promise<{ port: number; received: string[]; close: () => void }> {
  const received: string[] = [];
  const server = net.createServer((socket) => {
    socket.once('data', () => {
      // AuthenticationCleartextPassword: 'R', length 8, code 3.
      socket.write(Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]));
      socket.on('data', (d) => {
        if (d[0] === 0x70) received.push(d.subarray(5, d.length - 1).toString('utf8'));
        socket.destroy();
      });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as net.AddressInfo).port, received, close: () => server.close() })));
}

describe('connections cannot be turned against stored secrets or the node itself', () => {
  const tmp = tempDir();
  const dataDir = path.join(tmp.dir, 'data');
  let engine: Engine;
  const call = (op: string, input: unknown) => engine.call(op, input, TEST_ACTOR);

  beforeAll(async () => {
    engine = await Engine.open({ dataDir });
  });
  afterAll(async () => {
    await engine.close();
    tmp.remove();
  });

  it('never sends a stored password to a host other than the one it was saved with', async () => {
    const catcher = await passwordCatcher();
    try {
      await call('connections/save', { config: { name: 'hr', dialect: 'postgres', host: '127.0.0.1', port: 5999, database: 'hr', user: 'hr', password: 'Stored-secret-9' } });
      await expect(call('connections/test', { config: { name: 'hr', dialect: 'postgres', host: '127.0.0.1', port: catcher.port, database: 'hr', user: 'hr' } }))
        .rejects.toMatchObject({ ref: { key: 'connections.retypePassword' } });
      expect(catcher.received).not.toContain('Stored-secret-9');
      // Saving the new address without a password drops the stored one instead of carrying it over.
      await call('connections/save', { config: { name: 'hr', dialect: 'postgres', host: '127.0.0.1', port: catcher.port, database: 'hr', user: 'hr' }, replace: true });
      expect((await call('connections/get', { name: 'hr' }))).toMatchObject({ hasPassword: false });
      await call('connections/test', { name: 'hr' }).catch(() => undefined);
      expect(catcher.received).not.toContain('Stored-secret-9');
    } finally {
      catcher.close();
    }
  });

  it('reads passwords only from EXNODE_PW_* variables, never the engine\'s own', async () => {
    for (const passwordEnv of ['EXNODE_CREDENTIAL_KEY', 'EXNODE_SESSION_SECRET', 'HOME', 'PATH']) {
      await expect(call('connections/test', { config: { name: 'x', dialect: 'postgres', host: '127.0.0.1', port: 1, database: 'x', user: 'x', passwordEnv } }))
        .rejects.toMatchObject({ code: 'INVALID_INPUT', ref: { key: 'connections.passwordEnvPrefix' } });
      await expect(call('connections/save', { config: { name: 'x', dialect: 'postgres', host: '127.0.0.1', port: 1, database: 'x', user: 'x', passwordEnv } }))
        .rejects.toMatchObject({ ref: { key: 'connections.passwordEnvPrefix' } });
    }
  });

  it('refuses SQLite connections to the state database, key files and other internals of the data directory', async () => {
    for (const file of ['state.sqlite', 'credential.key', 'audit.key', 'audit.checkpoint', 'exchange.sqlite', 'new-file.sqlite', 'files/../state.sqlite']) {
      const filename = path.join(dataDir, file);
      await expect(call('connections/save', { config: { name: 'evil', dialect: 'sqlite', filename } })).rejects.toMatchObject({ code: 'FORBIDDEN', ref: { key: 'connections.internalFile' } });
      await expect(call('connections/test', { config: { name: 'evil', dialect: 'sqlite', filename } })).rejects.toMatchObject({ code: 'FORBIDDEN', ref: { key: 'connections.internalFile' } });
    }
    await expect(call('connections/save', { config: { name: 'ok', dialect: 'sqlite', filename: path.join(dataDir, 'files', 'biz.sqlite') } })).resolves.toMatchObject({ name: 'ok' });
  });

  it('records connection tests (reads that may touch personal data) in the audit log, refused ones included', async () => {
    await call('connections/test', { name: 'ok' });
    const rows = (await engine.db('audit_events').where({ operation: 'connections/test' })) as { outcome: string; actor: string; detail_json: string }[];
    expect(rows.some((r) => r.outcome === 'ok' && r.actor === TEST_ACTOR.name)).toBe(true);
    expect(rows.some((r) => r.outcome === 'failed')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('Stored-secret-9');
  });
});
