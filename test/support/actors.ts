import type { Actor } from '../../electron/engine/actor.js';
import { LOCAL_OPERATOR } from '../../electron/engine/actor.js';

/**
 * Who in-process tests (and the bench) call the engine as (`engine.call(op, input, TEST_ACTOR)`): a
 * system administrator who may also run bridges. Tests of permissions build their own actors.
 */
export const TEST_ACTOR: Actor = LOCAL_OPERATOR;
