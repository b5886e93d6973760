import { describe, expect, it } from 'vitest';
import { sqliteInsertRow, sqliteSql as sql, sqliteUpsertRow } from '../../connectors/sqlite/sql.js';
import { DAY, ID, NAME, PEOPLE } from '../support/sql-cases.js';

const RANGE = { keyColumns: ['id', 'day'], after: [5, '2024-01-01'], upTo: [9, '2024-02-01'], filter: [{ column: 'name', op: '=' as const, value: 'x' }] };

describe('SQLite SQL compiler', () => {
  it('pages by row value, binding ? in order', () => {
    expect(sql.page(PEOPLE, [ID, DAY, NAME], RANGE, 500)).toEqual({
      sql: 'SELECT "id", "day", "name" FROM "people" WHERE ("name" = ?) AND (("id", "day") > (?, ?)) AND (("id", "day") <= (?, ?)) ORDER BY "id", "day" LIMIT 500',
      bindings: ['x', 5, '2024-01-01', 9, '2024-02-01'],
    });
  });
  it('hashes rows with the registered exn_row_hash and sums them with TOTAL', () => {
    expect(sql.keyHashPage(PEOPLE, [ID, NAME], [ID], { keyColumns: ['id'], after: [5] }, 100)).toEqual({
      sql: 'SELECT "id", exn_row_hash("id", "name") AS "__exn_row_hash" FROM "people" WHERE "id" > ? ORDER BY "id" LIMIT 100', bindings: [5],
    });
    expect(sql.rangeChecksum(PEOPLE, [ID, NAME], { keyColumns: ['id'], upTo: [10] })).toEqual({
      sql: 'SELECT COUNT(*) AS "n", TOTAL(exn_row_hash("id", "name")) AS "s" FROM "people" WHERE "id" <= ?', bindings: [10],
    });
    expect(sql.count(PEOPLE)).toEqual({ sql: 'SELECT COUNT(*) AS "n" FROM "people"', bindings: [] });
    expect(sql.maxValue(PEOPLE, ID, [{ column: 'id', op: '<', value: 7 }])).toEqual({
      sql: 'SELECT "id" FROM (SELECT MAX("id") AS "id" FROM "people" WHERE "id" < ?) "exn_max"', bindings: [7],
    });
  });
  it('looks up and deletes composite keys through a VALUES list', () => {
    expect(sql.lookup(PEOPLE, [ID, DAY], ['id', 'day'], [[1, 'a'], [2, 'b']])).toEqual({
      sql: 'SELECT "id", "day" FROM "people" WHERE ("id", "day") IN (VALUES (?, ?), (?, ?))', bindings: [1, 'a', 2, 'b'],
    });
    expect(sql.deleteKeys(PEOPLE, ['id'], [[3]])).toEqual({ sql: 'DELETE FROM "people" WHERE "id" IN (?)', bindings: [3] });
  });
  it('prepares one-row insert and upsert statements for the write thread', () => {
    expect(sqliteInsertRow(PEOPLE, [ID, NAME])).toBe('INSERT INTO "people" ("id", "name") VALUES (?, ?)');
    expect(sqliteUpsertRow(PEOPLE, [ID, DAY, NAME], ['id', 'day'])).toEqual({
      updateSql: 'UPDATE "people" SET "name" = ? WHERE "id" = ? AND "day" = ?',
      existsSql: 'SELECT 1 FROM "people" WHERE "id" = ? AND "day" = ?',
      insertSql: 'INSERT INTO "people" ("id", "day", "name") VALUES (?, ?, ?)',
      keyIdx: [0, 1],
      valIdx: [2],
    });
    expect(sqliteUpsertRow(PEOPLE, [ID], ['id']).updateSql).toBeNull();
  });
  it('writes DDL', () => {
    expect(sql.createTable(PEOPLE, [ID, DAY, NAME], ['id', 'day'])).toBe('CREATE TABLE "people" (\n  "id" INTEGER NOT NULL,\n  "day" DATE NOT NULL,\n  "name" VARCHAR(40),\n  PRIMARY KEY ("id", "day")\n)');
    expect(sql.addColumn(PEOPLE, NAME)).toBe('ALTER TABLE "people" ADD "name" VARCHAR(40)');
    expect(sql.createIndex(PEOPLE, 'i', ['name', 'id'])).toBe('CREATE INDEX "i" ON "people" ("name", "id")');
    expect(sql.dropTable(PEOPLE)).toBe('DROP TABLE IF EXISTS "people"');
    expect(sql.analyze(PEOPLE)).toBe('ANALYZE "people"');
  });
});
