import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Column, ConnectionConfigInput, Row } from '../../../shared/index.js';
import { type Connector, KEY_HASH_FIELD } from '../../../connectors/core/connector.js';
import { openDirect } from '../bridges/harness.js';
import { comparable, expectedRows, MATRIX_COLUMNS, MATRIX_ROWS } from './matrix.js';

async function readAll(c: Connector, name: string, columns: Column[], batchSize = 2): Promise<Row[]> {
  const out: Row[] = [];
  for await (const b of c.readBatches({ table: { name }, columns, keyColumns: ['id'], batchSize })) out.push(...b);
  return out;
}

/** What every connector must do against its real database (Beekeeper-style common tests). */
export function conformanceSuite(label: string, config: ConnectionConfigInput, generate: (table: string, rows: number) => Promise<void>): void {
  describe(`connector conformance: ${label}`, () => {
    let c: Connector;
    const matrix = `cf_${config.dialect}_matrix`;
    beforeAll(async () => {
      c = await openDirect(config);
    });
    afterAll(async () => {
      for (const t of [matrix, `cf_${config.dialect}_stream`, `cf_${config.dialect}_counts`, `cf_${config.dialect}_wide`, 'cf_inj"`]x', 'cf_victim']) await c.dropTable({ name: t });
      await c.close();
    });

    it('connects and identifies the server', async () => {
      const r = await c.test();
      expect(r.ok, r.message).toBe(true);
      expect(r.product).toBeTruthy();
      expect(r.version).toMatch(/\d/);
      expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it('round-trips every canonical type exactly, through plain and bulk inserts', async () => {
      // Every row both ways: the bulk path encodes text itself (escapes, NULL markers, binary, instants).
      for (const insert of ['insert', 'bulkInsert'] as const) {
        await c.dropTable({ name: matrix });
        await c.createTable({ name: matrix }, MATRIX_COLUMNS, ['id']);
        await c.transaction((w) => (w[insert] ?? w.insert)({ name: matrix }, MATRIX_COLUMNS, MATRIX_ROWS));
        expect(comparable(await readAll(c, matrix, MATRIX_COLUMNS)), insert).toEqual(expectedRows());
      }
    });

    it('introspects columns, types, keys and nullability', async () => {
      const t = await c.describeTable({ name: matrix });
      expect(t.primaryKey).toEqual(['id']);
      expect(t.columns.map((x) => x.name)).toEqual(MATRIX_COLUMNS.map((x) => x.name));
      const types = Object.fromEntries(t.columns.map((x) => [x.name, x.type]));
      expect(types).toMatchObject({ c_big: 'bigint', c_dec: 'decimal', c_text: 'text', c_dt: 'datetime', c_bin: 'binary', c_str: 'string' });
      expect(t.columns.find((x) => x.name === 'c_dec')).toMatchObject({ precision: 38, scale: 10 });
      expect(t.columns.find((x) => x.name === 'c_str')).toMatchObject({ length: 100, nullable: true });
      expect(t.columns.find((x) => x.name === 'id')!.nullable).toBe(false);
      expect((await c.listTables()).map((x) => x.name)).toContain(matrix);
    });

    it('sums row hashes in the node exactly as its range checksum does in the database', async (ctx) => {
      if (!c.checksumOf || !c.rangeChecksum || !c.readKeyHashes) ctx.skip();
      const options = { table: { name: matrix }, columns: MATRIX_COLUMNS, keyColumns: ['id'] };
      const hashesOf = async (bounds: { after?: unknown[]; upTo?: unknown[] }) => {
        const hashes: string[] = [];
        for await (const b of c.readKeyHashes!({ ...options, ...bounds, batchSize: 2 })) hashes.push(...b.map((r) => String(r[KEY_HASH_FIELD])));
        return hashes;
      };
      for (const bounds of [{}, { after: [MATRIX_ROWS[0]![0]] }, { upTo: [MATRIX_ROWS[1]![0]] }, { after: [MATRIX_ROWS[MATRIX_ROWS.length - 1]![0]] }]) {
        const hashes = await hashesOf(bounds);
        const inDatabase = await c.rangeChecksum!({ ...options, ...bounds });
        expect({ count: hashes.length, checksum: c.checksumOf!(hashes) }).toEqual(inDatabase);
      }
    });

    it('counts inserts, updates and deletes exactly as the database applied them', async () => {
      const table = { name: `cf_${config.dialect}_counts` };
      const cols = MATRIX_COLUMNS.slice(0, 3);
      await c.dropTable(table);
      await c.createTable(table, cols, ['id']);
      expect(await c.transaction((w) => w.insert(table, cols, [[1, 1, '1'], [2, 2, '2']]))).toBe(2);
      const up = await c.transaction((w) => w.upsert(table, cols, ['id'], [[2, 20, '20'], [3, 3, '3'], [4, 4, '4']]));
      expect(up).toEqual({ inserted: 2, updated: 1 });
      expect(await c.transaction((w) => w.deleteKeys(table, ['id'], [[1], [4], [99]]))).toBe(2);
      expect(await c.count(table)).toBe(2);
      const failed = c.transaction(async (w) => {
        await w.insert(table, cols, [[50, 5, '5']]);
        await w.insert(table, cols, [[2, 2, '2']]);
      });
      await expect(failed).rejects.toThrow();
      expect(await c.count(table)).toBe(2);
    });

    it('pages by key with filters', async () => {
      const got = await readAll(c, matrix, MATRIX_COLUMNS.slice(0, 2), 1);
      expect(got.map((r) => r.id)).toEqual([1, 2, 3, 4]);
      const filtered: Row[] = [];
      for await (const b of c.readBatches({ table: { name: matrix }, columns: MATRIX_COLUMNS.slice(0, 2), keyColumns: ['id'], batchSize: 10, after: [1], filter: [{ column: 'c_int', op: 'is not null' }] })) filtered.push(...b);
      expect(filtered.map((r) => r.id)).toEqual([2, 4]);
      expect(await c.count({ name: matrix }, [{ column: 'c_bool', op: '=', value: true }])).toBe(2);
    });

    it('quotes names and binds values, so injection attempts are inert', async () => {
      const evil = { name: 'cf_inj"`]x' };
      const victim = { name: 'cf_victim' };
      await c.dropTable(evil);
      await c.dropTable(victim);
      await c.createTable(victim, MATRIX_COLUMNS.slice(0, 2), ['id']);
      const evilCols: Column[] = [{ ...MATRIX_COLUMNS[0]! }, { name: 'v"`]; DROP TABLE cf_victim; --', nativeType: 'string', type: 'string', length: 50, nullable: true, primaryKey: false }];
      await c.createTable(evil, evilCols, ['id']);
      await c.transaction((w) => w.insert(evil, evilCols, [[1, "x'); DROP TABLE cf_victim; --"]]));
      expect(await c.count(evil, [{ column: evilCols[1]!.name, op: '=', value: "' OR 1=1 --" }])).toBe(0);
      expect(await c.count(evil, [{ column: evilCols[1]!.name, op: '=', value: "x'); DROP TABLE cf_victim; --" }])).toBe(1);
      expect(await c.tableExists(victim)).toBe(true);
      expect((await c.describeTable(evil)).columns.map((x) => x.name)).toEqual(evilCols.map((x) => x.name));
    });

    it('streams 1,000,000 rows in bounded memory', async () => {
      const name = `cf_${config.dialect}_stream`;
      const cols: Column[] = [MATRIX_COLUMNS[0]!, { ...MATRIX_COLUMNS[7]! }, { ...MATRIX_COLUMNS[3]! }];
      await c.dropTable({ name });
      await c.createTable({ name }, cols, ['id']);
      await generate(name, 1_000_000);
      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      let rows = 0;
      let last = 0;
      const started = performance.now();
      for await (const b of c.readBatches({ table: { name }, columns: cols, keyColumns: ['id'], batchSize: 10_000 })) {
        rows += b.length;
        expect(b[0]!.id as number).toBeGreaterThan(last);
        last = b[b.length - 1]!.id as number;
        peak = Math.max(peak, process.memoryUsage().rss);
      }
      const seconds = (performance.now() - started) / 1000;
      const growthMb = Math.round((peak - baseline) / 2 ** 20);
      console.log(`${label}: streamed ${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s), RSS growth ${growthMb} MB`);
      expect(rows).toBe(1_000_000);
      expect(growthMb).toBeLessThan(200);
    });

    it('reads wide rows (documents, images) in pages sized by bytes, not only by row count', async () => {
      const name = `cf_${config.dialect}_wide`;
      const cols: Column[] = [MATRIX_COLUMNS[0]!, { name: 'doc', nativeType: 'text', type: 'text', nullable: false, primaryKey: false }];
      await c.dropTable({ name });
      await c.createTable({ name }, cols, ['id']);
      const doc = (id: number) => `${id}:${'证'.repeat(200_000)}`; // ~400 KB a row in memory, 600 KB of UTF-8
      for (let id = 1; id <= 240; id += 10) {
        await c.transaction((w) => w.insert({ name }, cols, Array.from({ length: 10 }, (_, i) => [id + i, doc(id + i)])).then(() => undefined));
      }
      const sizes: number[] = [];
      let next = 1;
      for await (const b of c.readBatches({ table: { name }, columns: cols, keyColumns: ['id'], batchSize: 5000 })) {
        sizes.push(b.length);
        for (const r of b) {
          expect(Number(r.id)).toBe(next);
          expect(r.doc).toBe(doc(next++));
        }
      }
      expect(next - 1).toBe(240);
      // 5,000 such rows would be 2 GB: the first page is small and later ones hold about 32 MB (80 rows).
      expect(sizes[0]).toBeLessThanOrEqual(50);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
      expect(sizes.length).toBeGreaterThan(2);
    });
  });
}
