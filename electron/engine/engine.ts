import fs from 'node:fs';
import type { MessageRef, NodeInfo, OperationName, Output } from '../../shared/index.js';
import {
  ANONYMOUS_OPERATIONS, ExNodeError, PASSWORD_CHANGE_OPERATIONS, isOperationName, msg, operations, parseOrThrow, rolesAllow,
} from '../../shared/index.js';
import type { Connector } from '../../connectors/core/connector.js';
import { openStateDb, type StateDb } from './store/db.js';
import { EventBus } from './events.js';
import { Vault } from './secrets/vault.js';
import { AuditLog } from './audit/log.js';
import { UnauthenticatedAudit } from './audit/unauthenticated.js';
import { ConnectionService } from './connections/service.js';
import { SqliteDirs } from './connections/sqlite-dirs.js';
import { BridgeService } from './bridges/service.js';
import { RunStore } from './bridges/run/run-store.js';
import { BridgeRunner } from './bridges/run/runner.js';
import { bridgeRunExecutor } from './bridges/run/execute.js';
import { ScheduleService } from './schedule/service.js';
import { RangeStore } from './bridges/sync/range-store.js';
import { Settings } from './settings.js';
import { SchemaService } from './schema/service.js';
import { Monitor } from './monitor/monitor.js';
import { expectedIntervalOf } from './schedule/expected-interval.js';
import { handlers, type Handler } from './handlers/index.js';
import { isAnonymous, type Actor } from './actor.js';
import { AuthService } from './auth/service.js';
import { CatalogService } from './catalog/service.js';
import { AuditSearch } from './audit/search.js';
import { ConfigRollback } from './config/rollback.js';
import type { EngineServices } from './services.js';
import type { Hmac } from './bridges/mapping/masks.js';
import { DEMO_CONNECTION } from './demo/load-demo.js';
import { nowIso } from './clock.js';
import { redactSecrets } from './redact.js';
import { checkOutput } from './output-check.js';

export const VERSION = '0.1.0';

export interface EngineOptions {
  readonly dataDir: string;
  /** Resume runs a crash left unfinished (the service does; one-shot CLI commands do not). */
  readonly resumeRuns?: boolean;
  /** Fire deployed schedules (default: when resuming runs, i.e. in a service). */
  readonly runSchedules?: boolean;
  /** Where notices for the person starting the node go (default: standard error, in Chinese and English). */
  readonly notice?: (message: MessageRef) => void;
}

/**
 * The engine: plain Node, no Electron. Every caller (HTTP API, CLI, desktop shell, tests) goes
 * through `call`, which validates the input, checks the permission and writes the audit log once.
 */
export class Engine implements EngineServices {
  readonly events = new EventBus();
  readonly startedAt = nowIso();
  readonly audit: AuditLog;
  /** Callers refused for want of a session, counted per address and shell per minute. */
  readonly unauthenticated: UnauthenticatedAudit;
  readonly connections: ConnectionService;
  readonly sqliteDirs: SqliteDirs;
  readonly bridges: BridgeService;
  readonly runs: RunStore;
  readonly runner: BridgeRunner;
  readonly settings: Settings;
  readonly schemas: SchemaService;
  readonly auth: AuthService;
  readonly schedules: ScheduleService;
  readonly monitor: Monitor;
  readonly auditSearch: AuditSearch;
  readonly catalog: CatalogService;
  readonly configRollback: ConfigRollback;

  readonly hmac: Hmac;

