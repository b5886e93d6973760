import type { Actor } from '../actor.js';

/** Looks up the account a schedule was deployed by, as it is now: its current roles, refusing a locked or removed one. */
export type AccountActor = (name: string) => Promise<Actor>;

/**
 * The actor a scheduled run runs as: the account that deployed the schedule, looked up at each fire,
 * so that a locked, removed or demoted account stops its schedules (the fire is recorded as skipped,
 * "not allowed"). Without an account lookup (an engine used as a library, as tests do) the deploying
 * name keeps the operator's role.
 */
export async function scheduledActor(deployedBy: string | null, lookup: AccountActor | undefined): Promise<Actor> {
  const name = deployedBy ?? 'scheduler';
  if (!lookup) return { name, roles: ['operator'], shell: 'schedule' };
  try {
    return await lookup(name);
  } catch {
    return { name, roles: [], shell: 'schedule' };
  }
}
