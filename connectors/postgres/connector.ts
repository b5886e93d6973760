import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Column, PostgresConnectionConfig, TableRef, TableSchema, TableSummary, TestResult } from '../../shared/index.js';
import { CAPABILITIES, ExNodeError } from '../../shared/index.js';
import type { UpsertCounts } from '../core/connector.js';
import { type FieldEncoder, fieldEncoder, mayNeedEscaping, tabSeparatedChunks } from '../core/bulk-text.js';
import { type DriverConnection, type QueryResult, ServerConnector } from '../core/server-base.js';
import { KnexPool } from '../core/pool.js';
import { knexServerConfig } from '../core/knex-config.js';
import { upsertByReturnedRows } from '../core/server-writer.js';
import { canonicalFromPostgres, fromPostgres, toPostgres, typeParser } from './types.js';
import { POSTGRES_IDENTIFY_SQL, POSTGRES_NOW_SQL, POSTGRES_RESULT_TYPES_SQL, postgresCopy, postgresSql, postgresUpsert } from './sql.js';
import { describePostgresTable, listPostgresTables } from './introspect.js';

type PgClient = pg.PoolClient;

/**
 * The node's statements are short and keyed: JIT only adds risk (a backend once spent minutes
 * compiling one lookup, deaf to cancel). Servers without the setting (before 11, some compatibles)
 * refuse it, harmlessly.
 */
function disableJit(conn: pg.Client, done: (err: Error | null, conn: pg.Client) => void): void {
  conn.query('SET jit = off', () => done(null, conn));
}

/** PostgreSQL and compatible servers (KingbaseES). */
export class PostgresConnector extends ServerConnector {
  readonly capabilities = CAPABILITIES.postgres;
  declare readonly config: PostgresConnectionConfig;
  protected readonly sql = postgresSql;
  protected readonly pool = new KnexPool(() => this.knexConfig());
  protected readonly nowSql = POSTGRES_NOW_SQL;

  private knexConfig(): Knex.Config {
    const c = this.config;
    return knexServerConfig('postgres', c, {
      connection: {
        ...(this.password !== undefined ? { password: this.password } : {}),
        connectionTimeoutMillis: c.connectTimeoutMs,
        statement_timeout: c.queryTimeoutMs,
        // Instants are read and written in UTC; timestamps without zone are never converted.
        options: '-c TimeZone=UTC -c client_encoding=UTF8',
        types: { getTypeParser: typeParser(pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => (value: string) => unknown) },
      },
      afterCreate: disableJit,
    });
  }

  protected async run(conn: DriverConnection, sql: string, params: readonly unknown[]): Promise<QueryResult> {
    const result = await (conn as PgClient).query({ text: sql, values: params as unknown[] });
    return { rows: result.rows ?? [], affected: result.rowCount ?? 0 };
  }

  protected fromDriver = fromPostgres;
  protected toDriver = toPostgres;
  protected tables(conn: DriverConnection): Promise<TableSummary[]> {
    return listPostgresTables(async (sql, params) => (await this.run(conn, sql, params)).rows, this.config.schema ?? null);
  }

  protected async queryColumns(conn: DriverConnection, sql: string): Promise<Column[]> {
    const { fields } = await (conn as PgClient).query(sql);
    if (fields.length === 0) return [];
    // Type names (a domain's base type) and display names for the OIDs the result reports.
    const types = (await this.run(conn, POSTGRES_RESULT_TYPES_SQL, [fields.map((f) => f.dataTypeID), fields.map((f) => f.dataTypeModifier)])).rows;
    return fields.map((f, i) => {
      const t = types[i]!;
      return { name: f.name, nativeType: String(t.native), ...canonicalFromPostgres(String(t.typname), Number(t.typmod)), nullable: true, primaryKey: false };
    });
  }

  protected describe(conn: DriverConnection, table: TableRef): Promise<TableSchema | null> {
    return describePostgresTable(async (sql, params) => (await this.run(conn, sql, params)).rows, table);
  }

  protected async identify(conn: DriverConnection): Promise<Omit<TestResult, 'ok' | 'latencyMs'>> {
    const row = (await this.run(conn, POSTGRES_IDENTIFY_SQL, [])).rows[0]!;
    const full = String(row.version);
    const product = /kingbase/i.test(full) ? 'KingbaseES' : 'PostgreSQL';
    const version = /\d+(\.\d+)+/.exec(full)?.[0] ?? full;
    return { product, version, currentUser: String(row.user), currentDatabase: String(row.db) };
  }

  /** `ON CONFLICT ... RETURNING (xmax = 0)`: the server says which rows were new. */
  /** `ON CONFLICT ... RETURNING (xmax = 0)`: the server says which rows were new. */
  protected upsertRows(conn: DriverConnection, table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<UpsertCounts> {
    return upsertByReturnedRows(this.rowChunks(rows, columns.length), async (chunk) => (await this.exec(conn, postgresUpsert(table, columns, keyColumns, chunk))).rows, (r) => r.inserted === true);
  }

  /** COPY FROM STDIN: PostgreSQL's own bulk path, on the transaction's connection. */
  override async bulkInsertRows(conn: DriverConnection, table: TableRef, columns: readonly Column[], rows: readonly (readonly unknown[])[]): Promise<number> {
    const stream = (conn as PgClient).query(copyFrom(postgresCopy(table, columns)));
    await pipeline(Readable.from(tabSeparatedChunks(columns.map(copyEncoder), rows)), stream);
    return copiedRows(stream);
  }
}

/** The server's own count from its `COPY n` reply; a stream that reports none is a driver that cannot say. */
function copiedRows(stream: unknown): number {
  const count = (stream as { rowCount?: unknown }).rowCount;
  if (typeof count !== 'number') throw new ExNodeError('INTERNAL', 'COPY finished without the server reporting how many rows it wrote');
  return count;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPABLE = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const escapeCopy = (s: string) => s.replace(ESCAPABLE, (ch) => ESCAPES[ch]!);

/** How a column's values are written in COPY text; toPostgres leaves strings and numbers of other types as they are. */
function copyEncoder(c: Column): FieldEncoder {
  const passThrough = c.type !== 'binary' && c.type !== 'boolean' && c.type !== 'json';
  return fieldEncoder(c, (v) => copyField(c, toPostgres(c, v)), { passThrough, needsEscape: NEEDS_ESCAPE, escape: escapeCopy });
}

/** One field of COPY's text format: NULL as \N, backslash escapes, bytea as \\x hex. */
function copyField(c: Column, v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (c.type === 'binary') return `\\\\x${(Buffer.isBuffer(v) ? v : Buffer.from(String(v))).toString('hex')}`;
  const s = typeof v === 'boolean' ? (v ? 't' : 'f') : String(v);
  return mayNeedEscaping(c) && NEEDS_ESCAPE.test(s) ? escapeCopy(s) : s;
}
