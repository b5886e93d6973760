import type { Column, Row } from '../../../../shared/index.js';
import { msg } from '../../../../shared/index.js';
import type { RunContext } from '../run/context.js';
import { columnsByName } from '../mapping/columns.js';
import { keyString } from '../mapping/key-string.js';
import { keyOrder, ORDERED_KEY_TYPES, strictlyIncreasing, type KeyColumns, type KeyOrder } from '../mapping/key-order.js';
import type { SendCheckpoint } from '../exchange/checkpoint-state.js';
import { absentFromSource, type Prepared } from '../exchange/writes.js';

/** A source batch's key range merged with the exchange rows of the same range. */
export interface MergedRange {
  /** The exchange row of each batch row that has one. */
  readonly matched: Map<Prepared, Row>;
  /** Exchange rows of the range no batch row has. */
  readonly absent: Row[];
}

/**
 * A steady-state full run compares a source batch with the exchange rows of the same key range,
 * read in key order (one index range), instead of looking each key up: both sides are read in the
 * same order, so a batch's exchange rows are exactly those of (previous batch's last key, this
 * batch's last key]. The two are walked side by side comparing typed key parts (no key strings are
 * built). Live exchange rows of that range the batch lacks are delete candidates, which the caller
 * still checks against the source by key before deleting anything. Only keys of numbers and dates
 * are merged: two databases may order text (and uuid) keys differently, which are looked up instead.
 */
export class MergeCompare {
  private after: unknown[] | null;
  /** False once a batch could not be merged: later batches look keys up, and the delete scan reads every key. */
  active = true;

  private constructor(
    private readonly ctx: RunContext,
    private readonly columns: Column[],
    private readonly order: KeyOrder,
    /** Where each key column is among a prepared row's values. */
    private readonly keyIdx: readonly number[],
    start: unknown[] | null,
  ) {
    this.after = start;
  }

  /**
   * A merge for this run, or null where lookups must stay: not a full run into a table that holds
   * rows, or a key whose order may differ between the databases, or a target key that is not the
   * source key column for column.
   */
  static for(ctx: RunContext, cp: SendCheckpoint, writeColumns: readonly Column[], keyIdx: readonly number[]): MergeCompare | null {
    const { bridge, mapping, node } = ctx;
    if (bridge.mode !== 'full' || cp.phase !== 'copy' || cp.bulk) return null;
    const order = mergeOrder(mapping);
    if (!order) return null;
    // What writeChanges compares and carries over (see WriteOptions.existing): fewer columns to read
    // and convert for every row of the table, where the run changes a few.
    const columns = columnsByName(writeColumns, [...mapping.targetKey, node.op, node.firstSeq, node.hash]);
    return new MergeCompare(ctx, columns, order, keyIdx, cp.position);
  }

  /**
   * This batch's key range merged with its exchange rows, or null when the batch cannot be merged:
   * a row's target key is not its source position (a mapping that changes key values), or either
   * side is not in strictly increasing key order as this node compares keys. The caller then looks
   * keys up, for this batch and every later one.
   */
  async merged(batch: readonly Prepared[]): Promise<MergedRange | null> {
    if (batch.length === 0) return { matched: new Map(), absent: [] };
    const keys = this.keyIdx.map((k) => batch.map((row) => row.values[k]));
    if (!batch.every((row, i) => keyIsPosition(keys, i, row.position))) {
      this.active = false;
      return null;
    }
    const { ctx } = this;
    const { targetKey } = ctx.mapping;
    const upTo = keys.map((part) => part[batch.length - 1]);
    const rows: Row[] = [];
    for await (const page of ctx.target.readBatches({
      table: ctx.targetTable, columns: this.columns, keyColumns: targetKey, upTo, batchSize: Math.max(batch.length, 1000),
      signal: ctx.signal, ...(this.after ? { after: this.after } : {}),
    })) for (const r of page) rows.push(r);
    const range = mergeInOrder(batch, keys, rows, targetKey.map((k) => rows.map((r) => r[k])), this.order);
    if (!range) {
      this.active = false;
      await ctx.log('info', msg('bridges.mergeFallback'));
      return null;
    }
    this.after = upTo;
    return range;
  }


