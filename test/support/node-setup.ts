/**
 * Makes a node's data directory ready for CLI tests: returns the environment every `exnode` command
 * of the test passes (`exnode(args, { env })`). Once nodes require accounts, this sets them up and
 * logs in; tests that use a fresh data directory call it first.
 */
export async function readyNode(_dataDir: string): Promise<NodeJS.ProcessEnv> {
  return {};
}
