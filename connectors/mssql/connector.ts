import sql from 'mssql';
import type { Column, MssqlConnectionConfig, TableRef, TableSchema, TableSummary, TestResult } from '../../shared/index.js';
import { CAPABILITIES, msg } from '../../shared/index.js';
import type { UpsertCounts, Writer } from '../core/connector.js';
import { chunkForParams } from '../core/sql.js';
import type { ConnectionPool } from '../core/pool.js';
import { tableSchemaFrom } from '../core/table-schema.js';
import { upsertByReturnedRows } from '../core/server-writer.js';
import { type DriverConnection, type QueryResult, ServerConnector } from '../core/server-base.js';
import { canonicalFromMssql, fromMssql, toMssql } from './types.js';
import {
  MSSQL_COLUMNS_SQL, MSSQL_DESCRIBE_QUERY_SQL, MSSQL_IDENTIFY_SQL, MSSQL_INDEXES_SQL, MSSQL_NOW_SQL, MSSQL_TABLES_SQL, mssqlDriverConfig, mssqlMerge, mssqlSql,
} from './sql.js';

/** Where statements run: on the pool, or inside one transaction on it. */
interface Session {
  readonly pool: sql.ConnectionPool;
  request(): sql.Request;
}

/**
 * The mssql package's own pool: its transactions pin one connection, which knex's generic pool
 * cannot do for tedious. A connection here is a Session that makes Requests on the pool.
 */
class MssqlPool implements ConnectionPool {
  private pool: Promise<sql.ConnectionPool> | null = null;

  constructor(private readonly config: () => sql.config) {}

  async use<T>(work: (conn: Session) => Promise<T>): Promise<T> {
    this.pool ??= new sql.ConnectionPool(this.config()).connect().catch((error: unknown) => {
      this.pool = null;
      throw error;
    });
    const pool = await this.pool;
    return work({ pool, request: () => new sql.Request(pool) });
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    if (pool) await (await pool.catch(() => null))?.close();
  }
}

/** SQL Server; SQL generation is shared with the other dialects (sql.ts). */
export class MssqlConnector extends ServerConnector {
  readonly capabilities = CAPABILITIES.mssql;
  declare readonly config: MssqlConnectionConfig;
  protected readonly sql = mssqlSql;
  protected readonly pool = new MssqlPool(() => mssqlDriverConfig(this.config, this.password) as unknown as sql.config);
  /** SQL Server has no read-only transaction: a query source is kept read-only by the login's rights. */
  protected override readonly readOnlyBegin = null;
  protected readonly nowSql = MSSQL_NOW_SQL;

  override async transaction<T>(work: (writer: Writer) => Promise<T>): Promise<T> {
    return this.withConnection(msg('connectors.action.writing'), async (conn) => {
      const { pool } = conn as Session;
      const tx = new sql.Transaction(pool);
      await tx.begin();
      try {
        const result = await work(this.writer({ pool, request: () => new sql.Request(tx) } satisfies Session));
        await tx.commit();
        return result;
      } catch (error) {
        await tx.rollback().catch(() => undefined);
        throw error;
      }
    });
  }

  protected async run(conn: DriverConnection, text: string, params: readonly unknown[]): Promise<QueryResult> {
    const request = (conn as Session).request();
    params.forEach((value, i) => request.input(`p${i + 1}`, value as never));
    const result = await request.query(text);
    return { rows: (result.recordset ?? []) as unknown as Record<string, unknown>[], affected: (result.rowsAffected ?? []).reduce((a, b) => a + b, 0) };
  }

  protected fromDriver = fromMssql;
  protected toDriver = toMssql;

  protected async tables(conn: DriverConnection): Promise<TableSummary[]> {
    const rows = (await this.run(conn, MSSQL_TABLES_SQL, [this.config.schema ?? null])).rows;
    return rows.map((r) => ({ schema: String(r.schema), name: String(r.name), kind: String(r.kind).trim() === 'V' ? 'view' : 'table', rowEstimate: r.estimate === null ? null : Number(r.estimate) }));
  }

  protected async describe(conn: DriverConnection, table: TableRef): Promise<TableSchema | null> {
    const full = this.sql.table(table);
    const cols = (await this.run(conn, MSSQL_COLUMNS_SQL, [full])).rows;
    if (cols.length === 0) return null;
    const keys = (await this.run(conn, MSSQL_INDEXES_SQL, [full])).rows
      .map((r) => ({ name: String(r.name), column: String(r.col), unique: r.isUnique === true, primary: r.isPrimary === true }));
    return tableSchemaFrom(table, cols.map((c) => ({
      name: String(c.name), nativeType: String(c.typeName),
      ...canonicalFromMssql(String(c.typeName), Number(c.maxLength), Number(c.precision), Number(c.scale)),
      nullable: c.nullable === true, defaultValue: c.def === null ? null : String(c.def),
    })), keys);
  }

  protected async queryColumns(conn: DriverConnection, sql: string): Promise<Column[]> {
    const rows = (await this.run(conn, MSSQL_DESCRIBE_QUERY_SQL, [sql])).rows;
    return rows.map((r) => ({
      name: String(r.name), nativeType: String(r.typeName),
      ...canonicalFromMssql(String(r.typeName).replace(/\(.*$/, ''), Number(r.maxLength), Number(r.precision), Number(r.scale)),
      nullable: true, primaryKey: false,
    }));
  }

  protected async identify(conn: DriverConnection): Promise<Omit<TestResult, 'ok' | 'latencyMs'>> {
    const r = (await this.run(conn, MSSQL_IDENTIFY_SQL, [])).rows[0]!;
    return { product: `SQL Server ${String(r.edition)}`, version: String(r.version), currentUser: String(r.user), currentDatabase: String(r.db) };
  }

  /** MERGE ... OUTPUT $action: the server says, row by row, what it did. */
  protected upsertRows(conn: DriverConnection, table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<UpsertCounts> {
    const chunks = chunkForParams(rows, columns.length, this.capabilities.maxBindParams - 100, 1000);
    return upsertByReturnedRows(chunks, async (chunk) => (await this.exec(conn, mssqlMerge(table, columns, keyColumns, chunk))).rows, (r) => r.action === 'INSERT');
  }
}
