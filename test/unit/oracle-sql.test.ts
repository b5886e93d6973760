import { describe, expect, it } from 'vitest';
import type { Column } from '../../shared/index.js';
import { connectionConfigSchema } from '../../shared/index.js';
import { canonicalFromOracle, fromOracle, oracleResultType, oracleTypeFor, toOracle } from '../../connectors/oracle/types.js';
import { oracleConnectString, oracleLimit, oracleMerge } from '../../connectors/oracle/sql.js';
import { numberPlaceholders } from '../../connectors/core/sql.js';

const col = (name: string, type: Column['type'], extra: Partial<Column> = {}): Column => ({ name, nativeType: type, type, nullable: true, primaryKey: false, ...extra });
const oracle = (extra: Record<string, unknown>) => {
  const c = connectionConfigSchema.parse({ name: 'o', dialect: 'oracle', user: 'hr', ...extra });
  if (c.dialect !== 'oracle') throw new Error('dialect');
  return c;
};

describe('Oracle SQL', () => {
  it('pages with FETCH FIRST and binds :n', () => {
    const sql = oracleLimit('SELECT "ID" FROM "HR"."T" WHERE "ID" > ? ORDER BY "ID"', 1000);
    expect(numberPlaceholders(sql, (n) => `:${n}`)).toBe('SELECT "ID" FROM "HR"."T" WHERE "ID" > :1 ORDER BY "ID" FETCH FIRST 1000 ROWS ONLY');
  });

  it('merges from bound rows selected FROM dual', () => {
    expect(oracleMerge({ name: 'T' }, [col('ID', 'integer'), col('NAME', 'string')], ['ID'], 2)).toBe(
      'MERGE INTO "T" t USING (SELECT ? AS "ID", ? AS "NAME" FROM dual UNION ALL SELECT ? AS "ID", ? AS "NAME" FROM dual) s ON (t."ID" = s."ID") ' +
      'WHEN MATCHED THEN UPDATE SET t."NAME" = s."NAME" WHEN NOT MATCHED THEN INSERT ("ID", "NAME") VALUES (s."ID", s."NAME")');
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
