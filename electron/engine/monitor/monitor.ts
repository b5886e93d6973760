import type { Registry } from 'prom-client';
import type { Vault } from '../secrets/vault.js';
import type { Alert } from '../../../shared/index.js';
import type { EngineServices } from '../services.js';
import type { StateDb } from '../store/db.js';
import { AlertStore } from './alert-store.js';
import { RunRules } from './run-rules.js';
import { type CheckServices, Checks, type ExpectedInterval, NO_SCHEDULES } from './checks.js';
import { CHECK_EVERY, CronJobs } from './schedule.js';
import { Aggregates } from './aggregates.js';
import { Channels } from './notify/channels.js';
import { systemClock, type TimerClock } from '../schedule/clock.js';
import { metricsRegistry } from './metrics.js';

const RECONCILE_JOB = 'reconcile:';

/**
 * Monitoring inside the engine: alert rules fed by engine events (in every process that runs
 * bridges), and, in the service only (`start`), scheduled checks on its own timers.
 */
export class Monitor {
  readonly alerts: AlertStore;
  readonly checks: Checks;
  readonly aggregates: Aggregates;
  readonly channels: Channels;
  /** Deliveries under way (they retry for seconds): awaited on stop, never blocking alerts. */
  private readonly deliveries = new Set<Promise<unknown>>();
  private readonly rules: RunRules;
  /** Event reactions and checks run one at a time, so one condition never raises two alerts. */
  private queue: Promise<void> = Promise.resolve();
  private readonly unsubscribe: () => void;
  private readonly jobs = new CronJobs();
  private started = false;
  private lastError: Error | null = null;
  /** Where the stall watchdog learns how often a bridge should succeed (the scheduler, once merged). */
  expectedInterval: ExpectedInterval = NO_SCHEDULES;
  /** The time the checks judge ages by (a test drives a manual clock). */
  clock: TimerClock = systemClock;

  /**
   * `db` holds monitoring's tables (alerts, run statistics, health, channels), kept by the stores
   * built here; `vault` seals the channels' secrets (webhook keys, SMTP passwords).
   */
  constructor(services: CheckServices & Pick<EngineServices, 'events'>, private readonly db: StateDb, vault: Vault) {
    this.alerts = new AlertStore(db, services.events);
    this.rules = new RunRules(db, this.alerts);
    this.checks = new Checks(services, db, this.alerts, () => this.expectedInterval, () => this.clock.now());
    this.aggregates = new Aggregates(db, this.alerts);
    this.channels = new Channels(db, vault);
    this.unsubscribe = services.events.subscribe((event) => {
      if (event.type === 'alert.changed') {
        const alert = event.payload as Alert;
        const opened = alert.status === 'open' && alert.count === 1;
        if (opened || alert.status === 'resolved') this.track(this.channels.notify(alert, opened ? 'alert.opened' : 'alert.resolved'));
        return;
      }
      if (event.type !== 'run.updated' && event.type !== 'schema.drift') return;
      void this.enqueue(() => this.rules.onEvent(event));
    });
  }

  /** The node's Prometheus metrics, read from the run statistics at each scrape. */
  metricsRegistry(): Registry {
    return metricsRegistry(this.db);
  }

  /** Starts the scheduled checks (the service calls this; one-shot CLI commands do not). */
  async start(): Promise<void> {
    this.started = true;
    this.jobs.set('checks', CHECK_EVERY, () => this.enqueue(async () => {
      await this.checks.all();
    }));
    await this.refreshSchedules();
  }

  /** Re-reads the per-bridge data reconciliation schedules (after a settings change). */
  async refreshSchedules(): Promise<void> {
    if (!this.started) return;
    const keep = new Set<string>();
    for (const { bridge, cron } of await this.checks.reconcileSchedules()) {
      const name = `${RECONCILE_JOB}${bridge}`;
      keep.add(name);
      // Outside the queue: a reconciliation of a large table takes minutes and must not hold up alerts.
      this.jobs.set(name, cron, () => this.checks.reconcile(bridge).catch((error: Error) => this.fail(error)));
    }
    this.jobs.prune(RECONCILE_JOB, keep);
  }

  /** Runs `work` after everything queued before it; a failure is kept, never thrown into the emitter. */
  enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work).catch((error: Error) => this.fail(error));
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
    this.jobs.stopAll();
    this.unsubscribe();
    await this.idle();
    await Promise.allSettled([...this.deliveries]);
  }

  /** Resolves once the notifications sent so far are delivered or have given up (tests). */
  async delivered(): Promise<void> {
    await this.idle();
    await Promise.allSettled([...this.deliveries]);
  }

  private track(delivery: Promise<unknown>): void {
    const tracked = delivery.catch((error: Error) => this.fail(error)).finally(() => this.deliveries.delete(tracked));
    this.deliveries.add(tracked);
  }

  private fail(error: Error): void {
    this.lastError = error;
    process.stderr.write(`ExNode monitor: ${error.message}\n`);
  }
}
