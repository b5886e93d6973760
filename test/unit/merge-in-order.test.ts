import { describe, expect, it } from 'vitest';
import type { Column, Row } from '../../shared/index.js';
import { compareDecimalText, keyOrder } from '../../electron/engine/bridges/mapping/key-order.js';
import { mergeInOrder } from '../../electron/engine/bridges/sync/merge-compare.js';

/** Keys as tuples, turned column by column as the merge holds them. */
const columns = (keys: readonly (readonly unknown[])[], width: number) => Array.from({ length: width }, (_, c) => keys.map((k) => k[c]));
const order = (...types: Column['type'][]) => {
  const compare = keyOrder(types.map((type) => ({ type })))!;
  return (a: readonly unknown[], b: readonly unknown[]) => compare(columns([a], types.length), 0, columns([b], types.length), 0);
};
const sign = (n: number) => (Number.isNaN(n) ? NaN : Math.sign(n));

describe('the order of canonical key values', () => {
  it('orders numbers by value, whatever form the driver gave them in', () => {
    const num = order('bigint');
    const cases: [unknown, unknown, number][] = [
      ['9', '10', -1], ['10', '9', 1], ['10', '10', 0], [9, '10', -1], [10n, '9', 1], ['-1', '0', -1], ['-10', '-9', -1],
      ['1.5', '1.50', 0], ['0.05', '0.5', -1], ['-2.5', '-2.25', -1], ['007', '7', 0], ['-0', '0', 0], ['0.1', '-0.1', 1],
      ['12345678901234567890', '12345678901234567891', -1], [2, 3, -1],
    ];
    for (const [a, b, expected] of cases) expect(sign(num([a], [b])), `${String(a)} vs ${String(b)}`).toBe(expected);
  });

  it('orders dates and date-times as time, a fraction after the whole second', () => {
    const when = order('datetime');
    expect(when(['2020-01-01 00:00:00'], ['2020-01-01 00:00:00.5'])).toBeLessThan(0);
    expect(when(['2020-01-01 00:00:00.5'], ['2020-01-01 00:00:01'])).toBeLessThan(0);
    expect(order('date')(['2019-12-31'], ['2020-01-01'])).toBeLessThan(0);
  });

  it('cannot order what is not canonical, so a merge falls back instead of trusting it', () => {
    for (const [a, b] of [[null, '1'], ['1e5', '1'], ['+5', '1'], ['', '1'], ['-', '1'], [1.5, '1'], [{}, '1']]) {
      expect(order('decimal')([a], [b]), `${String(a)}`).toBeNaN();
    }
    expect(order('date')([new Date(0)], ['2020-01-01'])).toBeNaN();
    expect(compareDecimalText(null, '1')).toBeNaN();
  });

  it('is not offered for keys two databases may order differently', () => {
    for (const type of ['string', 'text', 'uuid', 'binary', 'timestamptz', 'float'] as const) expect(keyOrder([{ type }])).toBeNull();
    expect(keyOrder([{ type: 'integer' }, { type: 'string' }])).toBeNull();
  });

  it('compares composite keys part by part', () => {
    const pair = order('integer', 'date');
    expect(pair([1, '2020-12-31'], [2, '2000-01-01'])).toBeLessThan(0);
    expect(pair([2, '2000-01-02'], [2, '2000-01-01'])).toBeGreaterThan(0);
    expect(pair([2, '2000-01-01'], [2, '2000-01-01'])).toBe(0);
  });
});

describe('merging a source batch with the exchange rows of its key range', () => {
  const pair = order('integer', 'date');
  const pairOrder = keyOrder([{ type: 'integer' }, { type: 'date' }])!;
  const run = (batch: [number, string][], exchange: [number, string][]) => {
    const rows: Row[] = exchange.map(([a, b]) => ({ a, b }));
    const result = mergeInOrder(batch, columns(batch, 2), rows, columns(exchange, 2), pairOrder);
    if (!result) return null;
    return {
      matched: batch.filter((k) => result.matched.has(k)).map((k) => `${k[0]}/${k[1]}→${String(result.matched.get(k)!.a)}/${String(result.matched.get(k)!.b)}`),
      absent: result.absent.map((r) => `${String(r.a)}/${String(r.b)}`),
    };
  };

  it('pairs equal keys and finds absent exchange rows and new batch rows anywhere in the range', () => {
    expect(run([[1, 'd1'], [1, 'd2'], [3, 'd1']], [[1, 'd1'], [1, 'd2'], [3, 'd1']])).toEqual({
      matched: ['1/d1→1/d1', '1/d2→1/d2', '3/d1→3/d1'], absent: [],
    });
    expect(run([[0, 'd'], [1, 'd'], [2, 'a'], [4, 'd']], [[1, 'd'], [2, 'b'], [3, 'd'], [4, 'd']])).toEqual({
      matched: ['1/d→1/d', '4/d→4/d'], absent: ['2/b', '3/d'],
    });
    expect(run([], [])).toEqual({ matched: [], absent: [] });
    expect(run([[5, 'x']], [])).toEqual({ matched: [], absent: [] });
  });

  it('gives up (the caller looks keys up) when the exchange rows are out of order or run past the batch', () => {
    expect(run([[1, 'a'], [2, 'a']], [[2, 'a'], [1, 'a']])).toBeNull();
    expect(run([[1, 'a'], [2, 'a']], [[1, 'a'], [1, 'a']])).toBeNull();
    expect(run([[1, 'a']], [[1, 'a'], [2, 'a']])).toBeNull();
    const rows: Row[] = [{ a: null, b: 'a' }];
    expect(mergeInOrder([[1, 'a']], columns([[1, 'a']], 2), rows, columns([[null, 'a']], 2), pairOrder)).toBeNull();
  });

  it('agrees with a lookup by key on random ranges', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const key = (n: number): [number, string] => [Math.floor(n / 10), `2000-01-0${n % 10}`];
    for (let round = 0; round < 200; round++) {
      const all = Array.from({ length: 60 }, (_, n) => n);
      const batch = all.filter(() => random() < 0.6).map(key);
      if (batch.length === 0) continue;
      const last = batch[batch.length - 1]!;
      const exchange = all.filter(() => random() < 0.6).map(key).filter((k) => pair(k, last) <= 0);
      const result = run(batch, exchange)!;
      const text = (k: [number, string]) => `${k[0]}/${k[1]}`;
      const inExchange = new Set(exchange.map(text));
      const inBatch = new Set(batch.map(text));
      expect(result.matched).toEqual(batch.filter((k) => inExchange.has(text(k))).map((k) => `${text(k)}→${text(k)}`));
      expect(result.absent).toEqual(exchange.filter((k) => !inBatch.has(text(k))).map(text));
    }
  });
});
