import { ExNodeError, msg } from '../../../shared/index.js';

/**
 * A password from `variable` when set, else typed on the terminal without echo; refuses (instead of
 * hanging) when there is neither.
 */
export async function passwordFrom(variable: string, prompt: string): Promise<string> {
  const fromEnv = process.env[variable];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY || !process.stderr.isTTY) throw new ExNodeError('INVALID_INPUT', msg('auth.passwordMissing', { variable }));
  return readHidden(prompt);
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new ExNodeError('CANCELLED', msg('cli.promptCancelled')));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
