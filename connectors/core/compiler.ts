import type { Column, Dialect, FilterCondition, SourceRef, TableRef } from '../../shared/index.js';
import { ExNodeError, msg } from '../../shared/index.js';
import { KEY_HASH_FIELD } from './connector.js';
import type { KeyShapes } from './key-predicates.js';
import { and, derivedTable, filterSql, type Quote, quoter, quoteTable } from './sql.js';
import { Bindings, type Placeholder, type Statement } from './statement.js';

/** What one dialect's SQL differs in; everything else is written once, in SqlCompiler. */
export interface DialectSql {
  readonly dialect: Dialect;
  readonly placeholder: Placeholder;
  readonly keyShapes: KeyShapes;
  /** How a column is selected; dialects whose drivers lose precision select it as text. */
  readonly selectColumn?: (c: Column, quote: Quote) => string;
  /** A SELECT of at most `limit` rows: `list` is the select list, `rest` starts at FROM. */
  readonly limit: (list: string, rest: string, limit: number) => string;
  /** SQL expression: this dialect's hash of one row's `columns` (diff mode). */
  readonly rowHash: (columns: readonly Column[], quote: Quote) => string;
  /** SQL aggregate: the checksum over many row hashes. */
  readonly sumHash: (rowHash: string) => string;
  readonly columnDdl: (c: Column) => string;
  /** Text after a column's type and nullability (MySQL keeps canonical types in column comments). */
  readonly columnComment?: (c: Column) => string;
  readonly createTableSuffix?: string;
  /** DROP of a table that may be absent; default `DROP TABLE IF EXISTS`. */
  readonly dropTable?: (table: string) => string;
  /** Rows of a multi-row INSERT, each a list of placeholders; default `VALUES (...), (...)`. */
  readonly insertRows?: (rows: readonly string[]) => string;
  /** The statement that refreshes a table's planner statistics; absent where the server keeps them itself. */
  readonly analyze?: (table: string) => string;
}

/** The rows a statement covers: a filter, then the key range (after, upTo]; values as the driver binds them. */
export interface KeyRange {
  readonly filter?: readonly FilterCondition[] | undefined;
  readonly keyColumns: readonly string[];
  readonly after?: readonly unknown[] | undefined;
  readonly upTo?: readonly unknown[] | undefined;
}

/**
 * Builds every statement a connector runs, as `{ sql, bindings }` with the dialect's placeholders
 * numbered as each value is bound. Pure: no connection, unit-tested per dialect.
 */
export class SqlCompiler {
  readonly q: Quote;

  constructor(readonly dialect: DialectSql) {
    this.q = quoter(dialect.dialect);
  }

  get keyShapes(): KeyShapes {
    return this.dialect.keyShapes;
  }

  bindings(): Bindings {
    return new Bindings(this.dialect.placeholder);
  }

  table(ref: SourceRef): string {
    if (ref.query !== undefined) throw new ExNodeError('INVALID_INPUT', msg('connectors.queryNotTable', { name: ref.name }));
    return quoteTable(this.q, ref);
  }

  /** What a read selects FROM: the table, or the source query as a derived table. */
  from(ref: SourceRef): string {
    return ref.query === undefined ? this.table(ref) : derivedTable(ref.query, this.q);
  }

  selectColumn(c: Column): string {
    return this.dialect.selectColumn ? this.dialect.selectColumn(c, this.q) : this.q(c.name);
  }

  private where(b: Bindings, range: Omit<KeyRange, 'keyColumns'> & { keyColumns?: readonly string[] }): string {
    const keyColumns = range.keyColumns ?? [];
    const condition = and(
      filterSql(range.filter, this.q, b),
      range.after ? b.adopt((q) => this.keyShapes.keyset(keyColumns, range.after!, '>', q), this.q) : '',
      range.upTo ? b.adopt((q) => this.keyShapes.keyset(keyColumns, range.upTo!, '<=', q), this.q) : '',
    );
    return condition ? ` WHERE ${condition}` : '';
  }

  /** One keyset page of `columns`, in key order. */
  page(source: SourceRef, columns: readonly Column[], range: KeyRange, limit: number): Statement {
    return this.pageOf(source, columns.map((c) => this.selectColumn(c)).join(', '), range, limit);
  }

  /** One keyset page of key columns and the row hash of `columns`, in the field KEY_HASH_FIELD. */
  keyHashPage(source: SourceRef, columns: readonly Column[], keys: readonly Column[], range: KeyRange, limit: number): Statement {
    const list = `${keys.map((c) => this.selectColumn(c)).join(', ')}, ${this.dialect.rowHash(columns, this.q)} AS ${this.q(KEY_HASH_FIELD)}`;
    return this.pageOf(source, list, range, limit);
  }

