import { ANONYMOUS_OPERATIONS, ExNodeError, msg, render, type Lang, type OperationName, type Output } from '../../../shared/index.js';
import { Engine } from '../../engine/engine.js';
import { anonymous, type Actor } from '../../engine/actor.js';
import type { CliApi } from './context.js';
import { readCliToken } from './credentials.js';

/**
 * Opens the engine in this process for one command, and closes it after (runs stop at their next
 * batch on Ctrl+C). The caller is the account of the CLI's login token (EXNODE_TOKEN or the token
 * file); without one, only setup and sign-in are possible.
 */
export async function inProcessSession(dataDir: string, lang: Lang, work: (api: CliApi) => Promise<void>): Promise<void> {
  const engine = await Engine.open({ dataDir, notice: (m) => process.stderr.write(`${render(lang, m)}\n`) });
  const stop = () => void engine.runner.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const token = readCliToken(engine.dataDir);
    let actor: Actor = anonymous('cli');
    let refusal: ExNodeError | undefined;
    if (token) {
      try {
        const { csrf: _csrf, ...signedIn } = await engine.auth.actorForToken(token, 'cli');
        actor = signedIn;
      } catch (error) {
        refusal = error as ExNodeError;
      }
    }
    const api: CliApi = {
      call: async <K extends OperationName>(op: K, input: unknown): Promise<Output<K>> => {
        if (actor.name === '' && !ANONYMOUS_OPERATIONS.has(op)) {
          if (await engine.auth.setupRequired()) throw new ExNodeError('UNAUTHENTICATED', msg('auth.setupRequired'));
          await engine.unauthenticated.note('cli', undefined, op);
          throw refusal ?? new ExNodeError('UNAUTHENTICATED', msg('auth.notLoggedInCli'));
        }
        return engine.call(op, input, actor);
      },
      subscribe: (listener) => engine.events.subscribe(listener),
    };
    await work(api);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await engine.close();
  }
}