  /** Where the delete scan starts after the copy: past the last key the merge covered, or at the start. */
  get coveredUpTo(): unknown[] | null {
    return this.active ? this.after : null;
  }
}

/** A source batch with what the merge found for its key range (nothing where keys are looked up instead). */
export interface MergedBatch {
  readonly batch: readonly Prepared[];
  /** The exchange row of each batch row that has one, for writeChanges; absent where the merge has ended. */
  readonly existing?: ReadonlyMap<Prepared, Row>;
  /** Live exchange keys of the range that the source was checked not to have: soft-deleted before the batch is written. */
  readonly gone: unknown[][];
}

/**
 * Adds to each source batch its exchange rows and the keys the source no longer has. It runs ahead
 * of the writes (under `prefetch`): the next batch's range is read while this one is written, which
 * is safe because the ranges do not overlap and a batch writes only keys of its own range.
 */
export async function* withExchangeRows(
  ctx: RunContext, merge: MergeCompare | null, batches: AsyncIterable<Prepared[]>,
): AsyncIterable<MergedBatch> {
  for await (const batch of batches) {
    const range = merge?.active ? await merge.merged(batch) : null;
    if (!range) {
      yield { batch, gone: [] };
      continue;
    }
    yield { batch, existing: range.matched, gone: await absentFromSource(ctx, liveKeys(ctx, range.absent)) };
  }
}

/**
 * Pairs the batch's rows with the exchange rows of its range by walking both in key order; `null`
 * when either side is not in strictly increasing order as `order` compares keys, or the exchange
 * rows hold a key past the batch's last (were the databases to order keys otherwise than this node
 * does, a merge could miss a match: the caller then matches by key instead).
 */
export function mergeInOrder<B>(
  batch: readonly B[], batchKeys: KeyColumns, rows: readonly Row[], rowKeys: KeyColumns, order: KeyOrder,
): { matched: Map<B, Row>; absent: Row[] } | null {
  if (!strictlyIncreasing(batchKeys, batch.length, order) || !strictlyIncreasing(rowKeys, rows.length, order)) return null;
  const matched = new Map<B, Row>();
  const absent: Row[] = [];
  let j = 0;
  for (let i = 0; i < batch.length; i++) {
    let d = NaN;
    while (j < rows.length && (d = order(batchKeys, i, rowKeys, j)) > 0) absent.push(rows[j++]!);
    if (Number.isNaN(d) && j < rows.length) return null;
    if (d === 0) matched.set(batch[i]!, rows[j++]!);
  }
  return j === rows.length ? { matched, absent } : null;
}

/**
 * The order a merge compares this mapping's keys in, or null where keys must be looked up: keys of
 * other types than numbers and dates on either side (see `keyOrder`), or a target key of another width.
 */
export function mergeOrder(mapping: RunContext['mapping']): KeyOrder | null {
  if (mapping.targetKey.length !== mapping.sourceKey.length) return null;
  if (!columnsByName(mapping.sourceColumns, mapping.sourceKey).every((c) => ORDERED_KEY_TYPES.has(c.type))) return null;
  return keyOrder(columnsByName(mapping.targetColumns, mapping.targetKey));
}

/** The target keys of the exchange rows that are not soft-deleted (delete candidates). */
export function liveKeys(ctx: RunContext, rows: Iterable<Row>): unknown[][] {
  const { mapping: { targetKey }, node } = ctx;
  const keys: unknown[][] = [];
  for (const r of rows) if (r[node.op] !== 'D') keys.push(targetKey.map((k) => r[k]));
  return keys;
}

/** Whether key `i`, the target key of a row, is its source position value for value (it is, unless the mapping changes key values). */
function keyIsPosition(keys: KeyColumns, i: number, position: readonly unknown[]): boolean {
  if (keys.length !== position.length) return false;
  for (let c = 0; c < keys.length; c++) {
    const part = keys[c]![i];
    if (part !== position[c] && keyString([part]) !== keyString([position[c]])) return false;
  }
  return true;
}
