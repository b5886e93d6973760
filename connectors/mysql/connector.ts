import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import type { Column, MysqlConnectionConfig, TableRef, TableSchema, TableSummary, TestResult } from '../../shared/index.js';
import { CAPABILITIES } from '../../shared/index.js';
import type { UpsertCounts } from '../core/connector.js';
import { type FieldEncoder, fieldEncoder, mayNeedEscaping, tabSeparatedChunks } from '../core/bulk-text.js';
import { type DriverConnection, type QueryResult, ServerConnector } from '../core/server-base.js';
import { KnexPool } from '../core/pool.js';
import { knexServerConfig } from '../core/knex-config.js';
import { fromMysql, isBit, toMysql } from './types.js';
import { mysqlLoadData, mysqlSql, mysqlUpsert } from './sql.js';
import { describeMysqlTable, listMysqlTables, type MysqlField, mysqlQueryColumns } from './introspect.js';

/** The driver gives up this long after the server should have ended a statement itself. */
const CLIENT_TIMEOUT_MARGIN_MS = 5000;

interface Mysql2Connection {
  query(
    options: { sql: string; values?: unknown[]; timeout?: number; infileStreamFactory?: () => Readable },
    cb: (err: Error | null, result: unknown, fields?: MysqlField[]) => void,
  ): void;
}

/** MySQL, MariaDB and the MySQL-protocol products (TiDB, OceanBase MySQL mode, GBase 8a). */
export class MysqlConnector extends ServerConnector {
  readonly capabilities = CAPABILITIES.mysql;
  declare readonly config: MysqlConnectionConfig;
  protected readonly sql = mysqlSql;
  protected readonly pool = new KnexPool(() => this.knexConfig());
  protected readonly nowSql = 'SELECT UTC_TIMESTAMP(6) AS now';

  private knexConfig(): Knex.Config {
    const c = this.config;
    return knexServerConfig<Mysql2Connection>('mysql', c, {
      connection: {
        password: this.password ?? '',
        charset: 'utf8mb4',
        connectTimeout: c.connectTimeoutMs,
        // Values stay text: dates are never shifted, big integers and decimals stay exact.
        dateStrings: true,
        supportBigNumbers: true,
        bigNumberStrings: true,
        decimalNumbers: false,
        // JSON as the server's text: parsing would round big numbers and reformat the document.
        jsonStrings: true,
        // Without FOUND_ROWS an unchanged upserted row reports 0, so insert (1) and update (2) stay distinct.
        flags: '-FOUND_ROWS',
        // No typeCast function: with one, the driver calls it with a new closure for every value of every
        // row. BIT values arrive as bytes and fromMysql reads them as the column's canonical type.
      },
      // TIMESTAMP values are read and written in UTC; DATETIME values are never converted.
      afterCreate: (conn, done) => {
        conn.query({ sql: "SET time_zone = '+00:00', NAMES utf8mb4" }, (err) => {
          if (err) return done(err, conn);
          // The server ends a statement past the query timeout itself, so nothing keeps running there.
          // MariaDB and MySQL name that limit differently and compatible products may have neither:
          // each is tried and a refusal ignored (the driver's own timeout below still applies).
          conn.query({ sql: `SET SESSION max_statement_time = ${c.queryTimeoutMs / 1000}` }, () => {
            conn.query({ sql: `SET SESSION max_execution_time = ${c.queryTimeoutMs}` }, () => done(null, conn));
          });
        });
      },
    });
  }

  protected run(conn: DriverConnection, sql: string, params: readonly unknown[], infile?: () => Readable): Promise<QueryResult> {
    return new Promise((resolve, reject) => {
      (conn as Mysql2Connection).query({ sql, values: params as unknown[], timeout: this.config.queryTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS, ...(infile ? { infileStreamFactory: infile } : {}) }, (err, result) => {
        if (err) return reject(err);
        if (Array.isArray(result)) return resolve({ rows: result as Record<string, unknown>[], affected: 0 });
        const header = result as { affectedRows?: number; info?: string };
        resolve({ rows: [], affected: header.affectedRows ?? 0, ...(header.info ? { info: header.info } : {}) });
      });
    });
  }

  protected fromDriver = fromMysql;
  protected toDriver = toMysql;

  protected tables(conn: DriverConnection): Promise<TableSummary[]> {
    return listMysqlTables(async (sql, params) => (await this.run(conn, sql, params)).rows);
  }

  protected describe(conn: DriverConnection, table: TableRef): Promise<TableSchema | null> {
    return describeMysqlTable(async (sql, params) => (await this.run(conn, sql, params)).rows, table);
  }

