import type { EngineServices } from '../services.js';
import { AlertStore } from './alert-store.js';
import { RunRules } from './run-rules.js';

/**
 * Monitoring inside the engine: alert rules fed by engine events (in every process that runs
 * bridges), and, in the service only, scheduled checks on its own timers.
 */
export class Monitor {
  readonly alerts: AlertStore;
  private readonly rules: RunRules;
  /** Event reactions run one at a time, so one condition never raises two alerts. */
  private queue: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;
  private lastError: Error | null = null;

  constructor(private readonly services: Pick<EngineServices, 'db' | 'events'>) {
    this.alerts = new AlertStore(services.db, services.events);
    this.rules = new RunRules(services.db, this.alerts);
    this.unsubscribe = services.events.subscribe((event) => {
      if (event.type !== 'run.updated' && event.type !== 'schema.drift') return;
      this.enqueue(() => this.rules.onEvent(event));
    });
  }

  /** Runs `work` after everything queued before it; a failure is kept, never thrown into the emitter. */
  enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work).catch((error: Error) => {
      this.lastError = error;
      process.stderr.write(`ExNode monitor: ${error.message}\n`);
    });
    return this.queue;
  }

  /** Resolves once every reaction queued so far has been applied (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  get error(): Error | null {
    return this.lastError;
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    await this.idle();
  }
}
