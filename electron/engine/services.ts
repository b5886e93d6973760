import type { NodeInfo } from '../../shared/index.js';
import type { Connector } from '../../connectors/core/connector.js';
import type { StateDb } from './store/db.js';
import type { EventBus } from './events.js';
import type { Vault } from './secrets/vault.js';
import type { AuditLog } from './audit/log.js';
import type { ConnectionService } from './connections/service.js';
import type { BridgeService } from './bridges/service.js';
import type { RunStore } from './bridges/run/run-store.js';
import type { BridgeRunner } from './bridges/run/runner.js';
import type { SchemaService } from './schema/service.js';
import type { Settings } from './settings.js';
import type { AuthService } from './auth/service.js';
import type { ScheduleService } from './schedule/service.js';
import type { Monitor } from './monitor/monitor.js';

/** The engine's parts, as handlers see them. */
export interface EngineServices {
  readonly dataDir: string;
  readonly db: StateDb;
  readonly events: EventBus;
  readonly vault: Vault;
  readonly audit: AuditLog;
  readonly connections: ConnectionService;
  readonly bridges: BridgeService;
  readonly runs: RunStore;
  readonly runner: BridgeRunner;
  readonly schemas: SchemaService;
  readonly settings: Settings;
  readonly auth: AuthService;
  readonly schedules: ScheduleService;
  readonly monitor: Monitor;
  nodeInfo(): Promise<NodeInfo>;
  withConnector<T>(name: string, work: (connector: Connector) => Promise<T>): Promise<T>;
}
