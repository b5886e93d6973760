import type { Column, Row } from '../../../../shared/index.js';
import type { RunContext } from '../run/context.js';
import { columnsByName } from '../mapping/columns.js';
import { keyString } from '../mapping/key-string.js';
import type { SendCheckpoint } from '../exchange/checkpoint-state.js';
import { type Prepared, softDeleteMissing } from '../exchange/writes.js';

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
    const columns = columnsByName(writeColumns, [
      ...mapping.targetKey, node.op, node.seq, node.firstSeq, node.batch, node.changedAt, node.hash, node.sourceHash,
    ]);
    return new MergeCompare(ctx, columns, cp.position);
  }

  /**
   * The exchange rows of this batch's key range, or null when a row's target key is not its source
   * position (a mapping that changes key values): the caller then looks keys up, for this batch and
   * every later one.
   */
  async rangeRows(batch: readonly Prepared[]): Promise<Row[] | null> {
    if (batch.length === 0) return [];
    if (!batch.every((r) => keyString(r.key) === keyString(r.position))) {
      this.active = false;
      return null;
    }
    const { ctx } = this;
    const upTo = batch[batch.length - 1]!.key;
    const rows: Row[] = [];
    for await (const page of ctx.target.readBatches({
      table: ctx.targetTable, columns: this.columns, keyColumns: ctx.mapping.targetKey, upTo, batchSize: Math.max(batch.length, 1000),
      signal: ctx.signal, ...(this.after ? { after: this.after } : {}),
    })) rows.push(...page);
    this.after = upTo;
    return rows;
  }

  /** Live exchange keys of the range the source batch does not have. */
  missing(batch: readonly Prepared[], existing: readonly Row[]): unknown[][] {
    const { targetKey } = this.ctx.mapping;
    const present = new Set(batch.map((r) => keyString(r.key)));
    return existing
      .filter((r) => r[this.ctx.node.op] !== 'D')
      .map((r) => targetKey.map((k) => r[k]))
      .filter((k) => !present.has(keyString(k)));
  }

  /** Where the delete scan starts after the copy: past the last key the merge covered, or at the start. */
  get coveredUpTo(): unknown[] | null {
    return this.active ? this.after : null;
  }
}

/**
 * Before a batch is written: its exchange rows by range, and the live keys of that range the source
 * lacks soft-deleted first (checked against the source by key; a crash after it leaves them `D`, so a
 * resumed run does not count them twice). Returns the rows for writeChanges, or undefined where the
 * merge has ended (`merge.active` false) and the batch's keys are looked up.
 */
export async function mergeBatch(
  ctx: RunContext, cp: SendCheckpoint, merge: MergeCompare | null, batch: readonly Prepared[], writeColumns: Column[],
): Promise<{ cp: SendCheckpoint; existing?: readonly Row[] }> {
  if (!merge?.active) return { cp };
  const existing = await merge.rangeRows(batch);
  if (!existing) return { cp };
  const gone = merge.missing(batch, existing);
  return { cp: gone.length > 0 ? await softDeleteMissing(ctx, cp, gone, writeColumns, null) : cp, existing };
}
