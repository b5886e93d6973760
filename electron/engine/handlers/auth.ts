import { ExNodeError, msg } from '../../../shared/index.js';
import type { authOps } from '../../../shared/ops/auth.js';
import type { usersOps } from '../../../shared/ops/users.js';
import { isAnonymous } from '../actor.js';
import { rolesOf } from '../auth/accounts.js';
import type { HandlersFor } from './types.js';

const OK = { ok: true as const };

/** Sign-in, sessions and setup; the caller comes from the session, never from the body. */
export const authHandlers: HandlersFor<typeof authOps> = {
  'auth/status': async (_input, s, actor) => ({
    setupRequired: await s.auth.setupRequired(),
    user: isAnonymous(actor) ? null : { name: actor.name, roles: [...actor.roles], mustChangePassword: actor.mustChangePassword ?? false },
  }),
  'auth/setup': async (input, s) => {
    await s.auth.setup(input);
    return OK;
  },
  'auth/login': async (input, s, actor) => {
    const signIn = await s.auth.login(input, actor.shell, actor.address);
    return { user: signIn.user, expiresAt: signIn.expiresAt, csrfToken: signIn.csrfToken, token: signIn.token };
  },
  'auth/logout': async (_input, s, actor) => {
    await s.auth.logout(actor);
    return OK;
  },
  'auth/whoami': async (_input, _s, actor) => ({ name: actor.name, roles: [...actor.roles], mustChangePassword: actor.mustChangePassword ?? false }),
  'auth/changePassword': async (input, s, actor) => {
    await s.auth.changePassword(actor, input.current, input.next);
    return OK;
  },
};

/** The security administrator's account work. */
export const usersHandlers: HandlersFor<typeof usersOps> = {
  'users/list': async (_input, s) => s.auth.accounts.list(),
  'users/add': async (input, s) => {
    await s.auth.addAccount(input.username, input.role, input.password);
    const name = input.username.normalize('NFKC').trim();
    const view = (await s.auth.accounts.list()).find((a) => a.name === name);
    if (!view) throw new ExNodeError('NOT_FOUND', msg('users.notFound', { name }));
    return view;
  },
  'users/lock': async (input, s, actor) => {
    const row = await s.auth.guardTarget(actor, input.username, true);
    await s.auth.accounts.update(row.name, { locked: true });
    await s.auth.sessions.revokeAll(row.name, s.auth.clock());
    return OK;
  },
  'users/unlock': async (input, s, actor) => {
    const row = await s.auth.guardTarget(actor, input.username, false);
    await s.auth.accounts.update(row.name, { locked: false, locked_until: null, failed_count: 0 });
    return OK;
  },
  'users/reset': async (input, s, actor) => {
    const row = await s.auth.guardTarget(actor, input.username, false);
    await s.auth.accounts.setPassword(row.name, input.password, await s.auth.policy.get(), true);
    await s.auth.sessions.revokeAll(row.name, s.auth.clock());
    return OK;
  },
  'users/revokeSessions': async (input, s, actor) => {
    const row = await s.auth.guardTarget(actor, input.username, false);
    return { revoked: await s.auth.sessions.revokeAll(row.name, s.auth.clock()) };
  },
  'users/remove': async (input, s, actor) => {
    const row = await s.auth.guardTarget(actor, input.username, true);
    if (rolesOf(row).length === 0) throw new ExNodeError('NOT_FOUND', msg('users.notFound', { name: row.name }));
    await s.auth.accounts.remove(row.name);
    return OK;
  },
  'security/getPolicy': async (_input, s) => s.auth.policy.get(),
  'security/setPolicy': async (input, s) => s.auth.policy.set(input),
};
