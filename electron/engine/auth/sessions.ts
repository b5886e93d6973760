import crypto from 'node:crypto';
import type { Shell } from '../../../shared/index.js';
import type { StateDb } from '../store/db.js';

export interface SessionRow {
  id: string;
  account: string;
  shell: string;
  address: string | null;
  csrf: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface OpenedSession {
  readonly token: string;
  readonly id: string;
  readonly csrf: string;
  readonly expiresAt: string;
}

/** The stored id of a token: its SHA-256, so a copy of the state store holds no usable token. */
export function sessionIdOf(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** The short, non-secret handle of a session shown in lists and the audit log: the start of its stored id (itself a hash of the token). */
export function handleOf(sessionId: string): string {
  return sessionId.slice(0, 16);
}

/** Sessions in the state store: opened at sign-in, touched on use, ended by sign-out, revocation or time. */
export class SessionStore {
  constructor(private readonly db: StateDb) {}

  async open(account: string, shell: Shell, address: string | undefined, now: Date, maxHours: number): Promise<OpenedSession> {
    const token = crypto.randomBytes(32).toString('base64url');
    const id = sessionIdOf(token);
    const csrf = crypto.randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + maxHours * 3_600_000).toISOString();
    await this.db('sessions').insert({
      id, account, shell, address: address ?? null, csrf, created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: expiresAt, revoked_at: null,
    });
    return { token, id, csrf, expiresAt };
  }

  async byToken(token: string): Promise<SessionRow | undefined> {
    if (!token || token.length > 200) return undefined;
    return (await this.db('sessions').where({ id: sessionIdOf(token) }).first()) as SessionRow | undefined;
  }

  async touch(id: string, now: Date): Promise<void> {
    await this.db('sessions').where({ id }).update({ last_seen_at: now.toISOString() });
  }

  async revoke(id: string, now: Date): Promise<void> {
    await this.db('sessions').where({ id }).whereNull('revoked_at').update({ revoked_at: now.toISOString() });
  }

  async revokeAll(account: string, now: Date): Promise<number> {
    return this.db('sessions').where({ account }).whereNull('revoked_at').update({ revoked_at: now.toISOString() });
  }

  /** Sessions still usable at `now` (not revoked, expired or idle past the policy), newest first; of one account when named. */
  async listOpen(now: Date, idleMinutes: number, account?: string): Promise<SessionRow[]> {
    const idleSince = new Date(now.getTime() - idleMinutes * 60_000).toISOString();
    const query = this.db('sessions').whereNull('revoked_at').where('expires_at', '>', now.toISOString()).where('last_seen_at', '>=', idleSince);
    if (account !== undefined) void query.where({ account });
    return (await query.orderBy('created_at', 'desc')) as SessionRow[];
  }

  /** Ends the open session whose handle (`handleOf`) is `handle`, of one account when named; false when there is none. */
  async revokeByHandle(handle: string, now: Date, account?: string): Promise<boolean> {
    const query = this.db('sessions').where('id', 'like', `${handle}%`).whereNull('revoked_at');
    if (account !== undefined) void query.where({ account });
    return (await query.update({ revoked_at: now.toISOString() })) > 0;
  }

  /** Ends every open session of `account` except the one with handle `keep` (after a password change). */
  async revokeOthers(account: string, keep: string | undefined, now: Date): Promise<number> {
    const query = this.db('sessions').where({ account }).whereNull('revoked_at');
    if (keep) void query.whereNot('id', 'like', `${keep}%`);
    return query.update({ revoked_at: now.toISOString() });
  }

  /** Forgets sessions that ended more than a day ago. */
  async prune(now: Date): Promise<void> {
    const before = new Date(now.getTime() - 86_400_000).toISOString();
    await this.db('sessions').where('expires_at', '<', before).orWhere('revoked_at', '<', before).delete();
  }
}
