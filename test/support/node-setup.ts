import { Engine } from '../../electron/engine/engine.js';
import { anonymous } from '../../electron/engine/actor.js';
import { allowTempSqliteFiles } from './sqlite-dirs.js';

/** The three administrators every test node is set up with (passwords follow the default policy). */
export const TEST_ADMINS = Object.freeze({
  sysadmin: { username: 'sysadmin', password: 'Sys-admin-pw-1' },
  secadmin: { username: 'secadmin', password: 'Sec-admin-pw-1' },
  auditor: { username: 'auditor', password: 'Audit-or-pw-1' },
});

/**
 * Makes a node's data directory ready for CLI tests: sets up the three administrators (once) and
 * signs in as the system administrator. Returns the environment every `exnode` command of the test
 * passes (`exnode(args, { env })`): EXNODE_TOKEN of that session.
 */
export async function readyNode(dataDir: string): Promise<NodeJS.ProcessEnv> {
  return { EXNODE_TOKEN: await signIn(dataDir, 'sysadmin') };
}

/** A session token of one of the test administrators on the node at `dataDir`, setting the node up first if needed. */
export async function signIn(dataDir: string, who: keyof typeof TEST_ADMINS): Promise<string> {
  const engine = await Engine.open({ dataDir });
  try {
    if (await engine.auth.setupRequired()) {
      await engine.call('auth/setup', TEST_ADMINS, anonymous('cli'));
      await allowTempSqliteFiles(engine);
    }
    const result = await engine.call('auth/login', { ...TEST_ADMINS[who], bearer: true }, anonymous('cli'));
    return result.token!;
  } finally {
    await engine.close();
  }
}
