import fs from 'node:fs';
import type { NodeInfo, OperationName, Output } from '../../shared/index.js';
import { ExNodeError, isOperationName, operations, parseOrThrow, rolesAllow } from '../../shared/index.js';
import type { Connector } from '../../connectors/core/connector.js';
import { openStateDb, type StateDb } from './store/db.js';
import { EventBus } from './events.js';
import { Vault } from './secrets/vault.js';
import { AuditLog } from './audit/log.js';
import { ConnectionService } from './connections/service.js';
import { BridgeService } from './bridges/service.js';
import { RunStore } from './bridges/run/run-store.js';
import { BridgeRunner } from './bridges/run/runner.js';
import { RangeStore } from './bridges/sync/range-store.js';
import { Settings } from './settings.js';
import { SchemaService } from './schema/service.js';
import { handlers, type Handler } from './handlers/index.js';
import type { Actor } from './actor.js';
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
}

/**
 * The engine: plain Node, no Electron. Every caller (HTTP API, CLI, desktop shell, tests) goes
 * through `call`, which validates the input, checks the permission and writes the audit log once.
 */
export class Engine implements EngineServices {
  readonly events = new EventBus();
  readonly startedAt = nowIso();
  readonly audit: AuditLog;
  readonly connections: ConnectionService;
  readonly bridges: BridgeService;
  readonly runs: RunStore;
  readonly runner: BridgeRunner;
  readonly settings: Settings;
  readonly schemas: SchemaService;
  readonly hmac: Hmac;

  private constructor(readonly dataDir: string, readonly db: StateDb, readonly vault: Vault) {
    this.hmac = (algorithm, value) => vault.hmac(algorithm, value);
    this.audit = new AuditLog(db);
    this.settings = new Settings(db);
    this.connections = new ConnectionService(db, vault, dataDir);
    this.bridges = new BridgeService(db, this.connections);
    this.runs = new RunStore(db);
    this.schemas = new SchemaService(db, this.connections, this.events);
    this.runner = new BridgeRunner({
      runs: this.runs, bridges: this.bridges, connections: this.connections, events: this.events, vault,
      ranges: new RangeStore(db),
      settings: () => this.settings.all(),
      concurrency: 2,
    });
  }

  static async open(options: EngineOptions): Promise<Engine> {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const db = await openStateDb(options.dataDir);
    const engine = new Engine(options.dataDir, db, Vault.open(options.dataDir));
    await engine.connections.ensureExchange();
    engine.runner.setConcurrency(await engine.settings.get('runnerConcurrency'));
    if (options.resumeRuns) await engine.runner.resumeUnfinished();
    return engine;
  }

  async call<K extends OperationName>(op: K, rawInput: unknown, actor: Actor): Promise<Output<K>>;
  async call(op: string, rawInput: unknown, actor: Actor): Promise<unknown>;
  async call(op: string, rawInput: unknown, actor: Actor): Promise<unknown> {
    if (!isOperationName(op)) {
      throw new ExNodeError('UNKNOWN_OPERATION', `Unknown operation "${op}"`);
    }
    const spec = operations[op];
    if (!rolesAllow(actor.roles, spec.permission)) {
      await this.audit.append({ actor: actor.name, operation: op, outcome: 'denied' });
      throw new ExNodeError('FORBIDDEN', `Your role does not allow "${spec.summary}" (needs ${spec.permission})`);
    }
    const input = parseOrThrow(spec.input, rawInput ?? {}, `input for ${op}`);
    const handler = handlers[op] as Handler<typeof op>;
    try {
      const output = await handler(input as never, this);
      checkOutput(op, output);
      if (spec.mutates) await this.audit.append({ actor: actor.name, operation: op, target: targetOf(input), outcome: 'ok', detail: redactSecrets(input) });
      return output;
    } catch (error) {
      if (spec.mutates) {
        await this.audit.append({ actor: actor.name, operation: op, target: targetOf(input), outcome: 'failed', detail: { error: (error as Error).message } });
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
    await this.runner.shutdown();
    await this.db.destroy();
  }
}

function targetOf(input: unknown): string | undefined {
  if (!input || typeof input !== 'object') return undefined;
  const o = input as { name?: unknown; id?: unknown; config?: { name?: unknown } };
  const value = o.name ?? o.id ?? o.config?.name;
  return typeof value === 'string' ? value : undefined;
}
