import oracledb from 'oracledb';
import type { Column, OracleConnectionConfig, TableRef, TableSchema, TableSummary, TestResult } from '../../shared/index.js';
import { CAPABILITIES, msg } from '../../shared/index.js';
import type { UpsertCounts, Writer } from '../core/connector.js';
import { chunkForParams } from '../core/sql.js';
import type { ConnectionPool } from '../core/pool.js';
import { tableSchemaFrom } from '../core/table-schema.js';
import { type DriverConnection, type QueryResult, ServerConnector } from '../core/server-base.js';
import { canonicalFromOracle, fromOracle, ORACLE_SESSION_SQL, oracleResultType, toOracle } from './types.js';
import {
  ORACLE_COLUMNS_SQL, ORACLE_IDENTIFY_SQL, ORACLE_KEYS_SQL, ORACLE_NOW_SQL, ORACLE_TABLES_SQL, oracleConnectString, oracleInsertMany, oracleLockKeys,
  oracleMerge, oracleSql,
} from './sql.js';

/** Everything that could lose digits or time arrives as text (session formats in ORACLE_SESSION_SQL). */
function fetchTypeHandler(meta: { dbType?: unknown }): { type: unknown } | undefined {
  const t = meta.dbType;
  if (t === oracledb.DB_TYPE_NUMBER || t === oracledb.DB_TYPE_DATE || t === oracledb.DB_TYPE_TIMESTAMP
    || t === oracledb.DB_TYPE_TIMESTAMP_TZ || t === oracledb.DB_TYPE_TIMESTAMP_LTZ || t === oracledb.DB_TYPE_CLOB || t === oracledb.DB_TYPE_NCLOB) {
    return { type: oracledb.STRING };
  }
  if (t === oracledb.DB_TYPE_BLOB) return { type: oracledb.BUFFER };
  return undefined;
}

/** node-oracledb's own pool; each use borrows one connection with the query timeout as its call timeout. */
class OraclePool implements ConnectionPool {
  private pool: Promise<oracledb.Pool> | null = null;

  constructor(private readonly settings: () => { config: OracleConnectionConfig; password: string | undefined }) {}

  private get config(): OracleConnectionConfig {
    return this.settings().config;
  }

  async use<T>(work: (conn: oracledb.Connection) => Promise<T>): Promise<T> {
    let conn: oracledb.Connection | undefined;
    try {
      conn = await (await this.open()).getConnection();
      conn.callTimeout = this.config.queryTimeoutMs;
      return await work(conn);
    } finally {
      await conn?.close().catch(() => undefined);
    }
  }

  private open(): Promise<oracledb.Pool> {
    this.pool ??= oracledb.createPool({
      user: this.config.user,
      password: this.settings().password ?? '',
      connectString: oracleConnectString(this.config),
      poolMin: 0,
      poolMax: this.config.poolSize,
      connectTimeout: Math.ceil(this.config.connectTimeoutMs / 1000),
      sessionCallback: (conn: oracledb.Connection, _tag: string, done: (error?: Error) => void) => {
        void (async () => {
          for (const statement of ORACLE_SESSION_SQL) await conn.execute(statement);
        })().then(() => done(), (error: Error) => done(error));
      },
    } as oracledb.PoolAttributes).catch((error: unknown) => {
      this.pool = null;
      throw error;
    });
    return this.pool;
  }

  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    if (pool) await (await pool.catch(() => null))?.close(0);
  }
}

/** Oracle through node-oracledb's thin mode (no client libraries). */
export class OracleConnector extends ServerConnector {
  readonly capabilities = CAPABILITIES.oracle;
  declare readonly config: OracleConnectionConfig;
  protected readonly sql = oracleSql;
  protected readonly pool = new OraclePool(() => ({ config: this.config, password: this.password }));
  protected override readonly readOnlyBegin = 'SET TRANSACTION READ ONLY';
  protected readonly nowSql = ORACLE_NOW_SQL;

  override async transaction<T>(work: (writer: Writer) => Promise<T>): Promise<T> {
    return this.withConnection(msg('connectors.action.writing'), async (conn) => {
      try {
        const result = await work(this.writer(conn));
        await (conn as oracledb.Connection).commit();
        return result;
      } catch (error) {
        await (conn as oracledb.Connection).rollback().catch(() => undefined);
        throw error;
      }
    });
  }

