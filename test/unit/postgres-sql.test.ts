import { describe, expect, it } from 'vitest';
import { postgresCopy, postgresSql as sql, postgresUpsert } from '../../connectors/postgres/sql.js';
import { DAY, ID, NAME, PEOPLE } from '../support/sql-cases.js';

const RANGE = { keyColumns: ['id', 'day'], after: [5, '2024-01-01'], upTo: [9, '2024-02-01'], filter: [{ column: 'name', op: '=' as const, value: 'x' }] };
const HASH = `md5(concat_ws('|', coalesce("id"::text, '~N'), coalesce("name"::text, '~N')))`;

describe('PostgreSQL SQL compiler', () => {
  it('pages by row value after and up to a key, with $n placeholders', () => {
    expect(sql.page(PEOPLE, [ID, DAY, NAME], RANGE, 500)).toEqual({
      sql: 'SELECT "id", "day", "name" FROM "people" WHERE ("name" = $1) AND (("id", "day") > ($2, $3)) AND (("id", "day") <= ($4, $5)) ORDER BY "id", "day" LIMIT 500',
      bindings: ['x', 5, '2024-01-01', 9, '2024-02-01'],
    });
  });
  it('pages key hashes, counts, reads the highest value and checksums a range', () => {
    expect(sql.keyHashPage(PEOPLE, [ID, NAME], [ID], { keyColumns: ['id'], after: [5] }, 100)).toEqual({
      sql: `SELECT "id", ${HASH} AS "__exn_row_hash" FROM "people" WHERE "id" > $1 ORDER BY "id" LIMIT 100`, bindings: [5],
    });
    expect(sql.count(PEOPLE, [{ column: 'id', op: 'in', value: [1, 2] }])).toEqual({ sql: 'SELECT COUNT(*) AS "n" FROM "people" WHERE "id" IN ($1, $2)', bindings: [1, 2] });
    expect(sql.maxValue(PEOPLE, ID, [{ column: 'name', op: 'is not null' }])).toEqual({
      sql: 'SELECT "id" FROM (SELECT MAX("id") AS "id" FROM "people" WHERE "name" IS NOT NULL) "exn_max"', bindings: [],
    });
    expect(sql.rangeChecksum(PEOPLE, [ID, NAME], { keyColumns: ['id'], after: [1], upTo: [10] })).toEqual({
      sql: `SELECT COUNT(*) AS "n", sum(('x' || substr(${HASH}, 1, 13))::bit(52)::bigint) AS "s" FROM "people" WHERE ("id" > $1) AND ("id" <= $2)`, bindings: [1, 10],
    });
  });
  it('looks keys up with typed arrays: one parameter per key column, whatever the number of keys', () => {
    expect(sql.lookup(PEOPLE, [ID, DAY, NAME], ['id', 'day'], [[1, '2024-01-01'], [2, '2024-01-02']], undefined, [ID, DAY])).toEqual({
      sql: 'SELECT "id", "day", "name" FROM "people" WHERE ("id", "day") IN (SELECT * FROM unnest($1::int8[], $2::date[]))',
      bindings: [[1, 2], ['2024-01-01', '2024-01-02']],
    });
    expect(sql.lookup(PEOPLE, [ID, NAME], ['id'], [[1], [2]], [{ column: 'name', op: 'like', value: 'a%' }])).toEqual({
      sql: 'SELECT "id", "name" FROM "people" WHERE ("name" LIKE $1) AND ("id" = ANY($2))', bindings: ['a%', [1, 2]],
    });
  });
  it('deletes, inserts and upserts with the server reporting inserted rows', () => {
    expect(sql.deleteKeys(PEOPLE, ['id', 'day'], [[1, 'a'], [2, 'b']])).toEqual({
      sql: 'DELETE FROM "people" WHERE (("id" = $1 AND "day" = $2) OR ("id" = $3 AND "day" = $4))', bindings: [1, 'a', 2, 'b'],
    });
    expect(sql.insert(PEOPLE, [ID, NAME], [[1, 'a'], [2, 'b']])).toEqual({ sql: 'INSERT INTO "people" ("id", "name") VALUES ($1, $2), ($3, $4)', bindings: [1, 'a', 2, 'b'] });
    expect(postgresUpsert({ schema: 'hr', name: 'people' }, [ID, NAME], ['id'], [[1, 'a'], [2, 'b']])).toEqual({
      sql: 'INSERT INTO "hr"."people" ("id", "name") VALUES ($1, $2), ($3, $4) ON CONFLICT ("id") DO UPDATE SET "name" = EXCLUDED."name" RETURNING (xmax = 0) AS inserted',
      bindings: [1, 'a', 2, 'b'],
    });
    expect(postgresUpsert(PEOPLE, [ID], ['id'], [[1]]).sql).toBe('INSERT INTO "people" ("id") VALUES ($1) ON CONFLICT ("id") DO UPDATE SET "id" = EXCLUDED."id" RETURNING (xmax = 0) AS inserted');
    expect(postgresCopy(PEOPLE, [ID, NAME])).toBe('COPY "people" ("id", "name") FROM STDIN');
  });
  it('writes DDL', () => {
    expect(sql.createTable(PEOPLE, [ID, DAY, NAME], ['id', 'day'])).toBe('CREATE TABLE "people" (\n  "id" INTEGER NOT NULL,\n  "day" DATE NOT NULL,\n  "name" VARCHAR(40),\n  PRIMARY KEY ("id", "day")\n)');
    expect(sql.createIndex(PEOPLE, 'people_exn_seq', ['name'])).toBe('CREATE INDEX "people_exn_seq" ON "people" ("name")');
    expect(sql.addColumn(PEOPLE, NAME)).toBe('ALTER TABLE "people" ADD "name" VARCHAR(40)');
    expect(sql.dropTable(PEOPLE)).toBe('DROP TABLE IF EXISTS "people"');
    expect(sql.analyze(PEOPLE)).toBe('ANALYZE "people"');
    expect(sql.describeQuery('SELECT 1 AS one -- x')).toBe('SELECT * FROM (\nSELECT 1 AS one -- x\n) "exn_q" WHERE 1 = 0');
  });
});
