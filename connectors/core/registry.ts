import type { ConnectionConfig, Dialect } from '../../shared/index.js';
import { DIALECTS, ExNodeError, msg } from '../../shared/index.js';
import type { Connector, ConnectorContext, ConnectorFactory } from './connector.js';

/**
 * Dialects load lazily: a node that never talks to Oracle never loads `oracledb`.
 * The map is frozen; an unknown dialect is a clear error, not a crash in a driver.
 */
const LOADERS: Readonly<Record<Dialect, () => Promise<ConnectorFactory>>> = Object.freeze({
  mysql: async () => (await import('../mysql/index.js')).createConnector,
  postgres: async () => (await import('../postgres/index.js')).createConnector,
  mssql: async () => (await import('../mssql/index.js')).createConnector,
  oracle: async () => (await import('../oracle/index.js')).createConnector,
  sqlite: async () => (await import('../sqlite/index.js')).createConnector,
});

export async function loadConnectorFactory(dialect: string): Promise<ConnectorFactory> {
  if (!(DIALECTS as readonly string[]).includes(dialect)) {
    throw new ExNodeError('UNSUPPORTED', msg('connectors.unknownDialect', { dialect, dialects: DIALECTS.join(', ') }));
  }
  try {
    return await LOADERS[dialect as Dialect]();
  } catch (cause) {
    throw new ExNodeError('DRIVER_MISSING', msg('connectors.driverMissing', { dialect, detail: (cause as Error).message }), { cause });
  }
}

export async function openConnector(config: ConnectionConfig, context: ConnectorContext): Promise<Connector> {
  const factory = await loadConnectorFactory(config.dialect);
  return factory(config, context);
}
