import { describe, expect, it } from 'vitest';
import type { Column, Row } from '../../shared/index.js';
import { PageSizer } from '../../connectors/core/page-size.js';
import { gathered } from '../../electron/engine/bridges/sync/diff-load.js';

const WIDE: Column[] = [{ name: 'id', nativeType: 'int', type: 'integer', nullable: false, primaryKey: true }, { name: 'note', nativeType: 'text', type: 'text', nullable: true, primaryKey: false }];

/** Pages as a keyset read of wide rows returns them: one row, then four times as many each page. */
async function* rampedPages(total: number, max: number): AsyncIterable<Row[]> {
  let size = 1;
  for (let id = 0; id < total;) {
    const page = Array.from({ length: Math.min(size, total - id) }, (_, i) => ({ id: id + i, note: 'x' }));
    id += page.length;
    yield page;
    size = Math.min(max, size * 4);
  }
}

async function batchesOf(pages: AsyncIterable<Row[]>, size: PageSizer): Promise<Row[][]> {
  const out: Row[][] = [];
  for await (const b of gathered(pages, size)) out.push(b);
  return out;
}

describe('gathered: pages joined into write batches of the size learned across ranges', () => {
  it('the first range ramps up with its pages; later ranges write full batches from their first rows', async () => {
    const size = new PageSizer(1000, WIDE);
    const first = await batchesOf(rampedPages(2500, 1000), size);
    expect(first.map((b) => b.length)).toEqual([1, 4, 16, 64, 256, 1000, 1000, 159]);
    const second = await batchesOf(rampedPages(2500, 1000), size);
    // 1 + 4 + 16 + 64 + 256 + 1000 rows make the first batch of at least 1000.
    expect(second.map((b) => b.length)).toEqual([1341, 1000, 159]);
    expect(second.flat().map((r) => r.id)).toEqual(Array.from({ length: 2500 }, (_, i) => i));
  });

  it('yields nothing for a range without rows', async () => {
    expect(await batchesOf(rampedPages(0, 1000), new PageSizer(1000, WIDE))).toEqual([]);
  });
});
