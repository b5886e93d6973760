import { ADMIN_ROLES, ExNodeError, msg, type Role, type SecurityPolicy, type SessionView, type Shell, type SignedInUser } from '../../../shared/index.js';
import type { StateDb } from '../store/db.js';
import type { Actor } from '../actor.js';
import { AccountStore, rolesOf, type AccountRow } from './accounts.js';
import { handleOf, SessionStore } from './sessions.js';
import { PolicyStore } from './policy-store.js';
import { RateLimiter } from './rate-limit.js';
import { decoyHash, passwordMatches } from './passwords.js';

export interface Credentials {
  readonly username: string;
  readonly password: string;
}

export interface SignIn {
  readonly user: SignedInUser;
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly sessionId: string;
}

/** What happened at a sign-in, for the audit log (lockouts are recorded as such). */
export type SignInListener = (event: { name: string; outcome: 'ok' | 'failed' | 'locked' | 'rate-limited'; address?: string; shell: Shell }) => void;

/**
 * Accounts, sessions and the security policy: the engine's answer to "who is calling". The HTTP API
 * and the CLI turn a token into an Actor with `actorForToken`; the scheduler uses `actorFor`.
 */
export class AuthService {
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  readonly policy: PolicyStore;
  private readonly perAddress = new RateLimiter(20, 60_000);
  private readonly perAccount = new RateLimiter(10, 60_000);
  onSignIn: SignInListener = () => undefined;

  constructor(private readonly db: StateDb, private readonly now: () => Date = () => new Date()) {
    this.accounts = new AccountStore(db);
    this.sessions = new SessionStore(db);
    this.policy = new PolicyStore(db);
  }

  async setupRequired(): Promise<boolean> {
    return (await this.accounts.count()) === 0;
  }

  /** Creates the three administrators of a new node, all or none. */
  async setup(admins: Record<'sysadmin' | 'secadmin' | 'auditor', Credentials>): Promise<void> {
    const policy = await this.policy.get();
    await this.db.transaction(async (trx) => {
      if (Number((await trx('accounts').count({ n: '*' }).first())?.n ?? 0) > 0) throw new ExNodeError('CONFLICT', msg('auth.alreadySetUp'));
      for (const role of ADMIN_ROLES) {
        const c = admins[role as 'sysadmin' | 'secadmin' | 'auditor'];
        await this.accounts.create(c.username, [role], c.password, policy, trx);
      }
      // The three chose their passwords themselves: no forced change.
      await trx('accounts').update({ must_change: false });
    });
  }

  /** Checks a password and opens a session. An unknown user and a wrong password get the same answer. */
  async login(c: Credentials, shell: Shell, address?: string): Promise<SignIn> {
    const name = c.username.normalize('NFKC').trim().slice(0, 64);
    const wait = Math.max(this.perAddress.take(`a:${address ?? 'local'}`), this.perAccount.take(`u:${name.toLowerCase()}`));
    if (wait > 0) {
      this.onSignIn({ name, outcome: 'rate-limited', shell, ...(address ? { address } : {}) });
      throw new ExNodeError('FORBIDDEN', msg('auth.rateLimited', { seconds: wait }), { retryable: true });
    }
    const policy = await this.policy.get();
    const row = await this.accounts.find(name);
    const now = this.now();
    if (!row) {
      await passwordMatches(await decoyHash(), c.password);
      this.onSignIn({ name, outcome: 'failed', shell, ...(address ? { address } : {}) });
      throw new ExNodeError('UNAUTHENTICATED', msg('auth.badCredentials'));
    }
    if (row.locked) {
      this.onSignIn({ name, outcome: 'locked', shell, ...(address ? { address } : {}) });
      throw new ExNodeError('UNAUTHENTICATED', msg('auth.lockedByAdmin'));
    }
    if (row.locked_until && row.locked_until > now.toISOString()) {
      this.onSignIn({ name, outcome: 'locked', shell, ...(address ? { address } : {}) });
      throw new ExNodeError('UNAUTHENTICATED', msg('auth.locked', { minutes: minutesUntil(row.locked_until, now) }));
    }
    if (!(await passwordMatches(row.password_hash, c.password))) {
      const failed = row.failed_count + 1;
      const lock = failed >= policy.lockoutFailures;
      await this.accounts.update(row.name, {
        failed_count: lock ? 0 : failed,
        ...(lock ? { locked_until: new Date(now.getTime() + policy.lockoutMinutes * 60_000).toISOString() } : {}),
      });
      this.onSignIn({ name: row.name, outcome: lock ? 'locked' : 'failed', shell, ...(address ? { address } : {}) });
      throw new ExNodeError('UNAUTHENTICATED', msg('auth.badCredentials'));
    }
    await this.accounts.update(row.name, { failed_count: 0, locked_until: null, last_login_at: now.toISOString() });
    const session = await this.sessions.open(row.name, shell, address, now, policy.sessionMaxHours);
    this.onSignIn({ name: row.name, outcome: 'ok', shell, ...(address ? { address } : {}) });
    await this.sessions.prune(now);
    return {
      user: { name: row.name, roles: rolesOf(row), mustChangePassword: mustChange(row, policy, now) },
      token: session.token, csrfToken: session.csrf, expiresAt: session.expiresAt, sessionId: session.id,
    };
  }

