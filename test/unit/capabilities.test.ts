/**
 * Each dialect's declared capabilities against its connector: a declared bulk path exists, the
 * statements it builds stay within the declared bind limit (and Oracle's 1,000-item IN lists), and the
 * declared upsert syntax is the one its compiler writes.
 */
import { describe, expect, it } from 'vitest';
import type { ConnectionConfig, Dialect } from '../../shared/index.js';
import { CAPABILITIES, connectionConfigSchema, DIALECTS } from '../../shared/index.js';
import { openConnector } from '../../connectors/core/registry.js';
import type { KeysetReader } from '../../connectors/core/keyset-reader.js';
import type { SqlCompiler } from '../../connectors/core/compiler.js';
import { rowChunks } from '../../connectors/core/server-writer.js';
import { mysqlUpsert } from '../../connectors/mysql/sql.js';
import { postgresUpsert } from '../../connectors/postgres/sql.js';
import { mssqlMerge } from '../../connectors/mssql/sql.js';
import { oracleMerge } from '../../connectors/oracle/sql.js';
import { sqliteUpsertRow } from '../../connectors/sqlite/sql.js';
import { col } from '../support/sql-cases.js';

const CONFIGS: Record<Dialect, Record<string, unknown>> = {
  mysql: { host: '127.0.0.1', user: 'u', database: 'd' },
  postgres: { host: '127.0.0.1', user: 'u', database: 'd' },
  mssql: { host: '127.0.0.1', user: 'u', database: 'd' },
  oracle: { host: '127.0.0.1', user: 'u', serviceName: 'd' },
  sqlite: { filename: '/nonexistent/never-opened.sqlite' },
};

/** Connectors are built without connecting: nothing here touches a server or a file. */
async function connectorOf(dialect: Dialect) {
  const config = connectionConfigSchema.parse({ name: 'c', dialect, ...CONFIGS[dialect] }) as ConnectionConfig;
  const connector = await openConnector(config, { password: undefined });
  // The reader and compiler are the connector's own (protected): the very objects its reads and writes use.
  return { connector, reader: Reflect.get(connector, 'reader') as KeysetReader, sql: Reflect.get(connector, 'sql') as SqlCompiler | undefined };
}

const NATIVE_BULK = new Set(['load-data-local-infile', 'copy-from-stdin', 'execute-many']);
const UPSERTS: Record<Dialect, () => string> = {
  mysql: () => mysqlUpsert({ name: 't' }, [col('id', 'integer'), col('v', 'text')], ['id'], [[1, 'a']]).sql,
  postgres: () => postgresUpsert({ name: 't' }, [col('id', 'integer'), col('v', 'text')], ['id'], [[1, 'a']]).sql,
  mssql: () => mssqlMerge({ name: 't' }, [col('id', 'integer'), col('v', 'text')], ['id'], [[1, 'a']]).sql,
  oracle: () => oracleMerge({ name: 't' }, [col('id', 'integer'), col('v', 'text')], ['id'], [[1, 'a']]).sql,
  sqlite: () => { const s = sqliteUpsertRow({ name: 't' }, [col('id', 'integer'), col('v', 'text')], ['id']); return `${s.updateSql}; ${s.insertSql}`; },
};
const UPSERT_SHAPE = { 'on-duplicate-key': /ON DUPLICATE KEY UPDATE/, 'on-conflict': /ON CONFLICT/, merge: /^MERGE INTO/, 'update-then-insert': /^UPDATE .*; INSERT INTO/ } as const;

describe.each(DIALECTS.map((d) => [d]))('%s capabilities', (dialect) => {
  const caps = CAPABILITIES[dialect];

  it('has its declared bulk path exactly when it declares a native one', async () => {
    const { connector } = await connectorOf(dialect);
    expect(connector.capabilities).toBe(caps);
    const bulk = (connector as unknown as { bulkInsertRows?: unknown }).bulkInsertRows;
    expect(typeof bulk === 'function').toBe(NATIVE_BULK.has(caps.bulkLoad));
  });

  it('keeps every lookup and delete within the bind limit, however many keys and columns', async () => {
    const { reader, sql } = await connectorOf(dialect);
    const compiler = sql ?? (await import('../../connectors/sqlite/sql.js')).sqliteSql;
    for (const width of [1, 2, 3]) {
      const keyColumns = Array.from({ length: width }, (_, i) => `k${i}`);
      const keys = Array.from({ length: 12_000 }, (_, i) => keyColumns.map((_, j) => i * 10 + j));
      const chunks = reader.keyChunks(keys, width);
      expect(chunks.flat()).toHaveLength(keys.length);
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(compiler.keyShapes.maxKeysPerStatement);
        expect(compiler.deleteKeys({ name: 't' }, keyColumns, chunk).bindings.length).toBeLessThanOrEqual(caps.maxBindParams);
        expect(compiler.lookup({ name: 't' }, keyColumns.map((k) => col(k, 'integer')), keyColumns, chunk).bindings.length).toBeLessThanOrEqual(caps.maxBindParams);
      }
    }
    if (dialect === 'oracle') expect(compiler.keyShapes.maxKeysPerStatement).toBe(1000);
  });

  it('keeps every multi-row insert within the bind limit', () => {
    const columns = Array.from({ length: 37 }, (_, i) => col(`c${i}`, 'integer'));
    const rows = Array.from({ length: 5000 }, (_, r) => columns.map((_, i) => r + i));
    for (const chunk of rowChunks(rows, columns.length, caps.maxBindParams)) expect(chunk.length * columns.length).toBeLessThanOrEqual(caps.maxBindParams);
  });

  it('writes the upsert syntax it declares', () => {
    expect(UPSERTS[dialect]()).toMatch(UPSERT_SHAPE[caps.upsert]);
  });
});
