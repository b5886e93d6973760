/**
 * The CLI's login token for a node: EXNODE_TOKEN, else the token file `exnode login` wrote (readable
 * only by its OS user). The security work fills in the file; until then only the variable is read.
 */
export function readCliToken(_dataDir: string): string | undefined {
  return process.env.EXNODE_TOKEN || undefined;
}