  /** `db` stays the engine's own (and tests'): handlers see the services built on it, never the database. */
  private constructor(readonly dataDir: string, readonly db: StateDb, readonly vault: Vault, audit: AuditLog) {
    this.hmac = (algorithm, value) => vault.hmac(algorithm, value);
    this.audit = audit;
    this.auditSearch = new AuditSearch(db);
    this.catalog = new CatalogService(db);
    this.configRollback = new ConfigRollback(db);
    this.unauthenticated = new UnauthenticatedAudit(audit);
    this.auth = new AuthService(db);
    this.auth.onSignIn = (e) => {
      if (e.outcome === 'locked') {
        void this.audit.append({ actor: e.name, operation: `auth/${e.outcome}`, outcome: 'denied', shell: e.shell, ...(e.address ? { address: e.address } : {}) });
      }
    };
    this.settings = new Settings(db);
    this.sqliteDirs = new SqliteDirs(db, dataDir);
    this.connections = new ConnectionService(db, vault, dataDir);
    this.bridges = new BridgeService(db, this.connections);
    this.runs = new RunStore(db);
    this.schemas = new SchemaService(db, this.connections, this.events);
    this.monitor = new Monitor(this, db, vault);
    this.runner = new BridgeRunner({
      runs: this.runs, bridges: this.bridges, events: this.events, concurrency: 2,
      defaultLimit: async (name) => ((await this.connections.get(name)).dialect === 'sqlite' ? 1 : undefined),
      executor: bridgeRunExecutor({
        runs: this.runs, bridges: this.bridges, connections: this.connections, events: this.events, vault,
        ranges: new RangeStore(db), settings: () => this.settings.all(),
      }),
    });
    this.schedules = new ScheduleService({
      db, bridges: this.bridges, runs: this.runs, runner: this.runner, audit: this.audit, events: this.events,
      // A node without accounts (the engine used as a library, as tests do) keeps the deploying name as an operator.
      accountActor: async (name) => ((await this.auth.accounts.count()) === 0
        ? { name, roles: ['operator'], shell: 'schedule' }
        : this.auth.actorFor(name, 'schedule')),
    });
    // The stall watchdog expects a success as often as the bridge's deployed schedule fires.
    this.monitor.expectedInterval = async ({ name }) => expectedIntervalOf(await this.schedules.get(name).catch(() => null));
  }

  static async open(options: EngineOptions): Promise<Engine> {
    fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    const db = await openStateDb(options.dataDir, options.notice);
    const engine = new Engine(options.dataDir, db, Vault.open(options.dataDir), await AuditLog.open(db, options.dataDir));
    await engine.sqliteDirs.load();
    await engine.connections.ensureExchange();
    await engine.monitor.channels.sealPlainAddresses();
    // Retention (R8): records past it go to a keyed archive file in the data directory, never dropped.
    await engine.audit.archiveExpired((await engine.auth.policy.get()).auditRetentionYears);
    engine.runner.setConcurrency(await engine.settings.get('runnerConcurrency'));
    await engine.schedules.applyLimits();
    if (options.resumeRuns) await engine.runner.resumeUnfinished();
    // Only a service fires schedules: a one-shot command must not start other bridges' runs.
    if (options.runSchedules ?? options.resumeRuns) await engine.schedules.start();
    // The service watches on its own timers; a one-shot CLI command only reacts to its own runs.
    if (options.resumeRuns) await engine.monitor.start();
    return engine;
  }

