// `npm start`: builds and launches the desktop shell, or says plainly why it cannot.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    return require('electron');
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (typeof binary !== 'string') {
  console.error(
    'The desktop shell needs the Electron binary, which is not installed on this machine ' +
      '(it is downloaded by `npm install` when the machine can reach the Electron download site).\n' +
      'Everything else works without it: run `npm run serve` and open the printed address in a browser.',
  );
  process.exit(1);
}

for (const script of ['build:renderer', 'build:electron']) {
  const result = spawnSync('npm', ['run', script], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
const result = spawnSync(binary, ['.'], { stdio: 'inherit' });
process.exit(result.status ?? 0);
