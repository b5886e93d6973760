import path from 'node:path';
import type { BridgeConfig, ConnectionConfig } from '../../../shared/index.js';
import { bridgeConfigSchema, connectionConfigSchema, parseOrThrow } from '../../../shared/index.js';
import type { ConnectionService } from '../connections/service.js';
import type { BridgeService } from '../bridges/service.js';
import { DEMO_TABLE, writeDemoDatabase } from './birth-certificates.js';

export const DEMO_CONNECTION = 'demo-birth-registry';
export const DEMO_BRIDGE = 'demo-birth-certificates';

/** Creates the demo business database, registers it and a full-sync bridge to the exchange database. */
export async function loadDemo(
  deps: { dataDir: string; connections: ConnectionService; bridges: BridgeService },
  rows: number,
  onProgress: (rows: number) => void,
): Promise<{ connection: string; bridge: string; rows: number; filename: string }> {
  const filename = path.join(deps.dataDir, 'demo', 'birth-registry.sqlite');
  writeDemoDatabase(filename, rows, onProgress);
  const connection: ConnectionConfig = parseOrThrow(connectionConfigSchema, {
    name: DEMO_CONNECTION,
    dialect: 'sqlite',
    filename,
    description: '演示业务库：出生医学证明登记',
  });
  await deps.connections.save(connection, { replace: true });
  const bridge: BridgeConfig = parseOrThrow(bridgeConfigSchema, {
    name: DEMO_BRIDGE,
    description: '出生医学证明 → 前置交换库（全量同步）',
    source: { connection: DEMO_CONNECTION, table: DEMO_TABLE },
    target: { table: DEMO_TABLE },
    mode: 'full',
    batchSize: 5000,
  });
  await deps.bridges.save(bridge, true);
  return { connection: DEMO_CONNECTION, bridge: DEMO_BRIDGE, rows, filename };
}