  protected async queryColumns(conn: DriverConnection, sql: string): Promise<Column[]> {
    const fields = await new Promise<MysqlField[]>((resolve, reject) => {
      (conn as Mysql2Connection).query({ sql, timeout: this.config.queryTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS }, (err, _rows, f) => (err ? reject(err) : resolve(f ?? [])));
    });
    const charsets = [...new Set(fields.map((f) => f.characterSet))];
    const maxLen = new Map<number, number>();
    if (charsets.length > 0) {
      const rows = (await this.run(conn, `SELECT co.ID AS id, cs.MAXLEN AS maxlen FROM information_schema.COLLATIONS co
        JOIN information_schema.CHARACTER_SETS cs ON cs.CHARACTER_SET_NAME = co.CHARACTER_SET_NAME WHERE co.ID IN (${charsets.map(() => '?').join(', ')})`, charsets)
        .catch(() => ({ rows: [] }))).rows;
      for (const r of rows) maxLen.set(Number(r.id), Number(r.maxlen));
    }
    // An unknown character set counts one byte per character: the column is then never too short.
    return mysqlQueryColumns(fields, (charset) => maxLen.get(charset) ?? 1);
  }

  protected async identify(conn: DriverConnection): Promise<Omit<TestResult, 'ok' | 'latencyMs'>> {
    const row = (await this.run(conn, 'SELECT VERSION() AS version, CURRENT_USER() AS user, DATABASE() AS db', [])).rows[0]!;
    const version = String(row.version);
    const product = /mariadb/i.test(version) ? 'MariaDB' : /tidb/i.test(version) ? 'TiDB' : /oceanbase/i.test(version) ? 'OceanBase' : 'MySQL';
    return { product, version, currentUser: String(row.user), currentDatabase: String(row.db) };
  }

  /** `INSERT ... ON DUPLICATE KEY UPDATE`; the server's own "Duplicates" figure splits inserts from updates. */
  protected async upsertRows(conn: DriverConnection, table: TableRef, columns: readonly Column[], keyColumns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<UpsertCounts> {
    let inserted = 0;
    let updated = 0;
    for (const chunk of this.rowChunks(rows, columns.length)) {
      const result = await this.exec(conn, mysqlUpsert(table, columns, keyColumns, chunk));
      const duplicates = /Duplicates:\s*(\d+)/.exec(result.info ?? '');
      if (duplicates) {
        updated += Number(duplicates[1]);
        inserted += chunk.length - Number(duplicates[1]);
      } else {
        // One-row statements carry no summary: 1 = inserted, 2 = updated, 0 = matched but unchanged.
        if (result.affected === 1) inserted += 1;
        else updated += 1;
      }
    }
    return { inserted, updated };
  }

  /** LOAD DATA LOCAL INFILE from an in-memory stream: MySQL's own bulk path. */
  override async bulkInsertRows(conn: DriverConnection, table: TableRef, columns: readonly Column[], rows: readonly (readonly unknown[])[]): Promise<number> {
    const result = await this.run(conn, mysqlLoadData(table, columns), [], () => Readable.from(tabSeparatedChunks(columns.map(loadDataEncoder), rows)));
    return result.affected;
  }
}

const LOAD_DATA_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', [String.fromCharCode(0)]: '\\0' };
const LOAD_DATA_CLASS = `[${Object.keys(LOAD_DATA_ESCAPES).map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`;
const LOAD_DATA_SPECIAL = new RegExp(LOAD_DATA_CLASS, 'g');
const HAS_LOAD_DATA_SPECIAL = new RegExp(LOAD_DATA_CLASS);

const escapeLoadData = (s: string) => s.replace(LOAD_DATA_SPECIAL, (ch) => LOAD_DATA_ESCAPES[ch]!);

/** How a column's values are written for LOAD DATA; toMysql leaves strings and numbers of other types as they are. */
function loadDataEncoder(c: Column): FieldEncoder {
  const converted = c.type === 'binary' || c.type === 'boolean' || c.type === 'json' || c.type === 'datetime' || c.type === 'timestamptz' || isBit(c);
  return fieldEncoder(c, (v) => loadDataField(c, toMysql(c, v)), { passThrough: !converted, needsEscape: HAS_LOAD_DATA_SPECIAL, escape: escapeLoadData });
}

/** One field of a LOAD DATA text file: NULL as \N, special characters escaped, binary as hex. */
function loadDataField(c: Column, v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (c.type === 'binary') return (Buffer.isBuffer(v) ? v : Buffer.from(String(v))).toString('hex');
  const s = String(v);
  return mayNeedEscaping(c) && HAS_LOAD_DATA_SPECIAL.test(s) ? escapeLoadData(s) : s;
}
