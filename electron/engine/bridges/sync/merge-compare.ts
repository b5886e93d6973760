import type { Column, Row } from '../../../../shared/index.js';
import type { RunContext } from '../run/context.js';
import { columnsByName } from '../mapping/columns.js';
import { keyString } from '../mapping/key-string.js';
import type { SendCheckpoint } from '../exchange/checkpoint-state.js';
import { absentFromSource, type Prepared } from '../exchange/writes.js';

/**
 * Key types two databases order alike, whatever their collations: numbers and dates. Text keys
 * (and uuid, which MariaDB orders by its own byte layout) are compared by lookup instead.
 */
const ORDER_SAFE_TYPES = new Set<Column['type']>(['integer', 'bigint', 'decimal', 'date', 'datetime']);

/**
 * A steady-state full run compares a source batch with the exchange rows of the same key range,
 * read in key order (one index range), instead of looking each key up: both sides are read in the
 * same order, so a batch's exchange rows are exactly those of (previous batch's last key, this
 * batch's last key]. Live exchange rows of that range the batch lacks are delete candidates, which
 * the caller still checks against the source by key before deleting anything.
 */
export class MergeCompare {
  private after: unknown[] | null;
  /** False once a batch could not be merged: later batches look keys up, and the delete scan reads every key. */
  active = true;

  private constructor(private readonly ctx: RunContext, private readonly columns: Column[], start: unknown[] | null) {
    this.after = start;
  }

  /**
   * A merge for this run, or null where lookups must stay: not a full run into a table that holds
   * rows, or a key whose order may differ between the databases, or a target key that is not the
   * source key column for column.
   */
  static for(ctx: RunContext, cp: SendCheckpoint, writeColumns: readonly Column[]): MergeCompare | null {
    const { bridge, mapping, node } = ctx;
    if (bridge.mode !== 'full' || cp.phase !== 'copy' || cp.bulk) return null;
    if (mapping.targetKey.length !== mapping.sourceKey.length) return null;
    const keyColumns = columnsByName(mapping.targetColumns, mapping.targetKey);
    const sourceKey = columnsByName(mapping.sourceColumns, mapping.sourceKey);
    if (![...keyColumns, ...sourceKey].every((c) => ORDER_SAFE_TYPES.has(c.type))) return null;
    // What writeChanges compares and carries over (see WriteOptions.existing): fewer columns to read
    // and convert for every row of the table, where the run changes a few.
    const columns = columnsByName(writeColumns, [...mapping.targetKey, node.op, node.firstSeq, node.hash]);
    return new MergeCompare(ctx, columns, cp.position);
  }

  /**
   * The exchange rows of this batch's key range by `keyString` of their key, or null when a row's
   * target key is not its source position (a mapping that changes key values): the caller then looks
   * keys up, for this batch and every later one.
   */
  async rangeRows(batch: readonly Prepared[]): Promise<Map<string, Row> | null> {
    if (batch.length === 0) return new Map();
    if (!batch.every(keyIsPosition)) {
      this.active = false;
      return null;
    }
    const { ctx } = this;
    const { targetKey } = ctx.mapping;
    const upTo = batch[batch.length - 1]!.key;
    const rows = new Map<string, Row>();
    for await (const page of ctx.target.readBatches({
      table: ctx.targetTable, columns: this.columns, keyColumns: targetKey, upTo, batchSize: Math.max(batch.length, 1000),
      signal: ctx.signal, ...(this.after ? { after: this.after } : {}),
    })) {
      for (const r of page) rows.set(keyString(targetKey.map((k) => r[k])), r);
    }
    this.after = upTo;
    return rows;
  }

  /** Live exchange keys of the range the source batch does not have. */
  missing(batch: readonly Prepared[], existing: ReadonlyMap<string, Row>): unknown[][] {
    const { mapping: { targetKey }, node } = this.ctx;
    const gone: unknown[][] = [];
    for (const r of notInBatch(batch, existing)) if (r[node.op] !== 'D') gone.push(targetKey.map((k) => r[k]));
    return gone;
  }

  /** Where the delete scan starts after the copy: past the last key the merge covered, or at the start. */
  get coveredUpTo(): unknown[] | null {
    return this.active ? this.after : null;
  }
}

/** A source batch with what the merge found for its key range (nothing where keys are looked up instead). */
export interface MergedBatch {
  readonly batch: readonly Prepared[];
  /** The exchange rows of the batch's key range by key, for writeChanges; absent where the merge has ended. */
  readonly existing?: ReadonlyMap<string, Row>;
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
    const existing = merge?.active ? await merge.rangeRows(batch) : null;
    if (!existing) {
      yield { batch, gone: [] };
      continue;
    }
    yield { batch, existing, gone: await absentFromSource(ctx, merge!.missing(batch, existing)) };
  }
}

/**
 * The exchange rows whose key no row of the batch has, found by walking both in key order (no set of
 * the batch's keys is built: that was most of this step's time on composite keys). A batch row not in
 * the range is skipped; an exchange row that is not the next batch row in the range is absent. Were
 * the two orders ever to differ, a present row would be reported too, never an absent one missed:
 * every row reported is checked against the source by key before anything is deleted.
 */
export function notInBatch(batch: readonly Pick<Prepared, 'keyText'>[], existing: ReadonlyMap<string, Row>): Row[] {
  const absent: Row[] = [];
  let i = 0;
  for (const [key, row] of existing) {
    while (i < batch.length && batch[i]!.keyText !== key && !existing.has(batch[i]!.keyText)) i++;
    if (i < batch.length && batch[i]!.keyText === key) i++;
    else absent.push(row);
  }
  return absent;
}

/** Whether a row's target key is its source position, value for value (it is, unless the mapping changes key values). */
function keyIsPosition(row: Prepared): boolean {
  const { key, position } = row;
  if (key.length !== position.length) return false;
  for (let i = 0; i < key.length; i++) {
    if (key[i] !== position[i] && keyString([key[i]]) !== keyString([position[i]])) return false;
  }
  return true;
}
