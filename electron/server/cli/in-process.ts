import type { OperationName, Output } from '../../../shared/index.js';
import { Engine } from '../../engine/engine.js';
import { LOCAL_OPERATOR } from '../../engine/actor.js';
import type { CliApi } from './context.js';

/** Opens the engine in this process for one command, and closes it after (runs stop at their next batch on Ctrl+C). */
export async function inProcessSession(dataDir: string, work: (api: CliApi) => Promise<void>): Promise<void> {
  const engine = await Engine.open({ dataDir });
  const stop = () => void engine.runner.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const api: CliApi = {
    call: <K extends OperationName>(op: K, input: unknown): Promise<Output<K>> => engine.call(op, input, LOCAL_OPERATOR),
    subscribe: (listener) => engine.events.subscribe(listener),
  };
  try {
    await work(api);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await engine.close();
  }
}
