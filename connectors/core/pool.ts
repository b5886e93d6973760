import knexFactory, { type Knex } from 'knex';
import type { Dialect } from '../../shared/index.js';
import { CAPABILITIES } from '../../shared/index.js';

/** A raw driver connection (mysql2, pg, a tedious-backed Transaction or pool, an oracledb connection). */
export type DriverConnection = unknown;

/** Where a server connector borrows its connections: knex's pool, or a driver's own. */
export interface ConnectionPool {
  /** Lends one connection to `work` and takes it back, whatever happens. */
  use<T>(work: (conn: DriverConnection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** knex as the driver and pool (MySQL, PostgreSQL), created on first use. */
export class KnexPool implements ConnectionPool {
  private knex: Knex | null = null;

  constructor(private readonly config: () => Knex.Config) {}

  async use<T>(work: (conn: DriverConnection) => Promise<T>): Promise<T> {
    const client = this.open().client;
    const conn: DriverConnection = await client.acquireConnection().catch((error: unknown) => {
      throw driverError(error);
    });
    try {
      return await work(conn);
    } finally {
      await client.releaseConnection(conn);
    }
  }

  private open(): Knex {
    if (!this.knex) {
      this.knex = knexFactory(this.config());
      // knex logs pool errors (with stacks) to the console; classified errors are thrown instead.
      this.knex.client.logger.error = () => undefined;
      this.knex.client.logger.warn = () => undefined;
    }
    return this.knex;
  }

  async close(): Promise<void> {
    await this.knex?.destroy();
    this.knex = null;
  }
}

/** knex wraps pool timeouts; the driver's own error, when there is one, says more. */
function driverError(error: unknown): unknown {
  if ((error as Error)?.name !== 'KnexTimeoutError') return error;
  const inner = (error as { cause?: unknown }).cause;
  return inner ?? Object.assign(new Error((error as Error).message), { code: 'ETIMEDOUT' });
}

/** The server, port and database a knex-driven connection opens, the dialect's port by default. */
export function serverAddress(c: { host: string; port?: number | undefined; database: string }, dialect: Dialect): { host: string; port: number; database: string } {
  return { host: c.host, port: c.port ?? CAPABILITIES[dialect].defaultPort ?? 0, database: c.database };
}
