import { describe, expect, it } from 'vitest';
import type { Column } from '../../shared/index.js';
import { ExNodeError, translate } from '../../shared/index.js';
import { columnsByName } from '../../electron/engine/bridges/mapping/columns.js';
import { keyString } from '../../electron/engine/bridges/mapping/key-string.js';

const col = (name: string): Column => ({ name, nativeType: 'integer', type: 'integer', nullable: false, primaryKey: false });

describe('columns a bridge names', () => {
  it('are found in the order asked', () => {
    expect(columnsByName([col('a'), col('b'), col('c')], ['c', 'a']).map((c) => c.name)).toEqual(['c', 'a']);
  });
  it('reach the technician as a schema change, in their language, when one is missing (not an internal error)', () => {
    let error: unknown;
    try {
      columnsByName([col('a')], ['a', 'gone']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExNodeError);
    expect((error as ExNodeError).code).toBe('SCHEMA_MISMATCH');
    const ref = (error as ExNodeError).ref!;
    expect(translate('zh-CN', ref.key, ref.params)).toMatch(/找不到列 gone/);
  });
});

describe('key strings', () => {
  it('are equal for equal canonical values whatever the driver type, and tell NULL from the text "null"', () => {
    expect(keyString([1])).toBe(keyString(['1']));
    expect(keyString([Buffer.from('ab')])).toBe(keyString(['6162']));
    expect(keyString([null])).not.toBe(keyString(['null']));
    expect(keyString([null])).not.toBe(keyString(['\u0000']));
    expect(keyString(['\u0000'])).not.toBe(keyString(['\u0000\u0000']));
    expect(keyString([1, 'x'])).toBe(keyString(['1', 'x']));
    // Hostile text cannot make two composite keys look alike.
    expect(keyString(['a\u0001b', 'c'])).not.toBe(keyString(['a', 'b\u0001c']));
    expect(keyString(['1:a', 'b'])).not.toBe(keyString(['1', 'a1:b']));
    expect(keyString([null, 'x'])).not.toBe(keyString(['\u0000', 'x']));
    // Text that spells the length-prefixed form of another tuple.
    expect(keyString(['a\u0001', 'b'])).not.toBe(keyString(['\u00022:a', '1:b']));
  });

  it('of numeric parts (which skip the separator search) equal those of the same values as text, and still differ from hostile text', () => {
    expect(keyString([-5n, '2000-01-01'])).toBe(keyString(['-5', '2000-01-01']));
    expect(keyString([12, 3.5])).toBe(keyString(['12', '3.5']));
    expect(keyString(['2000-01-01', 7])).toBe(keyString(['2000-01-01', '7']));
    expect(keyString([1, 'a\u0001b'])).not.toBe(keyString(['1\u0001a', 'b']));
    expect(keyString([1, 'a\u0001b'])).toBe(keyString(['1', 'a\u0001b']));
  });

  it('differ for every two different tuples of the same width, whatever control characters or separators the text holds', () => {
    const chars = ['a', '1', ':', '\u0000', '\u0001', '\u0002'];
    const texts: (string | null)[] = [null, ''];
    for (const a of chars) {
      texts.push(a);
      for (const b of chars) texts.push(a + b);
    }
    for (const width of [2, 3]) {
      let tuples: (string | null)[][] = [[]];
      for (let i = 0; i < width; i++) tuples = tuples.flatMap((t) => texts.map((x) => [...t, x]));
      const seen = new Map<string, (string | null)[]>();
      const clashes: string[] = [];
      for (const t of tuples) {
        const k = keyString(t);
        const before = seen.get(k);
        if (before) clashes.push(`${JSON.stringify(before)} = ${JSON.stringify(t)}`);
        seen.set(k, t);
      }
      expect(clashes.slice(0, 5)).toEqual([]);
      expect(seen.size).toBe(texts.length ** width);
    }
  });
});
