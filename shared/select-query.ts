import { z } from 'zod';

/**
 * Words that make a statement change something or reach outside the database. None of them belongs
 * in a read for a bridge; a word inside a string, a quoted identifier or a comment does not count.
 */
const FORBIDDEN_WORDS = new Set([
  'insert', 'update', 'delete', 'merge', 'upsert', 'drop', 'alter', 'create', 'truncate', 'grant', 'revoke',
  'into', 'exec', 'execute', 'call', 'rename', 'attach', 'detach', 'pragma', 'vacuum', 'reindex', 'copy',
  'load_file', 'pg_read_file', 'pg_read_binary_file', 'pg_ls_dir', 'lo_import', 'lo_export', 'dblink', 'setval',
  'set_config', 'pg_terminate_backend', 'pg_cancel_backend', 'openrowset', 'opendatasource', 'openquery',
  'xp_cmdshell', 'utl_file', 'utl_http', 'utl_tcp', 'dbms_pipe', 'dbms_scheduler', 'dbms_sql',
]);

export const MAX_QUERY_LENGTH = 100_000;

export type SelectQueryCheck = { ok: true; query: string } | { ok: false; reason: string };

/**
 * How a family of databases quotes: MySQL escapes with backslashes inside '...' and "..."; PostgreSQL,
 * Oracle and SQLite do not (except PostgreSQL's E'...') and have $tag$ strings; SQL Server quotes
 * identifiers in [...].
 */
type QuoteRules = 'mysql' | 'ansi' | 'mssql';
const QUOTE_RULES: readonly QuoteRules[] = ['mysql', 'ansi', 'mssql'];

/**
 * Checks that `sql` is one read-only SELECT (or WITH ... SELECT) that can be read as a derived table,
 * and returns it without a trailing semicolon. The text is scanned under each family's quoting rules
 * and must pass all of them, so no quoting trick can hide a second statement or a write from the
 * check. A read-only database account remains the real guarantee.
 */
export function checkSelectQuery(sql: string): SelectQueryCheck {
  const query = sql.trim().replace(/(\s*;)+$/, '').trim();
  if (query.length === 0) return { ok: false, reason: 'the query is empty' };
  if (query.length > MAX_QUERY_LENGTH) return { ok: false, reason: `the query is longer than ${MAX_QUERY_LENGTH} characters` };
  for (const rules of QUOTE_RULES) {
    const scanned = scan(query, rules);
    if ('reason' in scanned) return { ok: false, reason: scanned.reason };
    const first = scanned.words[0];
    if (first !== 'select' && first !== 'with') return { ok: false, reason: 'the query must start with SELECT or WITH' };
    const bad = scanned.words.find((w) => FORBIDDEN_WORDS.has(w));
    if (bad) return { ok: false, reason: `"${bad.toUpperCase()}" is not allowed: the query must only read` };
  }
  return { ok: true, query };
}

/** Lower-case words outside strings, quoted identifiers and comments; or why the text is refused. */
function scan(sql: string, rules: QuoteRules): { words: string[] } | { reason: string } {
  const words: string[] = [];
  let depth = 0;
  let i = 0;
  while (i < sql.length) {
    const ch = sql[i]!;
    const next = sql[i + 1];
    if (ch === '-' && next === '-') {
      i = endOf(sql, '\n', i + 2);
    } else if (ch === '/' && next === '*') {
      if (sql[i + 2] === '!') return { reason: 'MySQL executable comments (/*! ... */) are not allowed' };
      const end = sql.indexOf('*/', i + 2);
      if (end < 0) return { reason: 'a /* comment is not closed' };
      i = end + 2;
    } else if (ch === '#') {
      return { reason: 'the # character is not allowed outside strings (MySQL reads it as a comment); use -- for comments' };
    } else if (ch === "'" || ch === '"' || ch === '`') {
      const escapes = rules === 'mysql'
        ? ch !== '`'
        : rules === 'ansi' && ch === "'" && /[eE]/.test(sql[i - 1] ?? '') && !/\w/.test(sql[i - 2] ?? '');
      const end = closingQuote(sql, i, ch, escapes);
      if (end < 0) return { reason: `a ${ch} quote is not closed` };
      i = end + 1;
    } else if (ch === '[' && rules === 'mssql') {
      const end = closingQuote(sql, i, ']', false);
      if (end < 0) return { reason: 'a [ quote is not closed' };
      i = end + 1;
    } else if (ch === '$' && rules === 'ansi' && !/[\w$]/.test(sql[i - 1] ?? '') && /^\$(?:[A-Za-z_]\w*)?\$/.test(sql.slice(i, i + 64))) {
      const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(sql.slice(i, i + 64))![0];
      const end = sql.indexOf(tag, i + tag.length);
      if (end < 0) return { reason: `a ${tag} string is not closed` };
      i = end + tag.length;
    } else if (ch === ';') {
      return { reason: 'only one statement is allowed (remove the ";")' };
    } else if (ch === '(' || ch === ')') {
      depth += ch === '(' ? 1 : -1;
      if (depth < 0) return { reason: 'a ")" has no matching "("' };
      i++;
    } else if (/[A-Za-z_]/.test(ch)) {
      const start = i;
      while (i < sql.length && /[\w$]/.test(sql[i]!)) i++;
      words.push(sql.slice(start, i).toLowerCase());
    } else {
      i++;
    }
  }
  if (depth !== 0) return { reason: 'a "(" is not closed' };
  return { words };
}

function endOf(sql: string, terminator: string, from: number): number {
  const end = sql.indexOf(terminator, from);
  return end < 0 ? sql.length : end + terminator.length;
}

/** Index of the quote that closes the one at `open` (a doubled closing quote stays inside); -1 if none. */
function closingQuote(sql: string, open: number, closing: string, backslashEscapes: boolean): number {
  for (let i = open + 1; i < sql.length; i++) {
    const ch = sql[i];
    if (backslashEscapes && ch === '\\') {
      i++;
    } else if (ch === closing) {
      if (sql[i + 1] === closing) i++;
      else return i;
    }
  }
  return -1;
}

/** A bridge's source query, checked where it enters the node. */
export const selectQuerySchema = z.string().transform((sql, ctx) => {
  const checked = checkSelectQuery(sql);
  if (checked.ok) return checked.query;
  ctx.addIssue({ code: 'custom', message: checked.reason });
  return z.NEVER;
});
