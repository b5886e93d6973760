import type { NodeInfo } from '../../shared/index.js';
import type { Connector } from '../../connectors/core/connector.js';
import type { EventBus } from './events.js';
import type { Hmac } from './bridges/mapping/masks.js';
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
import type { CatalogService } from './catalog/service.js';
import type { AuditSearch } from './audit/search.js';
import type { ConfigRollback } from './config/rollback.js';
import type { SqliteDirs } from './connections/sqlite-dirs.js';

/**
 * The engine's parts, as handlers see them: services with a job each, never the state database or
 * the credential vault themselves (a handler that needs stored state gets a service that owns it).
 */
export interface EngineServices {
  readonly dataDir: string;
  readonly events: EventBus;
  /** The node's keyed hash for masking (脱敏); the key itself stays in the vault. */
  readonly hmac: Hmac;
  readonly audit: AuditLog;
  readonly auditSearch: AuditSearch;
  readonly catalog: CatalogService;
  /** Makes a configuration import all or nothing. */
  readonly configRollback: ConfigRollback;
  readonly connections: ConnectionService;
  /** Where SQLite connections may keep their files (the system administrator's setting). */
  readonly sqliteDirs: SqliteDirs;
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
