import type { Role } from '../../shared/index.js';

/** Who is calling: checked against each operation's permission, named in the audit log. */
export interface Actor {
  readonly name: string;
  readonly roles: readonly Role[];
}

/**
 * The local operator of a node without user accounts yet: the machine's own console and CLI.
 * Accounts with separated roles replace it when users are configured.
 */
export const LOCAL_OPERATOR: Actor = Object.freeze({ name: 'local', roles: ['sysadmin', 'operator'] as Role[] });
