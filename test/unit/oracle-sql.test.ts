import { describe, expect, it } from 'vitest';
import type { Column } from '../../shared/index.js';
import { connectionConfigSchema } from '../../shared/index.js';
import { canonicalFromOracle, fromOracle, oracleResultType, oracleTypeFor, toOracle } from '../../connectors/oracle/types.js';
import { oracleConnectString, oracleInsertMany, oracleLockKeys, oracleMerge, oracleSql as sql } from '../../connectors/oracle/sql.js';
import { DAY, ID, NAME, PEOPLE } from '../support/sql-cases.js';

const col = (name: string, type: Column['type'], extra: Partial<Column> = {}): Column => ({ name, nativeType: type, type, nullable: true, primaryKey: false, ...extra });
const oracle = (extra: Record<string, unknown>) => {
  const c = connectionConfigSchema.parse({ name: 'o', dialect: 'oracle', user: 'hr', ...extra });
  if (c.dialect !== 'oracle') throw new Error('dialect');
  return c;
};

describe('Oracle SQL', () => {
  it('pages with FETCH FIRST and binds :n', () => {
    expect(sql.page({ schema: 'HR', name: 'T' }, [col('ID', 'integer')], { keyColumns: ['ID'], after: [3] }, 1000)).toEqual({
      sql: 'SELECT "ID" FROM "HR"."T" WHERE "ID" > :1 ORDER BY "ID" FETCH FIRST 1000 ROWS ONLY', bindings: [3],
    });
    expect(sql.page(PEOPLE, [ID, DAY], { keyColumns: ['id', 'day'], upTo: [9, '2024-02-01'] }, 10)).toEqual({
      sql: 'SELECT "id", "day" FROM "people" WHERE ("id" < :1 OR ("id" = :2 AND "day" <= :3)) ORDER BY "id", "day" FETCH FIRST 10 ROWS ONLY', bindings: [9, 9, '2024-02-01'],
    });
  });

  it('hashes rows with STANDARD_HASH, LOBs hashed first, and sums as text', () => {
    const hash = `RAWTOHEX(STANDARD_HASH(NVL(TO_CHAR("id"), '~N') || '|' || NVL(RAWTOHEX(DBMS_CRYPTO.HASH("note", 2)), '~N'), 'MD5'))`;
    expect(sql.keyHashPage(PEOPLE, [ID, col('note', 'text')], [ID], { keyColumns: ['id'] }, 5).sql).toBe(`SELECT "id", ${hash} AS "__exn_row_hash" FROM "people" ORDER BY "id" FETCH FIRST 5 ROWS ONLY`);
    expect(sql.rangeChecksum(PEOPLE, [ID, col('note', 'text')], { keyColumns: ['id'], after: [1] })).toEqual({
      sql: `SELECT COUNT(*) AS "n", TO_CHAR(SUM(TO_NUMBER(SUBSTR(${hash}, 1, 13), 'XXXXXXXXXXXXX'))) AS "s" FROM "people" WHERE "id" > :1`, bindings: [1],
    });
    expect(sql.count(PEOPLE, [{ column: 'name', op: 'like', value: 'A%' }])).toEqual({ sql: 'SELECT COUNT(*) AS "n" FROM "people" WHERE "name" LIKE :1', bindings: ['A%'] });
    expect(sql.maxValue(PEOPLE, ID).sql).toBe('SELECT "id" FROM (SELECT MAX("id") AS "id" FROM "people") "exn_max"');
  });

  it('looks up, locks and deletes composite keys as row-value IN lists', () => {
    expect(sql.lookup(PEOPLE, [ID, NAME], ['id', 'day'], [[1, 'a'], [2, 'b']])).toEqual({
      sql: 'SELECT "id", "name" FROM "people" WHERE ("id", "day") IN ((:1, :2), (:3, :4))', bindings: [1, 'a', 2, 'b'],
    });
    expect(oracleLockKeys(PEOPLE, ['id'], [[1], [2]])).toEqual({ sql: 'SELECT 1 AS "x" FROM "people" WHERE "id" IN (:1, :2) FOR UPDATE', bindings: [1, 2] });
    expect(sql.deleteKeys(PEOPLE, ['id'], [[1]])).toEqual({ sql: 'DELETE FROM "people" WHERE "id" IN (:1)', bindings: [1] });
  });

  it('inserts rows as a UNION ALL from dual (no multi-row VALUES before 23c) and in bulk with executeMany', () => {
    expect(sql.insert(PEOPLE, [ID, NAME], [[1, 'a'], [2, 'b']])).toEqual({
      sql: 'INSERT INTO "people" ("id", "name") SELECT :1, :2 FROM dual UNION ALL SELECT :3, :4 FROM dual', bindings: [1, 'a', 2, 'b'],
    });
    expect(oracleInsertMany(PEOPLE, [ID, NAME])).toBe('INSERT INTO "people" ("id", "name") VALUES (:1, :2)');
  });

  it('merges from bound rows selected FROM dual', () => {
    const merge = oracleMerge({ name: 'T' }, [col('ID', 'integer'), col('NAME', 'string')], ['ID'], [[1, 'a'], [2, 'b']]);
    expect(merge.sql).toBe(
      'MERGE INTO "T" t USING (SELECT :1 AS "ID", :2 AS "NAME" FROM dual UNION ALL SELECT :3 AS "ID", :4 AS "NAME" FROM dual) s ON (t."ID" = s."ID") ' +
      'WHEN MATCHED THEN UPDATE SET t."NAME" = s."NAME" WHEN NOT MATCHED THEN INSERT ("ID", "NAME") VALUES (s."ID", s."NAME")');
    expect(merge.bindings).toEqual([1, 'a', 2, 'b']);
  });

  it('writes DDL; a table that is already gone is not an error when dropped', () => {
    expect(sql.createTable(PEOPLE, [ID, NAME], ['id'])).toBe('CREATE TABLE "people" (\n  "id" NUMBER(10) NOT NULL,\n  "name" NVARCHAR2(40),\n  PRIMARY KEY ("id")\n)');
    expect(sql.addColumn(PEOPLE, NAME)).toBe('ALTER TABLE "people" ADD "name" NVARCHAR2(40)');
    expect(sql.createIndex(PEOPLE, 'i', ['name'])).toBe('CREATE INDEX "i" ON "people" ("name")');
    expect(sql.dropTable({ name: "it's" })).toBe(`BEGIN EXECUTE IMMEDIATE 'DROP TABLE "it''s" PURGE'; EXCEPTION WHEN OTHERS THEN IF SQLCODE != -942 THEN RAISE; END IF; END;`);
    expect(sql.analyze(PEOPLE)).toBeNull();
  });

  it('keeps NUMBER scale, DATE time, CLOB length and TIMESTAMP WITH TIME ZONE', () => {
    expect(canonicalFromOracle('NUMBER', null, 12, 4)).toEqual({ type: 'decimal', precision: 12, scale: 4 });
    expect(canonicalFromOracle('NUMBER', null, null, null)).toEqual({ type: 'decimal' });
    expect(canonicalFromOracle('NUMBER', null, 19, 0)).toEqual({ type: 'decimal', precision: 19, scale: 0 });
    expect(canonicalFromOracle('NUMBER', null, 18, 0)).toEqual({ type: 'bigint' });
    expect(canonicalFromOracle('NUMBER', null, 9, 0)).toEqual({ type: 'integer' });
    expect(canonicalFromOracle('DATE', null, null, null)).toEqual({ type: 'datetime' });
    expect(canonicalFromOracle('CLOB', null, null, null)).toEqual({ type: 'text' });
    expect(canonicalFromOracle('NVARCHAR2', 50, null, null)).toEqual({ type: 'string', length: 50 });
    expect(canonicalFromOracle('TIMESTAMP(9)', null, null, 9)).toEqual({ type: 'datetime', precision: 9 });
    expect(canonicalFromOracle('TIMESTAMP(6) WITH TIME ZONE', null, null, 6)).toEqual({ type: 'timestamptz', precision: 6 });
    expect(canonicalFromOracle('RAW', null, null, null)).toEqual({ type: 'binary' });
  });

  it('never truncates text to VARCHAR2(4000) and keeps time zones', () => {
    expect(oracleTypeFor(col('a', 'text'))).toBe('NCLOB');
    expect(oracleTypeFor(col('a', 'string', { length: 5000 }))).toBe('NCLOB');
    expect(oracleTypeFor(col('a', 'string', { length: 40 }))).toBe('NVARCHAR2(40)');
    expect(oracleTypeFor(col('a', 'decimal', { precision: 14, scale: 2 }))).toBe('NUMBER(14,2)');
    expect(oracleTypeFor(col('a', 'timestamptz'))).toBe('TIMESTAMP(6) WITH TIME ZONE');
    expect(oracleTypeFor(col('a', 'datetime'))).toBe('TIMESTAMP(6)');
    expect(oracleTypeFor(col('a', 'binary'))).toBe('BLOB');
    expect(oracleTypeFor(col('a', 'boolean'))).toBe('NUMBER(1)');
  });

  it('converts values without shifting time', () => {
    expect(fromOracle(col('d', 'datetime'), '2024-01-02 03:04:05.123456000')).toBe('2024-01-02 03:04:05.123456');
    expect(fromOracle(col('d', 'timestamptz'), '2024-01-02T11:04:05.000000000+08:00')).toBe('2024-01-02T03:04:05Z');
    expect(fromOracle(col('b', 'boolean'), '1')).toBe(true);
    expect(toOracle(col('d', 'timestamptz'), '2024-01-02T03:04:05Z')).toBe('2024-01-02 03:04:05 +00:00');
  });

  it('builds Easy Connect, SID descriptors, or takes a connect string as given', () => {
    expect(oracleConnectString(oracle({ host: 'db', serviceName: 'ORCLPDB1' }))).toBe('db:1521/ORCLPDB1');
    expect(oracleConnectString(oracle({ host: 'db', port: 1522, sid: 'ORCL' }))).toBe('(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db)(PORT=1522))(CONNECT_DATA=(SID=ORCL)))');
    expect(oracleConnectString(oracle({ connectString: 'tns-alias' }))).toBe('tns-alias');
  });
});

describe('Oracle query results', () => {
  it('gives time-zone timestamps of a query result the precision the type map expects', () => {
    expect(canonicalFromOracle(oracleResultType('TIMESTAMP WITH TIME ZONE', 6), null, null, 6)).toEqual({ type: 'timestamptz', precision: 6 });
    expect(canonicalFromOracle(oracleResultType('TIMESTAMP WITH LOCAL TIME ZONE', 3), null, null, 3)).toEqual({ type: 'timestamptz', precision: 3 });
    expect(oracleResultType('NUMBER', 0)).toBe('NUMBER');
  });
});
