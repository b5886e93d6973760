// `npm run serve`: builds the console only when its sources changed (scripts/console-build.mjs), then
// starts `exnode serve` as its shebang would (environment and Node flags, see electron/engine/memory.ts),
// also where shebangs do not run (Windows).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureConsole } from './console-build.mjs';

const bin = fileURLToPath(new URL('../bin/exnode.mjs', import.meta.url));
const shebang = fs.readFileSync(bin, 'utf8').split('\n')[0].replace(/^#!\/usr\/bin\/env -S /, '').split(' ');
const env = Object.fromEntries(shebang.filter((word) => /^[A-Z_]+=/.test(word)).map((word) => word.split('=')));
const flags = shebang.filter((word) => word.startsWith('--'));
const args = process.argv.slice(2);
if (!args.includes('--help') && !args.includes('-h')) {
  try {
    ensureConsole();
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
const child = spawn(process.execPath, [...flags, bin, 'serve', ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
