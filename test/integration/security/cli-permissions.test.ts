import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS_OPERATIONS, OPERATION_NAMES, ROLES, operations, rolesAllow, type OperationName, type Role } from '../../../shared/index.js';
import { inProcessSession } from '../../../electron/server/cli/in-process.js';
import { remoteApi } from '../../../electron/server/cli/remote.js';
import type { CliApi } from '../../../electron/server/cli/context.js';
import { startHttpNode, type HttpNode } from './http-node.js';

/** What the CLI's API answers to `op` with an input every schema refuses: allowed → INVALID_INPUT, refused → FORBIDDEN. */
async function outcome(api: CliApi, op: OperationName): Promise<string> {
  try {
    await api.call(op, 42);
    return 'ran';
  } catch (error) {
    return (error as { code?: string }).code ?? 'thrown';
  }
}

function expected(op: OperationName, role: Role): string {
  return ANONYMOUS_OPERATIONS.has(op) || rolesAllow([role], operations[op].permission) ? 'INVALID_INPUT' : 'FORBIDDEN';
}

/**
 * The operation × role table of http-auth.test.ts, through the CLI's two ways to the engine: the
 * client of a running service (remote.ts) and the engine opened in the CLI's process (in-process.ts).
 * Generated from the contract, so a CLI path cannot serve what the role may not do.
 */
describe('every operation against every role through the CLI client', () => {
  let node: HttpNode;
  beforeAll(async () => {
    node = await startHttpNode();
  }, 60_000);
  afterAll(async () => {
    fs.rmSync(node.tmpDir, { recursive: true, force: true });
  });

  it('through a running service (the CLI in client mode)', async () => {
    const address = await node.app.listen({ port: 0, host: '127.0.0.1' });
    for (const role of ROLES) {
      const api = remoteApi(`${address}/`, node.tokens[role]);
      for (const op of OPERATION_NAMES) expect({ op, role, got: await outcome(api, op) }).toEqual({ op, role, got: expected(op, role) });
    }
    const nobody = remoteApi(`${address}/`, undefined);
    for (const op of OPERATION_NAMES.filter((o) => !ANONYMOUS_OPERATIONS.has(o))) {
      expect({ op, got: await outcome(nobody, op) }).toEqual({ op, got: 'UNAUTHENTICATED' });
    }
    await node.app.close();
  }, 120_000);

  it('through the engine opened in the CLI\'s own process', async () => {
    await node.engine.close();
    const saved = process.env.EXNODE_TOKEN;
    try {
      for (const role of [...ROLES, 'none'] as const) {
        if (role === 'none') delete process.env.EXNODE_TOKEN;
        else process.env.EXNODE_TOKEN = node.tokens[role];
        await inProcessSession(node.dataDir, 'en', async (api) => {
          for (const op of OPERATION_NAMES) {
            const want = role === 'none' ? (ANONYMOUS_OPERATIONS.has(op) ? 'INVALID_INPUT' : 'UNAUTHENTICATED') : expected(op, role);
            expect({ op, role, got: await outcome(api, op) }).toEqual({ op, role, got: want });
          }
        });
      }
    } finally {
      if (saved === undefined) delete process.env.EXNODE_TOKEN;
      else process.env.EXNODE_TOKEN = saved;
    }
  }, 120_000);
});
