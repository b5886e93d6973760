import type { BridgeConfig, ErrorCode } from '../../../shared/index.js';
import { ExNodeError, isExNodeError, msg, tableLabel } from '../../../shared/index.js';
import type { EngineServices } from '../services.js';

/** Failures that say the database could not be reached, not that the bridge is wrong: saving still works. */
const UNREACHABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'HOST_UNREACHABLE', 'PORT_CLOSED', 'TLS_REFUSED', 'LOGIN_FAILED', 'DATABASE_NOT_FOUND', 'PERMISSION_DENIED', 'TIMEOUT',
  'CONNECTION_LOST', 'DRIVER_MISSING',
]);

/**
 * Before a bridge is saved: its source table (or query) exists and has the columns the bridge names
 * (key, cursor, filter, mapping). A database that cannot be reached now does not stop the save.
 */
export async function checkBridgeSource(s: EngineServices, config: BridgeConfig): Promise<void> {
  const { source } = config;
  const label = source.table !== undefined ? tableLabel({ ...(source.schema ? { schema: source.schema } : {}), name: source.table }) : '';
  let columns: string[];
  try {
    columns = await s.withConnector(source.connection, async (c) => (source.query !== undefined
      ? c.describeQuery(source.query)
      : c.describeTable({ ...(source.schema ? { schema: source.schema } : {}), name: source.table! }))
      .then((d) => d.columns.map((col) => col.name)));
  } catch (error) {
    if (!isExNodeError(error) || UNREACHABLE.has(error.code)) return;
    if (error.code === 'NOT_FOUND' && source.query === undefined) {
      throw new ExNodeError('NOT_FOUND', msg('bridges.sourceTableMissing', { connection: source.connection, table: label }));
    }
    if (source.query !== undefined) {
      throw new ExNodeError('INVALID_INPUT', msg('bridges.sourceQueryFailed', {
        connection: source.connection, reason: error.ref ?? error.message,
      }));
    }
    throw error;
  }
  const named = [
    ...(config.primaryKey ?? []), ...(config.cursor ?? []), ...(config.filter ?? []).map((f) => f.column),
    ...(config.columns ?? []).flatMap((m) => (m.source === undefined ? [] : [m.source])), ...(config.exclude ?? []),
  ];
  const missing = [...new Set(named.filter((name) => !columns.includes(name)))];
  if (missing.length > 0) {
    throw new ExNodeError('INVALID_INPUT', msg('bridges.sourceColumnMissing', { table: label || source.connection, columns: missing.join(', ') }));
  }
}
