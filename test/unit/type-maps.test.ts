import { describe, expect, it } from 'vitest';
import type { CanonicalType, Column } from '../../shared/index.js';
import { CANONICAL_TYPES, ExNodeError } from '../../shared/index.js';
import { canonicalFromMssql, mssqlTypeFor } from '../../connectors/mssql/types.js';
import { canonicalFromMysql, type MysqlColumnInfo, mysqlTypeFor } from '../../connectors/mysql/types.js';
import { canonicalFromOracle, oracleTypeFor } from '../../connectors/oracle/types.js';
import { canonicalFromPostgres, postgresTypeFor } from '../../connectors/postgres/types.js';
import { canonicalFromSqlite, sqliteTypeFor } from '../../connectors/sqlite/types.js';

/**
 * Every native type name each dialect's type map handles, and every canonical type's DDL, pinned as
 * they were when the maps were switch statements: a map rewritten as data must give the same objects
 * (toStrictEqual: no key added, not even an undefined one) and the same DDL text.
 */

type Mapped = ReturnType<typeof canonicalFromMssql>;
type DdlCase = [type: CanonicalType, extra: Partial<Column>, ddl: string];

const col = (type: CanonicalType, extra: Partial<Column> = {}): Column => ({ name: 'c', nativeType: type, type, nullable: true, primaryKey: false, ...extra });
const PK = { primaryKey: true };

function pinDdl(typeFor: (c: Column) => string, cases: readonly DdlCase[]): void {
  it('gives every canonical type its DDL', () => {
    expect(new Set(cases.map(([type]) => type))).toEqual(new Set(CANONICAL_TYPES));
    for (const [type, extra, ddl] of cases) expect([type, extra, typeFor(col(type, extra))]).toStrictEqual([type, extra, ddl]);
  });
}

