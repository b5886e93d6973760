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
  readonly connections: ConnectionService;
  readonly bridges: BridgeService;
  readonly runs: RunStore;
  readonly runner: BridgeRunner;
  readonly schemas: SchemaService;
  readonly settings: Settings;
  nodeInfo(): Promise<NodeInfo>;
  withConnector<T>(name: string, work: (connector: Connector) => Promise<T>): Promise<T>;
}
