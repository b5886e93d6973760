import { describe, expect, it } from 'vitest';
import { mysqlLoadData, mysqlSql as sql, mysqlUpsert } from '../../connectors/mysql/sql.js';
import { col, DAY, ID, NAME, PEOPLE } from '../support/sql-cases.js';

const RANGE = { keyColumns: ['id', 'day'], after: [5, '2024-01-01'], upTo: [9, '2024-02-01'], filter: [{ column: 'name', op: '=' as const, value: 'x' }] };
const HASH = "MD5(CONCAT_WS('|', COALESCE(CAST(`id` AS CHAR), '~N'), COALESCE(CAST(`name` AS CHAR), '~N')))";

describe('MySQL/MariaDB SQL compiler', () => {
  it('pages with the expanded OR form MariaDB turns into one range, binding ? in order', () => {
    expect(sql.page(PEOPLE, [ID, DAY, NAME], RANGE, 500)).toEqual({
      sql: 'SELECT `id`, `day`, `name` FROM `people` WHERE (`name` = ?) AND ((`id` > ? OR (`id` = ? AND `day` > ?))) AND ((`id` < ? OR (`id` = ? AND `day` <= ?))) ORDER BY `id`, `day` LIMIT 500',
      bindings: ['x', 5, 5, '2024-01-01', 9, 9, '2024-02-01'],
    });
  });
  it('selects spatial columns as text', () => {
    const shape = col('shape', 'text', { nativeType: 'geometry' });
    expect(sql.page(PEOPLE, [ID, shape], { keyColumns: ['id'] }, 10).sql).toBe('SELECT `id`, ST_AsText(`shape`) AS `shape` FROM `people` ORDER BY `id` LIMIT 10');
  });
  it('pages key hashes, counts, reads the highest value and checksums a range', () => {
    expect(sql.keyHashPage(PEOPLE, [ID, NAME], [ID], { keyColumns: ['id'], after: [5] }, 100)).toEqual({
      sql: `SELECT \`id\`, ${HASH} AS \`__exn_row_hash\` FROM \`people\` WHERE \`id\` > ? ORDER BY \`id\` LIMIT 100`, bindings: [5],
    });
    expect(sql.count(PEOPLE, [{ column: 'id', op: 'in', value: [1, 2] }])).toEqual({ sql: 'SELECT COUNT(*) AS `n` FROM `people` WHERE `id` IN (?, ?)', bindings: [1, 2] });
    expect(sql.maxValue(PEOPLE, ID).sql).toBe('SELECT `id` FROM (SELECT MAX(`id`) AS `id` FROM `people`) `exn_max`');
    expect(sql.rangeChecksum(PEOPLE, [ID, NAME], { keyColumns: ['id'], after: [1], upTo: [10] })).toEqual({
      sql: `SELECT COUNT(*) AS \`n\`, SUM(CAST(CONV(SUBSTRING(${HASH}, 1, 13), 16, 10) AS UNSIGNED)) AS \`s\` FROM \`people\` WHERE (\`id\` > ?) AND (\`id\` <= ?)`, bindings: [1, 10],
    });
  });
  it('looks up and deletes composite keys as row-value IN lists', () => {
    expect(sql.lookup(PEOPLE, [ID, DAY, NAME], ['id', 'day'], [[1, 'a'], [2, 'b']], [{ column: 'name', op: 'is null' }])).toEqual({
      sql: 'SELECT `id`, `day`, `name` FROM `people` WHERE (`name` IS NULL) AND ((`id`, `day`) IN ((?, ?), (?, ?)))', bindings: [1, 'a', 2, 'b'],
    });
    expect(sql.deleteKeys(PEOPLE, ['id'], [[1], [2]])).toEqual({ sql: 'DELETE FROM `people` WHERE `id` IN (?, ?)', bindings: [1, 2] });
  });
  it('inserts, upserts with ON DUPLICATE KEY UPDATE and loads data from a stream', () => {
    expect(sql.insert(PEOPLE, [ID, NAME], [[1, 'a'], [2, 'b']])).toEqual({ sql: 'INSERT INTO `people` (`id`, `name`) VALUES (?, ?), (?, ?)', bindings: [1, 'a', 2, 'b'] });
    expect(mysqlUpsert(PEOPLE, [ID, NAME], ['id'], [[1, 'a']])).toEqual({
      sql: 'INSERT INTO `people` (`id`, `name`) VALUES (?, ?) ON DUPLICATE KEY UPDATE `name` = VALUES(`name`)', bindings: [1, 'a'],
    });
    expect(mysqlUpsert(PEOPLE, [ID], ['id'], [[1]]).sql).toBe('INSERT INTO `people` (`id`) VALUES (?) ON DUPLICATE KEY UPDATE `id` = `id`');
    expect(mysqlLoadData(PEOPLE, [ID, col('photo', 'binary')])).toBe(
      "LOAD DATA LOCAL INFILE 'exnode-batch.tsv' INTO TABLE `people` CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (`id`, @b1) SET `photo` = UNHEX(@b1)");
  });
  it('writes DDL with binary collation and canonical types in comments', () => {
    const created = sql.createTable(PEOPLE, [ID, DAY, NAME], ['id', 'day']);
    expect(created).toBe('CREATE TABLE `people` (\n  `id` INT NOT NULL,\n  `day` DATE NOT NULL,\n  `name` VARCHAR(40),\n  PRIMARY KEY (`id`, `day`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin');
    expect(sql.createTable(PEOPLE, [col('at', 'timestamptz')], [])).toMatch(/^CREATE TABLE `people` \(\n {2}`at` \S+.* COMMENT '[^']+'\n\) ENGINE/);
    expect(sql.addColumn(PEOPLE, NAME)).toBe('ALTER TABLE `people` ADD `name` VARCHAR(40)');
    expect(sql.createIndex(PEOPLE, 'people_exn_seq', ['name'])).toBe('CREATE INDEX `people_exn_seq` ON `people` (`name`)');
    expect(sql.dropTable(PEOPLE)).toBe('DROP TABLE IF EXISTS `people`');
    expect(sql.analyze(PEOPLE)).toBe('ANALYZE TABLE `people`');
  });
});
