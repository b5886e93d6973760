import type { OperationName } from '../../shared/index.js';
import { ExNodeError, msg, operations } from '../../shared/index.js';

/**
 * Whether outputs are checked: in tests and development (NODE_ENV test or development, or
 * EXNODE_CHECK_OUTPUTS=1), where a handler that drifts from the contract should fail loudly. A
 * production node skips it: a user would gain nothing from the failure, only lose the answer.
 */
export function outputChecksEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.EXNODE_CHECK_OUTPUTS === '1' || env.NODE_ENV === 'test' || env.NODE_ENV === 'development' || env.VITEST !== undefined;
}

const ENABLED = outputChecksEnabled();

/**
 * The contract enforcing itself: parses an operation's output with its output schema and fails
 * with the paths that do not match. The output itself is returned unchanged, so a checked and an
 * unchecked node answer exactly alike.
 */
export function checkOutput(op: OperationName, output: unknown, enabled = ENABLED): void {
  if (!enabled) return;
  const result = operations[op].output.safeParse(output);
  if (result.success) return;
  const issues = result.error.issues.slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`).join('; ');
  throw new ExNodeError('INTERNAL', msg('engine.outputMismatch', { op, issues }));
}
