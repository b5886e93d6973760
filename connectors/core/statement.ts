import { ExNodeError } from '../../shared/index.js';
import type { Fragment, Quote } from './sql.js';

/** A statement ready for the driver: the dialect's own placeholders in `sql`, their values in order in `bindings`. */
export interface Statement {
  readonly sql: string;
  readonly bindings: readonly unknown[];
}

/** The placeholder of the n-th bound value (1-based): `?`, `$n`, `@pn` or `:n`. */
export type Placeholder = (n: number) => string;

export const PLACEHOLDERS = {
  question: (() => '?') as Placeholder,
  dollar: ((n) => `$${n}`) as Placeholder,
  at: ((n) => `@p${n}`) as Placeholder,
  colon: ((n) => `:${n}`) as Placeholder,
} as const;

/** Encloses the number of an identifier while a `?` fragment is split; a name can never hold NUL (quoteIdent refuses it). */
const MARK = '\u0000';

/**
 * The values of one statement being built. A value gets its placeholder the moment it is bound, so
 * no SQL text is ever scanned for placeholders afterwards: a source query's own `?`, `$1`, quotes and
 * comments are copied as they are. With positional `?` placeholders, parts must be built in the order
 * they appear in the statement (every compiler builds left to right).
 */
export class Bindings {
  readonly values: unknown[] = [];

  constructor(private readonly placeholder: Placeholder) {}

  /** Binds one value and returns its placeholder. */
  bind(value: unknown): string {
    this.values.push(value);
    return this.placeholder(this.values.length);
  }

  /** A comma-separated placeholder list for `values`, e.g. `(?, ?, ?)` without the parentheses. */
  list(values: readonly unknown[]): string {
    return values.map((v) => this.bind(v)).join(', ');
  }

  /**
   * Binds the values of a fragment written with `?` (the key shapes of key-predicates.ts). The
   * fragment is built with stand-ins for identifiers, so the only `?` in its text are its placeholders
   * and a quoted name containing `?` cannot shift a value; a count that does not match is a bug.
   */
  adopt(build: (quote: Quote) => Fragment, quote: Quote): string {
    const names: string[] = [];
    const fragment = build((name) => {
      names.push(quote(name));
      return `${MARK}${names.length - 1}${MARK}`;
    });
    const pieces = fragment.sql.split('?');
    if (pieces.length - 1 !== fragment.params.length) {
      throw new ExNodeError('INTERNAL', `A key predicate has ${pieces.length - 1} placeholders for ${fragment.params.length} values`);
    }
    let sql = pieces[0]!;
    for (let i = 1; i < pieces.length; i++) sql += this.bind(fragment.params[i - 1]) + pieces[i]!;
    // Between marks stand identifier numbers: every second piece.
    return sql.split(MARK).map((piece, i) => (i % 2 === 1 ? names[Number(piece)]! : piece)).join('');
  }

  statement(sql: string): Statement {
    return { sql, bindings: this.values };
  }
}
