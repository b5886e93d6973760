import type { RunRecord } from '../../../shared/index.js';
import { msg } from '../../../shared/index.js';
import type { EventBus } from '../events.js';
import { type LogFile, logsDir, openLogFile } from './log-file.js';

export interface EngineLog {
  readonly log: LogFile;
  close(): Promise<void>;
}

/**
 * The engine's own log (`<data dir>/logs/engine.log`, rotated): start and stop, and every run's start
 * and outcome from the engine's events, so a technician (or the diagnostics bundle) sees what the node
 * did without opening the console.
 */
export function attachEngineLog(engine: { readonly dataDir: string; readonly events: EventBus }, version: string): EngineLog {
  const log = openLogFile(logsDir(engine.dataDir), 'engine');
  log.write('info', msg('logs.engineStarted', { version, dataDir: engine.dataDir, pid: String(process.pid) }), { node: process.version, platform: `${process.platform}-${process.arch}` });
  const seen = new Map<string, RunRecord['status']>();
  const off = engine.events.subscribe((event) => {
    if (event.type !== 'run.updated') return;
    const run = event.payload as RunRecord;
    if (seen.get(run.id) === run.status) return;
    seen.set(run.id, run.status);
    if (run.status === 'running') log.write('info', msg('logs.runStarted', { bridge: run.bridgeName, id: run.id, mode: run.mode }));
    if (run.status === 'queued' || run.status === 'running') return;
    seen.delete(run.id);
    if (run.status === 'succeeded') {
      const written = run.receiver.inserted + run.receiver.updated + run.receiver.deleted;
      log.write('info', msg('logs.runSucceeded', {
        bridge: run.bridgeName, id: run.id, read: run.sender.total, written, deviation: run.deviation.total,
        seconds: Math.round((run.durationMs ?? 0) / 100) / 10,
      }));
    } else if (run.status === 'failed') {
      log.write('error', msg('logs.runFailed', { bridge: run.bridgeName, id: run.id, phase: run.progress.phase, code: run.error?.code ?? '', error: run.error?.message ?? '' }));
    } else {
      log.write('warn', msg('logs.runCancelled', { bridge: run.bridgeName, id: run.id }));
    }
  });
  return {
    log,
    close: async () => {
      off();
      log.write('info', msg('logs.engineStopped'));
      await log.close();
    },
  };
}
