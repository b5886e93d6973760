import type { Knex } from 'knex';
import type { MysqlConnectionConfig, PostgresConnectionConfig } from '../../shared/index.js';
import { serverAddress } from './pool.js';

/** The dialects that use knex as their driver and pool, and knex's name for each driver. */
const KNEX_CLIENTS = { mysql: 'mysql2', postgres: 'pg' } as const;

/** What a dialect adds: its driver's own connection options and a hook run on each new connection. */
export interface KnexDriverOptions<Conn> {
  readonly connection: Record<string, unknown>;
  readonly afterCreate: (conn: Conn, done: (err: Error | null, conn: Conn) => void) => void;
}

/**
 * knex's config for a server reached through knex: address, user, TLS, pool size and timeouts come
 * from the connection, the driver's own options from the dialect.
 */
export function knexServerConfig<Conn>(
  dialect: keyof typeof KNEX_CLIENTS,
  c: MysqlConnectionConfig | PostgresConnectionConfig,
  driver: KnexDriverOptions<Conn>,
): Knex.Config {
  return {
    client: KNEX_CLIENTS[dialect],
    connection: {
      ...serverAddress(c, dialect),
      user: c.user,
      ...driver.connection,
      ...(c.tls?.enabled ? { ssl: { rejectUnauthorized: c.tls.rejectUnauthorized, ...(c.tls.ca ? { ca: c.tls.ca } : {}) } } : {}),
    } as Knex.StaticConnectionConfig,
    pool: { min: 0, max: c.poolSize, afterCreate: driver.afterCreate },
    acquireConnectionTimeout: c.connectTimeoutMs,
  };
}