  protected async run(conn: DriverConnection, sql: string, params: readonly unknown[]): Promise<QueryResult> {
    const result = await (conn as oracledb.Connection).execute(sql, params as unknown[], {
      outFormat: oracledb.OUT_FORMAT_OBJECT, autoCommit: false, fetchTypeHandler,
    } as oracledb.ExecuteOptions);
    return { rows: (result.rows ?? []) as Record<string, unknown>[], affected: result.rowsAffected ?? 0 };
  }

  protected fromDriver = fromOracle;
  protected toDriver = toOracle;

  protected async tables(conn: DriverConnection): Promise<TableSummary[]> {
    const owner = this.config.schema ?? null;
    const rows = (await this.run(conn, ORACLE_TABLES_SQL, [owner, owner])).rows;
    return rows.map((r) => ({ name: String(r.name), kind: r.kind === 'view' ? 'view' : 'table', rowEstimate: r.estimate === null ? null : Number(r.estimate) }));
  }

  protected async describe(conn: DriverConnection, table: TableRef): Promise<TableSchema | null> {
    const owner = table.schema ?? null;
    const cols = (await this.run(conn, ORACLE_COLUMNS_SQL, [owner, table.name])).rows;
    if (cols.length === 0) return null;
    const keys = (await this.run(conn, ORACLE_KEYS_SQL, [owner, table.name])).rows
      .map((k) => ({ name: String(k.name), column: String(k.col), unique: true, primary: k.type === 'P' }));
    const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return tableSchemaFrom(table, cols.map((c) => ({
      name: String(c.name), nativeType: String(c.data_type),
      ...canonicalFromOracle(String(c.data_type), num(c.char_length), num(c.data_precision), num(c.data_scale)),
      nullable: c.nullable === 'Y', defaultValue: null,
    })), keys);
  }

  protected async queryColumns(conn: DriverConnection, sql: string): Promise<Column[]> {
    const result = await (conn as oracledb.Connection).execute(sql, [], { maxRows: 1 });
    return (result.metaData ?? []).map((m) => {
      const typeName = m.dbTypeName ?? 'VARCHAR2';
      return {
        name: m.name, nativeType: typeName,
        ...canonicalFromOracle(oracleResultType(typeName, m.scale), m.byteSize ?? null, m.precision || null, m.scale === undefined || m.scale === -127 ? null : m.scale),
        nullable: true, primaryKey: false,
      };
    });
  }

  protected async identify(conn: DriverConnection): Promise<Omit<TestResult, 'ok' | 'latencyMs'>> {
    const r = (await this.run(conn, ORACLE_IDENTIFY_SQL, [])).rows[0]!;
    return { product: 'Oracle', version: (conn as oracledb.Connection).oracleServerVersionString ?? '', currentUser: String(r.user), currentDatabase: String(r.db) };
  }

  /** MERGE, with inserted/updated derived from the keys that existed (locked) before it ran. */
  protected async upsertRows(conn: DriverConnection, table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<UpsertCounts> {
    const keyIdx = keyColumns.map((k) => columns.findIndex((c) => c.name === k));
    let inserted = 0;
    let updated = 0;
    // A UNION ALL of 500 one-row SELECTs from dual is as large a MERGE source as Oracle parses quickly.
    for (const chunk of chunkForParams(rows, columns.length, Math.min(1000, this.capabilities.maxBindParams), 500)) {
      const existing = (await this.exec(conn, oracleLockKeys(table, keyColumns, chunk.map((r) => keyIdx.map((i) => r[i]))))).rows.length;
      const merged = (await this.exec(conn, oracleMerge(table, columns, keyColumns, chunk))).affected;
      updated += existing;
      inserted += merged - existing;
    }
    return { inserted, updated };
  }

  /** executeMany: one round trip for the whole batch. */
  override async bulkInsertRows(conn: DriverConnection, table: TableRef, columns: readonly Column[], rows: readonly (readonly unknown[])[]): Promise<number> {
    const result = await (conn as oracledb.Connection).executeMany(oracleInsertMany(table, columns), rows.map((r) => this.bindRow(columns, r)), { autoCommit: false });
    return result.rowsAffected ?? 0;
  }
}