  /** The caller behind a session token, or UNAUTHENTICATED (unknown, revoked, idle, expired, account locked or removed). */
  async actorForToken(token: string, shell: Shell, address?: string): Promise<Actor & { csrf: string }> {
    const session = await this.sessions.byToken(token);
    const now = this.now();
    if (!session || session.revoked_at || session.expires_at <= now.toISOString()) throw new ExNodeError('UNAUTHENTICATED', msg('auth.notSignedIn'));
    const policy = await this.policy.get();
    if (now.getTime() - Date.parse(session.last_seen_at) > policy.sessionIdleMinutes * 60_000) {
      await this.sessions.revoke(session.id, now);
      throw new ExNodeError('UNAUTHENTICATED', msg('auth.sessionIdle'));
    }
    const row = await this.accounts.find(session.account);
    if (!row || row.locked || (row.locked_until && row.locked_until > now.toISOString())) throw new ExNodeError('UNAUTHENTICATED', msg('auth.notSignedIn'));
    await this.sessions.touch(session.id, now);
    return {
      name: row.name, roles: rolesOf(row), shell, sessionId: handleOf(session.id), csrf: session.csrf,
      mustChangePassword: mustChange(row, policy, now), ...(address ? { address } : {}),
    };
  }

  /**
   * An account's current roles as an Actor, for work done on its behalf without a session (a scheduled
   * run "as the account that deployed it"). Refuses a locked or removed account.
   */
  async actorFor(username: string, shell: Shell): Promise<Actor> {
    const row = await this.accounts.find(username);
    const now = this.now();
    if (!row) throw new ExNodeError('UNAUTHENTICATED', msg('users.notFound', { name: username }));
    if (row.locked || (row.locked_until && row.locked_until > now.toISOString())) throw new ExNodeError('UNAUTHENTICATED', msg('auth.lockedByAdmin'));
    return { name: row.name, roles: rolesOf(row), shell };
  }

  async logout(actor: Actor): Promise<void> {
    if (!actor.sessionId) return;
    await this.db('sessions').where('id', 'like', `${actor.sessionId}%`).where({ account: actor.name }).update({ revoked_at: this.now().toISOString() });
  }

  /** Open sessions with their account's roles: of `account` only when named (an account's own list). */
  async openSessions(current: Actor, account?: string): Promise<SessionView[]> {
    const rows = await this.sessions.listOpen(this.now(), (await this.policy.get()).sessionIdleMinutes, account);
    const roles = new Map((await this.db('accounts').select('name', 'roles_json') as { name: string; roles_json: string }[]).map((a) => [a.name, JSON.parse(a.roles_json) as Role[]]));
    return rows.filter((r) => roles.has(r.account)).map((r) => ({
      id: handleOf(r.id), user: r.account, roles: roles.get(r.account)!, shell: r.shell as Shell, address: r.address,
      startedAt: r.created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at,
      current: current.sessionId === handleOf(r.id) && current.name === r.account,
    }));
  }

  /** Ends one open session (of `account` only when named); NOT_FOUND when there is none. */
  async endSession(handle: string, account?: string): Promise<void> {
    if (!(await this.sessions.revokeByHandle(handle, this.now(), account))) throw new ExNodeError('NOT_FOUND', msg('security.sessionNotFound', { id: handle }));
  }

  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const row = await this.accounts.get(actor.name);
    if (!(await passwordMatches(row.password_hash, current))) throw new ExNodeError('INVALID_INPUT', msg('auth.currentPasswordWrong'));
    await this.accounts.setPassword(row.name, next, await this.policy.get(), false);
    // Whoever holds another session of the account (a stolen token, a forgotten terminal) is out with the old password.
    await this.sessions.revokeOthers(row.name, actor.sessionId, this.now());
  }

  async addAccount(username: string, role: Role, password: string): Promise<void> {
    if (ADMIN_ROLES.includes(role)) throw new ExNodeError('FORBIDDEN', msg('users.adminRoleViaSetup'));
    await this.accounts.create(username, [role], password, await this.policy.get());
  }

  /** Lock, unlock, reset, revoke, remove: never on oneself, never the only holder of an admin role. */
  async guardTarget(actor: Actor, username: string, removesAdmin: boolean): Promise<AccountRow> {
    const row = await this.accounts.get(username);
    if (row.name === actor.name) throw new ExNodeError('FORBIDDEN', msg('users.notSelf'));
    const adminRole = rolesOf(row).find((r) => ADMIN_ROLES.includes(r));
    if (removesAdmin && adminRole) {
      const holders = ((await this.db('accounts').select('roles_json')) as { roles_json: string }[]).filter((r) => (JSON.parse(r.roles_json) as Role[]).includes(adminRole));
      if (holders.length <= 1) throw new ExNodeError('FORBIDDEN', msg('users.lastAdmin', { role: adminRole }));
    }
    return row;
  }

  clock(): Date {
    return this.now();
  }
}

function mustChange(row: AccountRow, policy: SecurityPolicy, now: Date): boolean {
  if (row.must_change) return true;
  if (policy.passwordExpiryDays === 0) return false;
  return now.getTime() - Date.parse(row.password_changed_at) > policy.passwordExpiryDays * 86_400_000;
}

function minutesUntil(iso: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(iso) - now.getTime()) / 60_000));
}
