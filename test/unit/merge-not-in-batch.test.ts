import { describe, expect, it } from 'vitest';
import type { Row } from '../../shared/index.js';
import { notInBatch } from '../../electron/engine/bridges/sync/merge-compare.js';

const exchange = (keys: string[]) => new Map<string, Row>(keys.map((k) => [k, { k }]));
const batch = (keys: string[]) => keys.map((keyText) => ({ keyText }));
const absent = (b: string[], e: string[]) => notInBatch(batch(b), exchange(e)).map((r) => r.k);

describe('exchange rows of a merged range that the source batch lacks', () => {
  it('are found walking both in key order, with new source rows anywhere among them', () => {
    expect(absent(['1', '2', '3'], ['1', '2', '3'])).toEqual([]);
    expect(absent(['0', '1', '1.5', '3', '4'], ['1', '2', '3', '3.5'])).toEqual(['2', '3.5']);
    expect(absent([], ['1', '2'])).toEqual(['1', '2']);
    expect(absent(['9'], [])).toEqual([]);
  });

  it('never miss an absent row when the two orders differ (present rows may then be reported: the source check drops them)', () => {
    const reported = absent(['3', '1', 'new', '2'], ['1', '2', '3', '4']);
    expect(reported).toContain('4');
    for (const k of reported) expect(['1', '2', '3', '4']).toContain(k);
  });
});
