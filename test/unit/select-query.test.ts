import { describe, expect, it } from 'vitest';
import { checkSelectQuery } from '../../shared/select-query.js';

const ok = (sql: string) => {
  const r = checkSelectQuery(sql);
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.query;
};
const refused = (sql: string) => {
  const r = checkSelectQuery(sql);
  if (r.ok) throw new Error(`accepted: ${sql}`);
  return r.reason;
};

describe('source queries', () => {
  it('accepts reads with joins, CTEs, strings, quoted names and comments, and drops a trailing semicolon', () => {
    expect(ok('SELECT id, name FROM people WHERE city = \'济南\';  ')).toBe('SELECT id, name FROM people WHERE city = \'济南\'');
    ok('WITH recent AS (SELECT * FROM orders WHERE created_at > \'2024-01-01\') SELECT o.id, c.name FROM recent o JOIN customers c ON c.id = o.customer_id');
    ok('SELECT "update" AS x, `delete` AS y, \'insert; drop\' AS z FROM t -- a comment; with a semicolon');
    ok('SELECT update_time, created_by FROM t /* into the night */');
    ok('SELECT REPLACE(name, \'a\', \'b\') AS n, arr[1] AS first FROM t');
    ok('SELECT $$plain text$$ AS quoted FROM t');
  });

  it('refuses anything but one read', () => {
    expect(refused('')).toMatch(/empty/);
    expect(refused('DELETE FROM people')).toMatch(/must start with SELECT or WITH/);
    expect(refused('SELECT 1; DROP TABLE people')).toMatch(/only one statement/);
    expect(refused('SELECT * INTO backup FROM people')).toMatch(/"INTO" is not allowed/);
    expect(refused('WITH gone AS (DELETE FROM people RETURNING *) SELECT * FROM gone')).toMatch(/"DELETE"/);
    expect(refused('SELECT * FROM people FOR UPDATE')).toMatch(/"UPDATE"/);
    expect(refused('SELECT load_file(\'/etc/passwd\')')).toMatch(/LOAD_FILE/);
    expect(refused('SELECT 1 /*!50000 , (DROP TABLE t) */')).toMatch(/executable comments/);
    expect(refused('SELECT 1 # comment')).toMatch(/#/);
    expect(refused('SELECT 1) x, (SELECT 2')).toMatch(/has no matching/);
    expect(refused('SELECT (1')).toMatch(/not closed/);
    expect(refused("SELECT 'open")).toMatch(/quote is not closed/);
  });

  it('cannot be fooled by quoting one family reads differently from another', () => {
    // MySQL reads \' as an escaped quote; PostgreSQL ends the string there.
    refused("SELECT 'a\\' ; DROP TABLE t; -- '");
    refused("SELECT '\\'' ; DROP TABLE t; -- '");
    // PostgreSQL's E'' strings do escape; dollar quotes hide quotes from the other families.
    refused("SELECT E'\\'' AS a) x; DROP TABLE t; SELECT * FROM (SELECT '");
    refused("SELECT $$'$$ AS a) x; DROP TABLE t; SELECT * FROM (SELECT '$$' AS b --'");
    // SQL Server's [a'] is a name, not the start of a string.
    refused("SELECT [a'] AS x) y; DROP TABLE t; SELECT * FROM (SELECT 1 AS [']--'");
    // MySQL's "..." is a string with backslash escapes; elsewhere a name.
    refused('SELECT "a\\" ; DROP TABLE t; -- "');
  });
});
