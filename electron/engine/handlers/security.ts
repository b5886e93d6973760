import type { securityOps } from '../../../shared/ops/security.js';
import type { HandlersFor } from './types.js';

const OK = { ok: true as const };

/** Open sessions (each account its own, the security administrator all) and the SQLite file directories. */
export const securityHandlers: HandlersFor<typeof securityOps> = {
  'sessions/mine': async (_input, s, actor) => s.auth.openSessions(actor, actor.name),
  'sessions/end': async (input, s, actor) => {
    await s.auth.endSession(input.id, actor.name);
    return OK;
  },
  'sessions/list': async (_input, s, actor) => s.auth.openSessions(actor),
  'sessions/revoke': async (input, s) => {
    await s.auth.endSession(input.id);
    return OK;
  },
  'files/sqliteDirs': async (_input, s) => ({ dirs: [...s.sqliteDirs.list()] }),
  'files/setSqliteDirs': async (input, s) => ({ dirs: [...(await s.sqliteDirs.set(input.dirs))] }),
};
