import type { Actor } from '../../electron/engine/actor.js';

/**
 * Who in-process tests (and the bench) call the engine as (`engine.call(op, input, TEST_ACTOR)`): a
 * system administrator who may also run bridges. Tests of permissions build their own actors. The
 * product itself never has such an actor: its callers come from sessions.
 */
export const TEST_ACTOR: Actor = Object.freeze({ name: 'test-sysadmin', roles: ['sysadmin', 'operator'] as Actor['roles'], shell: 'system' as const });

/** An actor with exactly `roles`, for permission tests. */
export function actorWith(...roles: Actor['roles']): Actor {
  return Object.freeze({ name: `test-${roles.join('-') || 'none'}`, roles, shell: 'system' as const });
}