  /**
   * The one door of the engine. `actor` comes from the caller's session (HTTP, CLI token) or from
   * `auth.actorFor` (scheduled work); without one, only status, setup and sign-in are served.
   */
  async call<K extends OperationName>(op: K, rawInput: unknown, actor: Actor): Promise<Output<K>>;
  async call(op: string, rawInput: unknown, actor: Actor): Promise<unknown>;
  async call(op: string, rawInput: unknown, actor: Actor): Promise<unknown> {
    if (!isOperationName(op)) {
      throw new ExNodeError('UNKNOWN_OPERATION', msg('common.unknownOperation', { op: op.slice(0, 100) }));
    }
    const spec = operations[op];
    const who = { shell: actor.shell, ...(actor.address ? { address: actor.address } : {}), ...(actor.sessionId ? { session: actor.sessionId } : {}) };
    if (!ANONYMOUS_OPERATIONS.has(op)) {
      if (isAnonymous(actor)) {
        throw new ExNodeError('UNAUTHENTICATED', msg(await this.auth.setupRequired() ? 'auth.setupRequired' : 'auth.notSignedIn'));
      }
      if (actor.mustChangePassword && !PASSWORD_CHANGE_OPERATIONS.has(op)) {
        await this.audit.append({ actor: actor.name, operation: op, outcome: 'denied', detail: { reason: 'mustChangePassword' }, ...who });
        throw new ExNodeError('FORBIDDEN', msg('auth.mustChangePassword'));
      }
      if (!rolesAllow(actor.roles, spec.permission)) {
        await this.audit.append({ actor: actor.name, operation: op, outcome: 'denied', detail: { permission: spec.permission }, ...who });
        throw new ExNodeError('FORBIDDEN', msg('common.forbidden', { operation: spec.summary, permission: spec.permission }));
      }
    }
    const input = parseOrThrow(spec.input, rawInput ?? {}, msg('common.inputFor', { op }));
    const handler = handlers[op] as Handler<typeof op>;
    const audited = spec.mutates || PERSONAL_DATA_READS.has(op);
    const auditName = isAnonymous(actor) ? attemptedName(input) : actor.name;
    try {
      const output = await handler(input as never, this, actor);
      checkOutput(op, output);
      if (audited) await this.audit.append({ actor: auditName, operation: op, target: targetOf(input), outcome: 'ok', detail: redactSecrets(input), ...who });
      return output;
    } catch (error) {
      // Sign-ins refused by the rate limit are a flood by definition: counted per address and minute, not one record each.
      if (op === 'auth/login' && (error as ExNodeError).ref?.key === 'auth.rateLimited') {
        await this.unauthenticated.note(actor.shell, actor.address, 'auth/login (rate-limited)');
        throw error;
      }
      if (audited) {
        await this.audit.append({ actor: auditName, operation: op, target: targetOf(input), outcome: 'failed', detail: { input: redactSecrets(input), error: (error as Error).message }, ...who });
      }
      throw error;
    }
  }

  async nodeInfo(): Promise<NodeInfo> {
    const exchange = await this.connections.exchange();
    const count = async (table: string) => Number((await this.db(table).count({ n: '*' }).first())?.n ?? 0);
    return {
      product: 'ExNode',
      version: VERSION,
      dataDir: this.dataDir,
      startedAt: this.startedAt,
      exchange: { connection: exchange.name, dialect: exchange.dialect, summary: exchange.summary },
      counts: { connections: await count('connections'), bridges: await count('bridges'), runs: await count('runs') },
      demoLoaded: (await this.db('connections').where({ name: DEMO_CONNECTION }).first()) !== undefined,
    };
  }

  async withConnector<T>(name: string, work: (connector: Connector) => Promise<T>): Promise<T> {
    const connector = await this.connections.open(name);
    try {
      return await work(connector);
    } finally {
      await connector.close().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    this.schedules.halt();
    await this.runner.shutdown();
    await this.monitor.stop();
    await this.unauthenticated.close();
    await this.db.destroy();
  }
}

/** Reads that show personal data: recorded in the audit log like changes (R8: query logs). */
const PERSONAL_DATA_READS: ReadonlySet<string> = new Set(['bridges/preview', 'bridges/reconcile', 'connections/test']);

/** Who tried to sign in (or set up), for the audit log of a caller without a session. */
function attemptedName(input: unknown): string {
  const name = (input as { username?: unknown } | undefined)?.username;
  return typeof name === 'string' ? name.normalize('NFKC').slice(0, 64) : '-';
}

function targetOf(input: unknown): string | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const o = input as { name?: unknown; id?: unknown; config?: { name?: unknown } };
  const value = o.name ?? o.id ?? o.config?.name ?? (o as { username?: unknown }).username;
  return typeof value === 'string' ? value : undefined;
}
