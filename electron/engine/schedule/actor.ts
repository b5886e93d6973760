import type { Actor } from '../actor.js';

/**
 * The actor a scheduled run runs as: the account that deployed the schedule. The one place to look
 * the account up (its roles today, its lock or removal once accounts exist); until then the stored
 * name with the operator's role.
 */
export function scheduledActor(deployedBy: string | null): Actor {
  return { name: deployedBy ?? 'scheduler', roles: ['operator'], shell: 'schedule' };
}
