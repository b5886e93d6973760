#!/usr/bin/env node
// The `exnode` command: runs the TypeScript engine through tsx, so there is no build step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/server/cli.ts');
process.exitCode = await main(process.argv);
