import { ADMIN_ROLES, ExNodeError, msg, type AccountView, type Role, type SecurityPolicy } from '../../../shared/index.js';
import type { StateDb } from '../store/db.js';
import { nowIso } from '../clock.js';
import { normaliseUserName, skeletonOf } from './names.js';
import { checkPasswordPolicy, hashPassword, passwordMatches } from './passwords.js';

export interface AccountRow {
  name: string;
  skeleton: string;
  roles_json: string;
  password_hash: string;
  password_changed_at: string;
  must_change: number | boolean;
  locked: number | boolean;
  locked_until: string | null;
  failed_count: number;
  created_at: string;
  last_login_at: string | null;
}

export function rolesOf(row: AccountRow): Role[] {
  return JSON.parse(row.roles_json) as Role[];
}

/** 三员分立: no account holds two of the three admin roles. */
export function checkSeparation(roles: readonly Role[]): void {
  if (roles.filter((r) => ADMIN_ROLES.includes(r)).length > 1) throw new ExNodeError('FORBIDDEN', msg('users.separation'));
}

/** Local accounts: creation with the naming and password rules, lock state, password history. */
export class AccountStore {
  constructor(private readonly db: StateDb) {}

  async count(): Promise<number> {
    return Number((await this.db('accounts').count({ n: '*' }).first())?.n ?? 0);
  }

  async find(rawName: string): Promise<AccountRow | undefined> {
    const name = rawName.normalize('NFKC').trim();
    return (await this.db('accounts').where({ name }).first()) as AccountRow | undefined;
  }

  async get(rawName: string): Promise<AccountRow> {
    const row = await this.find(rawName);
    if (!row) throw new ExNodeError('NOT_FOUND', msg('users.notFound', { name: rawName.normalize('NFKC').slice(0, 64) }));
    return row;
  }

  /** Validates everything first, then writes the account and its first history entry in one transaction. */
  async create(rawName: string, roles: readonly Role[], password: string, policy: SecurityPolicy, trx: StateDb = this.db): Promise<void> {
    const name = normaliseUserName(rawName);
    checkSeparation(roles);
    checkPasswordPolicy(password, name, policy);
    const skeleton = skeletonOf(name);
    const clash = (await trx('accounts').where({ skeleton }).orWhere({ name }).first('name')) as { name: string } | undefined;
    if (clash) {
      throw clash.name === name
        ? new ExNodeError('ALREADY_EXISTS', msg('users.exists', { name }))
        : new ExNodeError('ALREADY_EXISTS', msg('users.lookAlike', { name, existing: clash.name }));
    }
    const hashed = await hashPassword(password);
    const at = nowIso();
    await trx('accounts').insert({
      name, skeleton, roles_json: JSON.stringify(roles), password_hash: hashed, password_changed_at: at,
      must_change: true, locked: false, locked_until: null, failed_count: 0, created_at: at, last_login_at: null,
    });
    await trx('password_history').insert({ account: name, password_hash: hashed, at });
  }

  /** Sets a new password after the policy and history checks; `mustChange` for a reset by the security administrator. */
  async setPassword(name: string, password: string, policy: SecurityPolicy, mustChange: boolean): Promise<void> {
    checkPasswordPolicy(password, name, policy);
    if (policy.passwordHistory > 0) {
      const recent = (await this.db('password_history').where({ account: name }).orderBy('id', 'desc').limit(policy.passwordHistory)) as { password_hash: string }[];
      for (const old of recent) {
        if (await passwordMatches(old.password_hash, password)) throw new ExNodeError('INVALID_INPUT', msg('auth.passwordReused', { count: policy.passwordHistory }));
      }
    }
    const hashed = await hashPassword(password);
    const at = nowIso();
    await this.db.transaction(async (trx) => {
      await trx('accounts').where({ name }).update({ password_hash: hashed, password_changed_at: at, must_change: mustChange, failed_count: 0, locked_until: null });
      await trx('password_history').insert({ account: name, password_hash: hashed, at });
    });
  }

  async update(name: string, change: Partial<AccountRow>): Promise<void> {
    await this.db('accounts').where({ name }).update(change);
  }

  async remove(name: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      await trx('sessions').where({ account: name }).delete();
      await trx('password_history').where({ account: name }).delete();
      await trx('accounts').where({ name }).delete();
    });
  }

  async list(): Promise<AccountView[]> {
    const rows = (await this.db('accounts').orderBy('created_at')) as AccountRow[];
    const now = nowIso();
    const counts = (await this.db('sessions').whereNull('revoked_at').where('expires_at', '>', now).groupBy('account').select('account').count({ n: '*' })) as { account: string; n: number }[];
    const active = new Map(counts.map((c) => [c.account, Number(c.n)]));
    return rows.map((r) => ({
      name: r.name,
      roles: rolesOf(r),
      locked: Boolean(r.locked) || (r.locked_until !== null && r.locked_until > now),
      lockedUntil: r.locked_until !== null && r.locked_until > now ? r.locked_until : null,
      mustChangePassword: Boolean(r.must_change),
      createdAt: r.created_at,
      lastLoginAt: r.last_login_at,
      activeSessions: active.get(r.name) ?? 0,
    }));
  }
}
