import type { Knex } from 'knex';
import sql from 'mssql';
import type { Column, MssqlConnectionConfig, TableRef, TableSchema, TableSummary, TestResult } from '../../shared/index.js';
import { CAPABILITIES, ExNodeError } from '../../shared/index.js';
import type { UpsertCounts, Writer } from '../core/connector.js';
import { chunkForParams, numberPlaceholders } from '../core/sql.js';
import { type DriverConnection, type QueryResult, ServerConnector } from '../core/server-base.js';
import { canonicalFromMssql, fromMssql, mssqlSelect, mssqlTypeFor, toMssql } from './types.js';
import {
  MSSQL_COLUMNS_SQL, MSSQL_DESCRIBE_QUERY_SQL, MSSQL_IDENTIFY_SQL, MSSQL_INDEXES_SQL, MSSQL_TABLES_SQL, mssqlDriverConfig, mssqlLimit, mssqlMerge,
} from './sql.js';

/** A pool or an open transaction: both make Requests. */
type Scope = sql.ConnectionPool | sql.Transaction;

/**
 * SQL Server through the mssql package's own pool (its transactions pin one connection, which
 * knex's generic pool cannot do for tedious); SQL generation is shared with the other dialects.
 */
export class MssqlConnector extends ServerConnector {
  readonly capabilities = CAPABILITIES.mssql;
  declare readonly config: MssqlConnectionConfig;
  private mssqlPool: Promise<sql.ConnectionPool> | null = null;

  protected knexConfig(): Knex.Config {
    throw new ExNodeError('INTERNAL', 'The SQL Server connector uses the mssql pool');
  }

  private connect(): Promise<sql.ConnectionPool> {
    this.mssqlPool ??= new sql.ConnectionPool(mssqlDriverConfig(this.config, this.password) as unknown as sql.config).connect().catch((error: unknown) => {
      this.mssqlPool = null;
      throw error;
    });
    return this.mssqlPool;
  }

  protected override async withConnection<T>(action: string, work: (conn: DriverConnection) => Promise<T>): Promise<T> {
    try {
      return await work(await this.connect());
    } catch (error) {
      throw this.classify(error, this.what(action));
    }
  }

  override async transaction<T>(work: (writer: Writer) => Promise<T>): Promise<T> {
    return this.withConnection('Writing', async (pool) => {
      const tx = new sql.Transaction(pool as sql.ConnectionPool);
      await tx.begin();
      try {
        const result = await work(this.writer(tx));
        await tx.commit();
        return result;
      } catch (error) {
        await tx.rollback().catch(() => undefined);
        throw error;
      }
    });
  }

  protected async run(conn: DriverConnection, text: string, params: readonly unknown[]): Promise<QueryResult> {
    const scope = conn as Scope;
    const request = scope instanceof sql.Transaction ? new sql.Request(scope) : new sql.Request(scope);
    params.forEach((value, i) => request.input(`p${i + 1}`, value as never));
    const result = await request.query(numberPlaceholders(text, (n) => `@p${n}`));
    return { rows: (result.recordset ?? []) as unknown as Record<string, unknown>[], affected: (result.rowsAffected ?? []).reduce((a, b) => a + b, 0) };
  }

  override async close(): Promise<void> {
    const pool = this.mssqlPool;
    this.mssqlPool = null;
    if (pool) await (await pool.catch(() => null))?.close();
  }

  protected fromDriver = fromMssql;
  protected toDriver = toMssql;
  protected columnDdl = mssqlTypeFor;
  protected override selectColumn(c: Column): string {
    return mssqlSelect(c, this.q(c.name));
  }

  protected createTableSuffix(): string {
    return '';
  }

  /** SQL Server has no read-only transaction: a query source is kept read-only by the login's rights. */
  protected override readOnlyBeginSql(): string | null {
    return null;
  }

  protected limitSql(text: string, limit: number): string {
    return mssqlLimit(text, limit);
  }

  protected async tables(conn: DriverConnection): Promise<TableSummary[]> {
    const rows = (await this.run(conn, MSSQL_TABLES_SQL, [this.config.schema ?? null, this.config.schema ?? null])).rows;
    return rows.map((r) => ({ schema: String(r.schema), name: String(r.name), kind: String(r.kind).trim() === 'V' ? 'view' : 'table', rowEstimate: r.estimate === null ? null : Number(r.estimate) }));
  }

  protected async describe(conn: DriverConnection, table: TableRef): Promise<TableSchema | null> {
    const full = `${table.schema ? `${this.q(table.schema)}.` : ''}${this.q(table.name)}`;
    const cols = (await this.run(conn, MSSQL_COLUMNS_SQL, [full])).rows;
    if (cols.length === 0) return null;
    const indexRows = (await this.run(conn, MSSQL_INDEXES_SQL, [full])).rows;
    const indexes = new Map<string, { name: string; columns: string[]; unique: boolean; primary: boolean }>();
    for (const r of indexRows) {
      const entry = indexes.get(String(r.name)) ?? { name: String(r.name), columns: [], unique: r.isUnique === true, primary: r.isPrimary === true };
      entry.columns.push(String(r.col));
      indexes.set(entry.name, entry);
    }
    const all = [...indexes.values()];
    const primaryKey = all.find((i) => i.primary)?.columns ?? [];
    return {
      ...(table.schema ? { schema: table.schema } : {}),
      name: table.name, kind: 'table', rowEstimate: null, primaryKey,
      columns: cols.map((c) => ({
        name: String(c.name), nativeType: String(c.typeName),
        ...canonicalFromMssql(String(c.typeName), Number(c.maxLength), Number(c.precision), Number(c.scale)),
        nullable: c.nullable === true, defaultValue: c.def === null ? null : String(c.def), primaryKey: primaryKey.includes(String(c.name)),
      })),
      uniqueKeys: all.filter((i) => i.unique && !i.primary).map((i) => i.columns),
      indexes: all,
    };
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

  async serverNow(): Promise<string> {
    return this.withConnection('Reading the server clock', async (conn) =>
      String((await this.run(conn, 'SELECT CONVERT(VARCHAR(27), SYSUTCDATETIME(), 121) AS now', [])).rows[0]!.now));
  }

  protected rowHashSql(columns: readonly Column[]): string {
    const parts = columns.map((c) => (c.type === 'binary'
      ? `COALESCE(CONVERT(VARCHAR(MAX), ${this.q(c.name)}, 2), '~N')`
      : `COALESCE(CONVERT(NVARCHAR(MAX), ${this.q(c.name)}), '~N')`));
    return `CONVERT(VARCHAR(32), HASHBYTES('MD5', CONCAT_WS('|', ${parts.join(', ')})), 2)`;
  }

  protected sumHashSql(rowHash: string): string {
    // Summed as DECIMAL: 52-bit values overflow a BIGINT sum after a few thousand rows.
    return `CONVERT(VARCHAR(40), SUM(CONVERT(DECIMAL(38, 0), CONVERT(BIGINT, CONVERT(VARBINARY(8), '0' + SUBSTRING(${rowHash}, 1, 13), 2)))))`;
  }

  protected async upsertRows(conn: DriverConnection, table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<UpsertCounts> {
    let inserted = 0;
    let updated = 0;
    for (const chunk of chunkForParams(rows, columns.length, this.capabilities.maxBindParams - 100, 1000)) {
      const result = await this.run(conn, mssqlMerge(this.withSchema(table), columns, keyColumns, chunk.length), chunk.flat());
      for (const r of result.rows) {
        if (r.action === 'INSERT') inserted++;
        else updated++;
      }
    }
    return { inserted, updated };
  }
}
