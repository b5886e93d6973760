import type { Row } from '../../../../shared/index.js';
import { KEY_HASH_FIELD } from '../../../../connectors/core/connector.js';
import { prefetch } from '../../../../connectors/core/prefetch.js';
import type { PageSizer } from '../../../../connectors/core/page-size.js';
import type { Reporter, RunContext } from '../run/context.js';
import { keyString } from '../mapping/key-string.js';
import { rowHash } from '../mapping/hash.js';
import { nodeColumnDefs } from '../exchange/checkpoint.js';
import type { SendCheckpoint } from '../exchange/checkpoint-state.js';
import { type Prepared, writeChanges } from '../exchange/writes.js';
import { sleep, throwIfCancelled } from '../run/retry.js';

type RangesCheckpoint = SendCheckpoint & { phase: 'ranges' };

/**
 * Loads one changed key range of a diff run into an exchange table that held no rows when the run
 * began: there is nothing to compare or delete, so the source rows are read by key range (not looked
 * up key by key) and written by the bulk path. Ranges are loaded in key order and each finished range
 * moves `position` to its upper key, so the exchange holds no row past `position`: a resumed run reads
 * on from there and never writes a row twice.
 */
export async function loadRange(
  ctx: RunContext, start: RangesCheckpoint, bounds: { after?: unknown[]; upTo?: unknown[] }, probed: Row[] | undefined, writeSize: PageSizer,
  report: Reporter,
): Promise<RangesCheckpoint> {
  const { source, mapping, node, bridge } = ctx;
  let cp = start;
  const writeColumns = [...mapping.targetColumns, ...nodeColumnDefs(node)];
  const keyIdx = mapping.targetKey.map((k) => mapping.targetColumns.findIndex((c) => c.name === k));
  const filter = bridge.filter ? { filter: bridge.filter } : {};
  const common = { table: ctx.sourceTable, columns: mapping.sourceColumns, keyColumns: mapping.sourceKey, batchSize: bridge.batchSize, signal: ctx.signal, ...filter };

  // The source's row hashes, stored with each row so that the next run skips it while unchanged.
  const hashes = new Map<string, string>();
  const hashBatches = probed ? [probed] : source.readKeyHashes!({ ...common, ...bounds });
  for await (const batch of hashBatches) {
    for (const r of batch) hashes.set(keyString(mapping.sourceKey.map((k) => r[k])), String(r[KEY_HASH_FIELD]));
  }

  const after = cp.position ?? bounds.after;
  const totalBefore = cp.sender.total;
  const pages = source.readBatches({ ...common, ...(after ? { after } : {}), ...(bounds.upTo ? { upTo: bounds.upTo } : {}) });
  // Reading and mapping the next batch overlaps with writing this one.
  for await (const prepared of prefetch(mapped(gathered(pages, writeSize), (row) => preparedWithSourceHash(ctx, keyIdx, row, hashes)))) {
    throwIfCancelled(ctx.signal);
    const began = Date.now();
    cp = await writeChanges(ctx, cp, prepared, writeColumns, { countRead: false });
    cp = { ...cp, transferred: cp.transferred + prepared.length };
    // The range's count is added to the total once it is done; until then progress shows the rows loaded.
    await report('ranges', { ...cp, sender: { ...cp.sender, total: totalBefore + cp.transferred - start.transferred } });
    // A first load reads the whole table, as a full run does: it keeps to the bridge's rate limit too.
    if (bridge.rowsPerSecond) await sleep(Math.max(0, (prepared.length / bridge.rowsPerSecond) * 1000 - (Date.now() - began)), ctx.signal);
  }
  return cp;
}

/**
 * Pages joined into batches of `size.limit` rows, the size learned across ranges. A read of wide rows
 * starts each range with a page of one row and grows it fourfold per page; written as they come, a
 * range of 10,000 rows took eight transactions, most of them a few rows each.
 */
export async function* gathered(pages: AsyncIterable<Row[]>, size: PageSizer): AsyncIterable<Row[]> {
  let batch: Row[] = [];
  for await (const page of pages) {
    batch = batch.length === 0 ? page : batch.concat(page);
    if (batch.length >= size.limit) {
      size.adjust(batch);
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) {
    size.adjust(batch);
    yield batch;
  }
}

async function* mapped<T>(batches: AsyncIterable<Row[]>, map: (row: Row) => T): AsyncIterable<T[]> {
  for await (const rows of batches) yield rows.map(map);
}

/** A source row mapped for writing, with the hash the source database computed for it (null when it has none). */
export function preparedWithSourceHash(ctx: RunContext, keyIdx: readonly number[], row: Row, hashes: ReadonlyMap<string, string>): Prepared {
  const values = ctx.mapping.apply(row);
  const position = ctx.mapping.sourceKey.map((k) => row[k]);
  return new SourceRow(values, keyIdx.map((i) => values[i]), position, hashes.get(keyString(position)) ?? null);
}

/**
 * A class, not an object literal with a getter: V8 builds such literals slowly, and the profile of a
 * 300,000-row load showed it (a tenth of the node's CPU time).
 */
class SourceRow implements Prepared {
  readonly hash: string;
  private keyTextCache: string | undefined;

  constructor(readonly values: unknown[], readonly key: unknown[], readonly position: unknown[], readonly sourceHash: string | null) {
    this.hash = rowHash(values);
  }

  /** Only read where the row is compared with exchange rows (not by the bulk path). */
  get keyText(): string {
    return (this.keyTextCache ??= keyString(this.key));
  }
}
