import { afterAll, describe, expect, it } from 'vitest';
import type { Row } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import { openDirect } from '../bridges/harness.js';
import { CONFIGS } from './dialects.js';
import { comparable, expectedRows, MATRIX_COLUMNS, MATRIX_ROWS } from './matrix.js';

const DIALECTS = ['sqlite', 'mysql', 'postgres'] as const;

/**
 * The type matrix from each dialect into each other one, the way a bridge does it: the target table
 * is created from the source's introspected columns, and values must arrive exactly.
 */
describe('type matrix across dialects', () => {
  const open: Connector[] = [];
  const connector = async (d: (typeof DIALECTS)[number]) => {
    const c = await openDirect(CONFIGS[d]);
    open.push(c);
    return c;
  };
  afterAll(async () => {
    await Promise.allSettled(open.map((c) => c.close()));
  });

  for (const from of DIALECTS) {
    for (const to of DIALECTS) {
      if (from === to) continue;
      it(`${from} → ${to}`, async () => {
        const src = await connector(from);
        const dst = await connector(to);
        const srcTable = { name: `cx_${from}_src` };
        const dstTable = { name: `cx_${from}_to_${to}` };
        await src.dropTable(srcTable);
        await src.createTable(srcTable, MATRIX_COLUMNS, ['id']);
        await src.transaction((w) => w.insert(srcTable, MATRIX_COLUMNS, MATRIX_ROWS));
        const described = (await src.describeTable(srcTable)).columns;
        const rows: Row[] = [];
        for await (const b of src.readBatches({ table: srcTable, columns: described, keyColumns: ['id'], batchSize: 100 })) rows.push(...b);

        await dst.dropTable(dstTable);
        await dst.createTable(dstTable, described, ['id']);
        await dst.transaction((w) => (w.bulkInsert ?? w.insert)(dstTable, described, rows.map((r) => described.map((c) => r[c.name]))));
        const arrived = (await dst.describeTable(dstTable)).columns;
        expect(arrived.map((c) => c.type)).toEqual(MATRIX_COLUMNS.map((c) => c.type));
        const back: Row[] = [];
        for await (const b of dst.readBatches({ table: dstTable, columns: arrived, keyColumns: ['id'], batchSize: 100 })) back.push(...b);
        expect(comparable(back)).toEqual(expectedRows());
        await src.dropTable(srcTable);
        await dst.dropTable(dstTable);
      });
    }
  }
});