function refusal(work: () => unknown): { code: string; message: string } {
  try {
    work();
  } catch (error) {
    if (error instanceof ExNodeError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('no refusal');
}

describe('SQL Server type map', () => {
  const cases: [name: string, maxLength: number, precision: number, scale: number, mapped: Mapped][] = [
    ['tinyint', 1, 3, 0, { type: 'integer' }],
    ['smallint', 2, 5, 0, { type: 'integer' }],
    ['int', 4, 10, 0, { type: 'integer' }],
    ['INT', 4, 10, 0, { type: 'integer' }],
    ['bigint', 8, 19, 0, { type: 'bigint' }],
    ['decimal', 9, 18, 4, { type: 'decimal', precision: 18, scale: 4 }],
    ['numeric', 5, 10, 0, { type: 'decimal', precision: 10, scale: 0 }],
    ['money', 8, 19, 4, { type: 'decimal', precision: 19, scale: 4 }],
    ['smallmoney', 4, 10, 4, { type: 'decimal', precision: 10, scale: 4 }],
    ['real', 4, 24, 0, { type: 'float' }],
    ['float', 8, 53, 0, { type: 'double' }],
    ['bit', 1, 1, 0, { type: 'boolean' }],
    ['char', 10, 0, 0, { type: 'string', length: 10 }],
    ['char', -1, 0, 0, { type: 'text' }],
    ['varchar', 200, 0, 0, { type: 'string', length: 200 }],
    ['varchar', -1, 0, 0, { type: 'text' }],
    ['nchar', 20, 0, 0, { type: 'string', length: 10 }],
    ['nvarchar', 100, 0, 0, { type: 'string', length: 50 }],
    ['NVarChar', 100, 0, 0, { type: 'string', length: 50 }],
    ['nvarchar', -1, 0, 0, { type: 'text' }],
    ['text', 16, 0, 0, { type: 'text' }],
    ['ntext', 16, 0, 0, { type: 'text' }],
    ['xml', -1, 0, 0, { type: 'text' }],
    ['uniqueidentifier', 16, 0, 0, { type: 'uuid' }],
    ['date', 3, 10, 0, { type: 'date' }],
    ['time', 5, 16, 7, { type: 'time', precision: 7 }],
    ['time', 3, 8, 0, { type: 'time', precision: 0 }],
    ['datetime', 8, 23, 3, { type: 'datetime' }],
    ['smalldatetime', 4, 16, 0, { type: 'datetime' }],
    ['datetime2', 8, 27, 7, { type: 'datetime', precision: 7 }],
    ['datetime2', 6, 23, 3, { type: 'datetime', precision: 3 }],
    ['datetimeoffset', 10, 34, 7, { type: 'timestamptz', precision: 7 }],
    ['binary', 16, 0, 0, { type: 'binary' }],
    ['varbinary', -1, 0, 0, { type: 'binary' }],
    ['image', 16, 0, 0, { type: 'binary' }],
    ['timestamp', 8, 0, 0, { type: 'binary' }],
    ['rowversion', 8, 0, 0, { type: 'binary' }],
    ['sql_variant', 8016, 0, 0, { type: 'text' }],
    ['geography', -1, 0, 0, { type: 'text' }],
    ['hierarchyid', 892, 0, 0, { type: 'text' }],
    ['constructor', 0, 0, 0, { type: 'text' }],
    ['toString', 0, 0, 0, { type: 'text' }],
    ['__proto__', 0, 0, 0, { type: 'text' }],
  ];
  it('maps every native type it knows, and the rest to text', () => {
    for (const [name, maxLength, precision, scale, mapped] of cases) {
      expect([name, maxLength, canonicalFromMssql(name, maxLength, precision, scale)]).toStrictEqual([name, maxLength, mapped]);
    }
  });

  pinDdl(mssqlTypeFor, [
    ['integer', {}, 'INT'],
    ['bigint', {}, 'BIGINT'],
    ['decimal', { precision: 20, scale: 6 }, 'DECIMAL(20,6)'],
    ['decimal', {}, 'DECIMAL(38,10)'],
    ['decimal', { precision: 10 }, 'DECIMAL(10,0)'],
    ['decimal', { scale: 4 }, 'DECIMAL(38,4)'],
    ['decimal', { precision: 38, scale: 38 }, 'DECIMAL(38,38)'],
    ['float', {}, 'REAL'],
    ['double', {}, 'FLOAT'],
    ['boolean', {}, 'BIT'],
    ['string', { length: 30 }, 'NVARCHAR(30)'],
    ['string', { length: 4000 }, 'NVARCHAR(4000)'],
    ['string', { length: 4001 }, 'NVARCHAR(MAX)'],
    ['string', { length: 4001, ...PK }, 'NVARCHAR(450)'],
    ['string', { length: 20, ...PK }, 'NVARCHAR(20)'],
    ['string', {}, 'NVARCHAR(MAX)'],
    ['string', PK, 'NVARCHAR(450)'],
    ['text', {}, 'NVARCHAR(MAX)'],
    ['text', PK, 'NVARCHAR(MAX)'],
    ['json', {}, 'NVARCHAR(MAX)'],
    ['uuid', {}, 'UNIQUEIDENTIFIER'],
    ['date', {}, 'DATE'],
    ['time', { precision: 3 }, 'TIME(7)'],
    ['datetime', { precision: 3 }, 'DATETIME2(7)'],
    ['timestamptz', {}, 'DATETIMEOFFSET(7)'],
    ['binary', {}, 'VARBINARY(MAX)'],
    ['binary', PK, 'VARBINARY(900)'],
  ]);

  it('refuses a decimal wider than 38 digits', () => {
    expect(refusal(() => mssqlTypeFor(col('decimal', { precision: 39, scale: 2 })))).toStrictEqual({
      code: 'UNSUPPORTED', message: 'Column "c" is a decimal of 39 digits; SQL Server holds at most 38',
    });
  });
});

describe('MySQL type map', () => {
  const info = (dataType: string, columnType: string, extra: Partial<MysqlColumnInfo> = {}): MysqlColumnInfo => ({
    dataType, columnType, charLength: null, precision: null, scale: null, datetimePrecision: null, comment: '', ...extra,
  });
  const cases: [MysqlColumnInfo, ReturnType<typeof canonicalFromMysql>][] = [
    [info('datetime', 'datetime(6)', { comment: 'exnode:timestamptz', datetimePrecision: 6 }), { type: 'timestamptz' }],
    [info('char', 'char(36)', { comment: 'exnode:uuid', charLength: 36 }), { type: 'uuid' }],
    [info('longtext', 'longtext', { comment: 'exnode:json' }), { type: 'json' }],
    [info('datetime', 'datetime', { comment: 'exnode:date' }), { type: 'datetime' }],
    [info('char', 'char(36)', { comment: 'see exnode:uuid', charLength: 36 }), { type: 'string', length: 36 }],
    [info('tinyint', 'tinyint(1)'), { type: 'boolean' }],
    [info('tinyint', 'tinyint(1) unsigned'), { type: 'boolean' }],
    [info('tinyint', 'TINYINT(1)'), { type: 'boolean' }],
    [info('tinyint', 'tinyint(4)'), { type: 'integer' }],
    [info('tinyint', 'tinyint(10)'), { type: 'integer' }],
    [info('tinyint', 'tinyint(3) unsigned'), { type: 'integer' }],
    [info('smallint', 'smallint(6)'), { type: 'integer' }],
    [info('smallint', 'smallint(5) unsigned'), { type: 'integer' }],
    [info('mediumint', 'mediumint(8) unsigned'), { type: 'integer' }],
    [info('year', 'year(4)'), { type: 'integer' }],
    [info('int', 'int(11)'), { type: 'integer' }],
    [info('int', 'int(10) unsigned'), { type: 'bigint' }],
    [info('INT', 'INT UNSIGNED'), { type: 'bigint' }],
    [info('integer', 'integer'), { type: 'integer' }],
    [info('integer', 'integer unsigned zerofill'), { type: 'bigint' }],
    [info('bigint', 'bigint(20)'), { type: 'bigint' }],
    [info('bigint', 'bigint(20) unsigned'), { type: 'decimal', precision: 20, scale: 0 }],
    [info('decimal', 'decimal(10,2)', { precision: 10, scale: 2 }), { type: 'decimal', precision: 10, scale: 2 }],
    [info('decimal', 'decimal(10,2) unsigned', { precision: 10, scale: 2 }), { type: 'decimal', precision: 10, scale: 2 }],
    [info('decimal', 'decimal'), { type: 'decimal', precision: 65, scale: 0 }],
    [info('numeric', 'decimal(12,0)', { precision: 12, scale: 0 }), { type: 'decimal', precision: 12, scale: 0 }],
    [info('float', 'float'), { type: 'float' }],
    [info('double', 'double'), { type: 'double' }],
    [info('real', 'double'), { type: 'double' }],
    [info('bit', 'bit(1)'), { type: 'boolean' }],
    [info('bit', 'BIT(1)'), { type: 'boolean' }],
    [info('bit', 'bit(8)'), { type: 'bigint' }],
    [info('bit', 'bit(10)'), { type: 'bigint' }],
    [info('char', 'char(10)', { charLength: 10 }), { type: 'string', length: 10 }],
    [info('varchar', 'varchar(255)', { charLength: 255 }), { type: 'string', length: 255 }],
    [info('VARCHAR', 'varchar(20)', { charLength: 20 }), { type: 'string', length: 20 }],
    [info('varchar', 'varchar(0)', { charLength: 0 }), { type: 'string' }],
    [info('varchar', 'varchar'), { type: 'string' }],
    [info('tinytext', 'tinytext', { charLength: 255 }), { type: 'text' }],
    [info('text', 'text'), { type: 'text' }],
    [info('mediumtext', 'mediumtext'), { type: 'text' }],
    [info('longtext', 'longtext'), { type: 'text' }],
    [info('enum', "enum('a','b''c','')", { charLength: 3 }), { type: 'string', length: 3, enumValues: ['a', "b'c", ''] }],
    [info('enum', "enum('x')"), { type: 'string', length: 255, enumValues: ['x'] }],
    [info('set', "set('r','w')", { charLength: 0 }), { type: 'string', length: 1, enumValues: ['r', 'w'] }],
    [info('set', "SET('r,x','w')", { charLength: 5 }), { type: 'string', length: 5, enumValues: ['r,x', 'w'] }],
    [info('json', 'json'), { type: 'json' }],
    [info('binary', 'binary(16)'), { type: 'binary' }],
    [info('varbinary', 'varbinary(255)'), { type: 'binary' }],
    [info('tinyblob', 'tinyblob'), { type: 'binary' }],
    [info('blob', 'blob'), { type: 'binary' }],
    [info('mediumblob', 'mediumblob'), { type: 'binary' }],
    [info('longblob', 'longblob'), { type: 'binary' }],
    [info('date', 'date'), { type: 'date' }],
    [info('time', 'time(6)', { datetimePrecision: 6 }), { type: 'time' }],
    [info('datetime', 'datetime(6)', { datetimePrecision: 6 }), { type: 'datetime', precision: 6 }],
    [info('datetime', 'datetime', { datetimePrecision: 0 }), { type: 'datetime' }],
    [info('datetime', 'datetime'), { type: 'datetime' }],
    [info('timestamp', 'timestamp(3)', { datetimePrecision: 3 }), { type: 'timestamptz', precision: 3 }],
    [info('timestamp', 'timestamp'), { type: 'timestamptz' }],
    ...['geometry', 'point', 'linestring', 'polygon', 'multipoint', 'multilinestring', 'multipolygon', 'geometrycollection', 'geomcollection', 'GEOMETRY']
      .map((t): [MysqlColumnInfo, ReturnType<typeof canonicalFromMysql>] => [info(t, t.toLowerCase()), { type: 'text' }]),
    [info('uuid', 'uuid'), { type: 'binary' }],
    [info('inet6', 'inet6'), { type: 'binary' }],
    [info('vector', 'vector(3)'), { type: 'binary' }],
    [info('constructor', 'constructor'), { type: 'binary' }],
    [info('__proto__', '__proto__'), { type: 'binary' }],
  ];
  it('maps every native type it knows, spatial types to text and the rest to bytes', () => {
    for (const [c, mapped] of cases) expect([c, canonicalFromMysql(c)]).toStrictEqual([c, mapped]);
  });

  pinDdl(mysqlTypeFor, [
    ['integer', {}, 'INT'],
    ['bigint', {}, 'BIGINT'],
    ['decimal', { precision: 10, scale: 2 }, 'DECIMAL(10,2)'],
    ['decimal', {}, 'DECIMAL(65,30)'],
    ['decimal', { precision: 10 }, 'DECIMAL(10,0)'],
    ['decimal', { precision: 70, scale: 2 }, 'DECIMAL(65,2)'],
    ['decimal', { precision: 5, scale: 10 }, 'DECIMAL(5,5)'],
    ['decimal', { scale: 40 }, 'DECIMAL(65,30)'],
    ['decimal', { precision: 1000, scale: 40 }, 'DECIMAL(65,30)'],
    ['float', {}, 'FLOAT'],
    ['double', {}, 'DOUBLE'],
    ['boolean', {}, 'TINYINT(1)'],
    ['string', { length: 100 }, 'VARCHAR(100)'],
    ['string', { length: 4000 }, 'VARCHAR(4000)'],
    ['string', { length: 4001 }, 'LONGTEXT'],
    ['string', {}, 'LONGTEXT'],
    ['string', PK, 'VARCHAR(255)'],
    ['string', { length: 100, ...PK }, 'VARCHAR(100)'],
    ['text', {}, 'LONGTEXT'],
    ['json', {}, 'JSON'],
    ['uuid', {}, 'CHAR(36)'],
    ['date', {}, 'DATE'],
    ['time', { precision: 3 }, 'TIME(6)'],
    ['datetime', { precision: 3 }, 'DATETIME(6)'],
    ['timestamptz', {}, 'DATETIME(6)'],
    ['binary', {}, 'LONGBLOB'],
    ['binary', PK, 'VARBINARY(255)'],
  ]);

  it('refuses a key string longer than a VARCHAR holds', () => {
    expect(refusal(() => mysqlTypeFor(col('string', { length: 4001, ...PK })))).toStrictEqual({
      code: 'UNSUPPORTED', message: 'Key column "c" is a string of 4,001 characters; MySQL keys hold at most 4,000',
    });
  });
});

describe('PostgreSQL type map', () => {
  const numericMod = (precision: number, scale: number) => ((precision << 16) | scale) + 4;
  const cases: [typname: string, typmod: number, mapped: Mapped][] = [
    ['int2', -1, { type: 'integer' }],
    ['int4', -1, { type: 'integer' }],
    ['int8', -1, { type: 'bigint' }],
    ['numeric', -1, { type: 'decimal' }],
    ['numeric', numericMod(12, 4), { type: 'decimal', precision: 12, scale: 4 }],
    ['numeric', numericMod(1000, 0), { type: 'decimal', precision: 1000, scale: 0 }],
    ['float4', -1, { type: 'float' }],
    ['float8', -1, { type: 'double' }],
    ['bool', -1, { type: 'boolean' }],
    ['varchar', 54, { type: 'string', length: 50 }],
    ['varchar', -1, { type: 'string' }],
    ['bpchar', 5, { type: 'string', length: 1 }],
    ['bpchar', 4, { type: 'string' }],
    ['json', -1, { type: 'json' }],
    ['jsonb', -1, { type: 'json' }],
    ['uuid', -1, { type: 'uuid' }],
    ['date', -1, { type: 'date' }],
    ['time', 3, { type: 'time' }],
    ['timetz', -1, { type: 'string' }],
    ['timestamp', 3, { type: 'datetime', precision: 3 }],
    ['timestamp', 0, { type: 'datetime', precision: 0 }],
    ['timestamp', -1, { type: 'datetime' }],
    ['timestamptz', 6, { type: 'timestamptz', precision: 6 }],
    ['timestamptz', -1, { type: 'timestamptz' }],
    ['bytea', -1, { type: 'binary' }],
    ['text', -1, { type: 'text' }],
    ['name', -1, { type: 'text' }],
    ['inet', -1, { type: 'text' }],
    ['INT4', -1, { type: 'text' }],
    ['constructor', -1, { type: 'text' }],
    ['__proto__', -1, { type: 'text' }],
  ];
  it('maps every type name it knows, and the rest to text', () => {
    for (const [typname, typmod, mapped] of cases) expect([typname, typmod, canonicalFromPostgres(typname, typmod)]).toStrictEqual([typname, typmod, mapped]);
  });

  pinDdl(postgresTypeFor, [
    ['integer', {}, 'INTEGER'],
    ['bigint', {}, 'BIGINT'],
    ['decimal', { precision: 12, scale: 4 }, 'NUMERIC(12,4)'],
    ['decimal', { precision: 10 }, 'NUMERIC(10,0)'],
    ['decimal', { precision: 2000, scale: 2 }, 'NUMERIC(1000,2)'],
    ['decimal', { precision: 0 }, 'NUMERIC'],
    ['decimal', {}, 'NUMERIC'],
    ['float', {}, 'REAL'],
    ['double', {}, 'DOUBLE PRECISION'],
    ['boolean', {}, 'BOOLEAN'],
    ['string', { length: 50 }, 'VARCHAR(50)'],
    ['string', {}, 'TEXT'],
    ['string', PK, 'TEXT'],
    ['text', {}, 'TEXT'],
    ['json', {}, 'JSON'],
    ['uuid', {}, 'UUID'],
    ['date', {}, 'DATE'],
    ['time', { precision: 3 }, 'TIME(6)'],
    ['datetime', { precision: 3 }, 'TIMESTAMP(6)'],
    ['timestamptz', {}, 'TIMESTAMPTZ(6)'],
    ['binary', {}, 'BYTEA'],
    ['binary', PK, 'BYTEA'],
  ]);
});

describe('Oracle type map', () => {
  const cases: [dataType: string, charLength: number | null, precision: number | null, scale: number | null, mapped: Mapped][] = [
    ['NUMBER', null, null, null, { type: 'decimal' }],
    ['NUMBER', null, null, 0, { type: 'decimal', precision: 38, scale: 0 }],
    ['NUMBER', null, null, 2, { type: 'decimal' }],
    ['NUMBER', null, 9, 0, { type: 'integer' }],
    ['NUMBER', null, 9, null, { type: 'integer' }],
    ['NUMBER', null, 10, 0, { type: 'bigint' }],
    ['NUMBER', null, 18, 0, { type: 'bigint' }],
    ['NUMBER', null, 19, 0, { type: 'decimal', precision: 19, scale: 0 }],
    ['NUMBER', null, 12, 4, { type: 'decimal', precision: 12, scale: 4 }],
    ['number', null, 5, 0, { type: 'integer' }],
    ['FLOAT', null, 126, null, { type: 'double' }],
    ['BINARY_DOUBLE', null, null, null, { type: 'double' }],
    ['BINARY_FLOAT', null, null, null, { type: 'float' }],
    ['VARCHAR2', 50, null, null, { type: 'string', length: 50 }],
    ['NVARCHAR2', 20, null, null, { type: 'string', length: 20 }],
    ['CHAR', 1, null, null, { type: 'string', length: 1 }],
    ['NCHAR', null, null, null, { type: 'string' }],
    ['VARCHAR2', 0, null, null, { type: 'string' }],
    ['CLOB', null, null, null, { type: 'text' }],
    ['NCLOB', null, null, null, { type: 'text' }],
    ['LONG', null, null, null, { type: 'text' }],
    ['BLOB', null, null, null, { type: 'binary' }],
    ['RAW', 16, null, null, { type: 'binary' }],
    ['LONG RAW', null, null, null, { type: 'binary' }],
    ['DATE', null, null, null, { type: 'datetime' }],
    ['TIMESTAMP(6) WITH TIME ZONE', null, null, 6, { type: 'timestamptz', precision: 6 }],
    ['TIMESTAMP(3) WITH LOCAL TIME ZONE', null, null, 3, { type: 'timestamptz', precision: 3 }],
    ['TIMESTAMP(6) WITH TIME ZONE', null, null, null, { type: 'timestamptz' }],
    ['TIMESTAMP(9)', null, null, 9, { type: 'datetime', precision: 9 }],
    ['TIMESTAMP', null, null, null, { type: 'datetime' }],
    ['TIMESTAMP WITH TIME ZONE', null, null, 6, { type: 'datetime', precision: 6 }],
    ['TIMESTAMP(10) WITH TIME ZONE', null, null, 6, { type: 'datetime', precision: 6 }],
    ['timestamp(6)', null, null, 6, { type: 'datetime', precision: 6 }],
    ['JSON', null, null, null, { type: 'json' }],
    ['XMLTYPE', null, null, null, { type: 'text' }],
    ['ROWID', null, null, null, { type: 'text' }],
    ['INTERVAL DAY(2) TO SECOND(6)', null, null, 6, { type: 'text' }],
    ['constructor', null, null, null, { type: 'text' }],
    ['__proto__', null, null, null, { type: 'text' }],
  ];
  it('maps every data type it knows, and the rest to text', () => {
    for (const [dataType, charLength, precision, scale, mapped] of cases) {
      expect([dataType, precision, scale, canonicalFromOracle(dataType, charLength, precision, scale)]).toStrictEqual([dataType, precision, scale, mapped]);
    }
  });

  pinDdl(oracleTypeFor, [
    ['integer', {}, 'NUMBER(10)'],
    ['bigint', {}, 'NUMBER(19)'],
    ['decimal', { precision: 14, scale: 2 }, 'NUMBER(14,2)'],
    ['decimal', { precision: 38 }, 'NUMBER(38,0)'],
    ['decimal', { precision: 39, scale: 2 }, 'NUMBER'],
    ['decimal', {}, 'NUMBER'],
    ['float', {}, 'BINARY_FLOAT'],
    ['double', {}, 'BINARY_DOUBLE'],
    ['boolean', {}, 'NUMBER(1)'],
    ['string', { length: 40 }, 'NVARCHAR2(40)'],
    ['string', { length: 2000 }, 'NVARCHAR2(2000)'],
    ['string', { length: 2001 }, 'NCLOB'],
    ['string', { length: 2001, ...PK }, 'NVARCHAR2(2000)'],
    ['string', {}, 'NCLOB'],
    ['string', PK, 'NVARCHAR2(2000)'],
    ['text', {}, 'NCLOB'],
    ['json', {}, 'NCLOB'],
    ['uuid', {}, 'VARCHAR2(36)'],
    ['date', {}, 'DATE'],
    ['time', {}, 'VARCHAR2(18)'],
    ['datetime', { precision: 3 }, 'TIMESTAMP(6)'],
    ['timestamptz', {}, 'TIMESTAMP(6) WITH TIME ZONE'],
    ['binary', {}, 'BLOB'],
    ['binary', PK, 'RAW(2000)'],
  ]);
});

describe('SQLite type map', () => {
  const cases: [declared: string, mapped: Mapped][] = [
    ['DECIMAL_TEXT(12,4)', { type: 'decimal', precision: 12, scale: 4 }],
    ['DECIMAL_TEXT', { type: 'decimal' }],
    ['NUMERIC_TEXT(5)', { type: 'decimal', precision: 5 }],
    ['JSON_TEXT', { type: 'json' }],
    ['JSON', { type: 'json' }],
    ['UUID_TEXT', { type: 'uuid' }],
    ['uuid', { type: 'uuid' }],
    ['BOOLEAN', { type: 'boolean' }],
    ['BOOL', { type: 'boolean' }],
    ['BIGINT', { type: 'bigint' }],
    ['BIGINT(20)', { type: 'bigint' }],
    ['INT8', { type: 'bigint' }],
    ['DATE', { type: 'date' }],
    ['TIME', { type: 'time' }],
    ['DATETIME', { type: 'datetime' }],
    ['TIMESTAMP', { type: 'datetime' }],
    ['TIMESTAMPTZ', { type: 'timestamptz' }],
    ['DECIMAL(10,2)', { type: 'decimal', precision: 10, scale: 2 }],
    ['decimal( 8 , 3 )', { type: 'decimal', precision: 8, scale: 3 }],
    ['NUMERIC', { type: 'decimal' }],
    ['integer', { type: 'integer' }],
    ['INT', { type: 'integer' }],
    ['MEDIUMINT', { type: 'integer' }],
    ['UNSIGNED BIG INT', { type: 'integer' }],
    ['POINT', { type: 'integer' }],
    ['VARCHAR(20)', { type: 'string', length: 20 }],
    [' varchar(10) ', { type: 'string', length: 10 }],
    ['VARCHAR', { type: 'string' }],
    ['NCHAR(5)', { type: 'string', length: 5 }],
    ['CHARACTER', { type: 'string' }],
    ['TEXT', { type: 'text' }],
    ['TEXT(10)', { type: 'text' }],
    ['CLOB', { type: 'text' }],
    ['', { type: 'binary' }],
    ['BLOB', { type: 'binary' }],
    ['LONGBLOB', { type: 'binary' }],
    ['REAL', { type: 'double' }],
    ['FLOAT', { type: 'float' }],
    ['FLOAT(24)', { type: 'float' }],
    ['DOUBLE', { type: 'double' }],
    ['DOUBLE PRECISION', { type: 'double' }],
    ['FLOA', { type: 'double' }],
    ['NUMBER', { type: 'text' }],
    ['DATETIME2', { type: 'text' }],
    ['constructor', { type: 'text' }],
    ['__proto__', { type: 'text' }],
  ];
  it('maps every declared type it knows, and the rest by affinity', () => {
    for (const [declared, mapped] of cases) expect([declared, canonicalFromSqlite(declared)]).toStrictEqual([declared, mapped]);
  });

  pinDdl(sqliteTypeFor, [
    ['integer', {}, 'INTEGER'],
    ['bigint', {}, 'BIGINT'],
    ['decimal', { precision: 12, scale: 4 }, 'DECIMAL_TEXT(12,4)'],
    ['decimal', { precision: 5 }, 'DECIMAL_TEXT(5,0)'],
    ['decimal', {}, 'DECIMAL_TEXT'],
    ['float', {}, 'FLOAT'],
    ['double', {}, 'DOUBLE'],
    ['boolean', {}, 'BOOLEAN'],
    ['string', { length: 10 }, 'VARCHAR(10)'],
    ['string', {}, 'VARCHAR'],
    ['text', {}, 'TEXT'],
    ['json', {}, 'JSON_TEXT'],
    ['uuid', {}, 'UUID_TEXT'],
    ['date', {}, 'DATE'],
    ['time', {}, 'TIME'],
    ['datetime', {}, 'DATETIME'],
    ['timestamptz', {}, 'TIMESTAMPTZ'],
    ['binary', {}, 'BLOB'],
  ]);
});