  private pageOf(source: SourceRef, list: string, range: KeyRange, limit: number): Statement {
    const b = this.bindings();
    const rest = `FROM ${this.from(source)}${this.where(b, range)} ORDER BY ${range.keyColumns.map(this.q).join(', ')}`;
    return b.statement(this.dialect.limit(list, rest, Math.floor(limit)));
  }

  count(source: SourceRef, filter?: readonly FilterCondition[]): Statement {
    const b = this.bindings();
    return b.statement(`SELECT COUNT(*) AS ${this.q('n')} FROM ${this.from(source)}${this.where(b, { filter })}`);
  }

  /** The highest value of `column`, selected as the dialect selects that column. */
  maxValue(source: SourceRef, column: Column, filter?: readonly FilterCondition[]): Statement {
    const b = this.bindings();
    const name = this.q(column.name);
    const inner = `SELECT MAX(${name}) AS ${name} FROM ${this.from(source)}${this.where(b, { filter })}`;
    return b.statement(`SELECT ${this.selectColumn(column)} FROM (${inner}) ${this.q('exn_max')}`);
  }

  /** Row count `n` and checksum `s` of `columns` over a key range. */
  rangeChecksum(source: SourceRef, columns: readonly Column[], range: KeyRange): Statement {
    const b = this.bindings();
    const sum = this.dialect.sumHash(this.dialect.rowHash(columns, this.q));
    return b.statement(`SELECT COUNT(*) AS ${this.q('n')}, ${sum} AS ${this.q('s')} FROM ${this.from(source)}${this.where(b, range)}`);
  }

  /** The rows whose key tuple is one of `keys` (one chunk: the caller keeps within the parameter limit). */
  lookup(
    source: SourceRef, columns: readonly Column[], keyColumns: readonly string[], keys: readonly (readonly unknown[])[],
    filter?: readonly FilterCondition[], keyTypes?: readonly Column[],
  ): Statement {
    const b = this.bindings();
    const list = columns.map((c) => this.selectColumn(c)).join(', ');
    const from = this.from(source);
    const condition = and(filterSql(filter, this.q, b), b.adopt((q) => this.keyShapes.membership(keyColumns, keys, q, keyTypes), this.q));
    return b.statement(`SELECT ${list} FROM ${from} WHERE ${condition}`);
  }

  deleteKeys(table: TableRef, keyColumns: readonly string[], keys: readonly (readonly unknown[])[]): Statement {
    const b = this.bindings();
    const target = this.table(table);
    return b.statement(`DELETE FROM ${target} WHERE ${b.adopt((q) => this.keyShapes.membership(keyColumns, keys, q), this.q)}`);
  }

  /** A multi-row INSERT of `rows` (driver values, one chunk). */
  insert(table: TableRef, columns: readonly Column[], rows: readonly (readonly unknown[])[]): Statement {
    const b = this.bindings();
    const head = `INSERT INTO ${this.table(table)} (${this.columnList(columns)}) `;
    const lists = rows.map((r) => b.list(r));
    return b.statement(head + (this.dialect.insertRows ? this.dialect.insertRows(lists) : `VALUES ${lists.map((l) => `(${l})`).join(', ')}`));
  }

  columnList(columns: readonly Column[]): string {
    return columns.map((c) => this.q(c.name)).join(', ');
  }

  createTable(table: TableRef, columns: readonly Column[], primaryKey: readonly string[]): string {
    const defs = columns.map((c) => {
      const key = primaryKey.includes(c.name);
      return `${this.q(c.name)} ${this.dialect.columnDdl({ ...c, primaryKey: key })}${c.nullable && !key ? '' : ' NOT NULL'}${this.comment(c)}`;
    });
    if (primaryKey.length > 0) defs.push(`PRIMARY KEY (${primaryKey.map(this.q).join(', ')})`);
    return `CREATE TABLE ${this.table(table)} (\n  ${defs.join(',\n  ')}\n)${this.dialect.createTableSuffix ?? ''}`;
  }

  createIndex(table: TableRef, name: string, columns: readonly string[]): string {
    return `CREATE INDEX ${this.q(name)} ON ${this.table(table)} (${columns.map(this.q).join(', ')})`;
  }

  addColumn(table: TableRef, column: Column): string {
    return `ALTER TABLE ${this.table(table)} ADD ${this.q(column.name)} ${this.dialect.columnDdl(column)}${this.comment(column)}`;
  }

  dropTable(table: TableRef): string {
    const name = this.table(table);
    return this.dialect.dropTable ? this.dialect.dropTable(name) : `DROP TABLE IF EXISTS ${name}`;
  }

  analyze(table: TableRef): string | null {
    return this.dialect.analyze ? this.dialect.analyze(this.table(table)) : null;
  }

  /** Returns no rows: the driver's metadata of it describes the query's columns. */
  describeQuery(query: string): string {
    return `SELECT * FROM ${derivedTable(query, this.q)} WHERE 1 = 0`;
  }

  private comment(c: Column): string {
    return this.dialect.columnComment?.(c) ?? '';
  }
}
