#!/usr/bin/env -S MALLOC_ARENA_MAX=1 node --max-old-space-size=256
// The `exnode` command: runs the TypeScript engine through tsx, so there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
// A closed pipe (`exnode ... | head`) is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('../electron/server/cli/main.ts');
process.exitCode = await main(process.argv);
