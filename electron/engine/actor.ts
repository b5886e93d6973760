import type { Role, Shell } from '../../shared/index.js';

/**
 * Who is calling, and how: checked against each operation's permission, named in the audit log.
 * The HTTP API and the CLI build it from a session (auth/sessions.ts); the scheduler from the account
 * that deployed a schedule (`AuthService.actorFor`). Never from a request body.
 */
export interface Actor {
  readonly name: string;
  readonly roles: readonly Role[];
  readonly shell: Shell;
  readonly address?: string;
  /** A short, non-secret id of the session (not its token), for the audit log. */
  readonly sessionId?: string;
  /** Only changing the password (and signing out) is allowed until it is done. */
  readonly mustChangePassword?: boolean;
}

/** A caller without a session: may only check the node's status, set it up and sign in. */
export function anonymous(shell: Shell, address?: string): Actor {
  return Object.freeze({ name: '', roles: [], shell, ...(address ? { address } : {}) });
}

export function isAnonymous(actor: Actor): boolean {
  return actor.name === '';
}
