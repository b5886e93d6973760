import type { Column, Row } from '../../../../shared/index.js';
import { ExNodeError, msg } from '../../../../shared/index.js';
import type { Writer } from '../../../../connectors/core/connector.js';
import type { RunContext } from '../run/context.js';
import { columnsByName } from '../mapping/columns.js';
import { keyString } from '../mapping/key-string.js';
import type { SendCheckpoint } from './checkpoint-state.js';
import { utcNow } from '../../clock.js';
import { writeIsolatingBadRows } from '../run/isolate-bad-rows.js';

/** A source row after mapping, ready to be classified against the exchange table. */
export interface Prepared {
  readonly values: unknown[];
  readonly key: unknown[];
  /** `keyString(key)`: the row's identity in the maps that match it with exchange rows. */
  readonly keyText: string;
  /** Hash of the mapped business values (the exchange table's `hash` column). */
  readonly hash: string;
  /** The row hash the source database computed (diff mode), kept to skip the row next time. */
  readonly sourceHash: string | null;
  /** The source position of this row (key, or cursor + key). */
  readonly position: unknown[];
}

export interface WriteOptions {
  /** Add the rows to the sender's `total` (false when the total comes from range counts). */
  readonly countRead: boolean;
  /**
   * The exchange row of each batch row that has one, already read in key order (merge compare):
   * used instead of a lookup by key. Each row must hold at least the key, op, first seq and hash (the
   * other node values are read only to refresh a source hash, which a merged full run never has).
   */
  readonly existing?: ReadonlyMap<Prepared, Row>;
}

/**
 * Classifies a batch (insert / update / unchanged) against the exchange table and writes it, with
 * the checkpoint, in one receiver transaction. Rows the receiver rejects are quarantined one by one.
 */
export async function writeChanges<C extends SendCheckpoint>(
  ctx: RunContext, start: C, prepared: readonly Prepared[], writeColumns: Column[], options: WriteOptions,
): Promise<C> {
  const { node, mapping } = ctx;
  let cp = start;
  // Loading into an empty exchange table: nothing to compare, every row an insert by the bulk path.
  const bulk = (start.phase === 'copy' || start.phase === 'ranges') && start.bulk;
  const lookupColumns = columnsByName(writeColumns, [
    ...mapping.targetKey, node.op, node.seq, node.firstSeq, node.batch, node.changedAt, node.hash, node.sourceHash,
  ]);

  // Rows are rejected only after a one-row attempt: what that row was classified as (a rejected
  // update is counted as an update on the sender, not as an insert).
  let singleRowOp: 'I' | 'U' = 'I';
  const whole = async (rows: readonly Prepared[], w: Writer): Promise<void> => {
    singleRowOp = 'I';
    const next = structuredClone(cp);
    if (options.countRead) next.sender.total += rows.length;
    next.position = rows[rows.length - 1]!.position;
    // Keys only matter when the table may already hold rows; a row's key may be computed on each read.
    let existingOf = (row: Prepared): Row | undefined => options.existing?.get(row);
    if (!bulk && !options.existing) {
      const found = await w.lookup({ table: ctx.targetTable, columns: lookupColumns, keyColumns: mapping.targetKey, keys: rows.map((r) => r.key) });
      const byKey = new Map(found.map((r) => [keyString(mapping.targetKey.map((k) => r[k])), r]));
      existingOf = (row) => (byKey.size === 0 ? undefined : byKey.get(row.keyText));
    }
    const inserts: unknown[][] = [];
    const revivals: unknown[][] = [];
    const updates: unknown[][] = [];
    const refreshes: unknown[][] = [];
    const changedAt = utcNow();
    for (const row of rows) {
      const old = existingOf(row);
      if (old && old[node.op] !== 'D' && old[node.hash] === row.hash) {
        // Same business values; only the source's own hash was missing or stale: no change to publish.
        if (row.sourceHash !== null && old[node.sourceHash] !== row.sourceHash) {
          refreshes.push([...row.values, old[node.op], ...rowNodeValues(old, node), row.sourceHash]);
        }
        continue;
      }
      const op = !old || old[node.op] === 'D' ? 'I' : 'U';
      if (rows.length === 1) singleRowOp = op;
      const seq = String(next.nextSeq++);
      const firstSeq = op === 'I' ? seq : String(old![node.firstSeq]);
      const full = row.values.concat(op, seq, firstSeq, ctx.run.id, changedAt, row.hash, row.sourceHash);
      if (!old) inserts.push(full);
      else if (op === 'I') revivals.push(full);
      else updates.push(full);
    }
    next.sender.inserted += inserts.length + revivals.length;
    next.sender.updated += updates.length;
    if (inserts.length > 0) {
      next.receiver.inserted += bulk && w.bulkInsert
        ? await w.bulkInsert(ctx.targetTable, writeColumns, inserts)
        : await w.insert(ctx.targetTable, writeColumns, inserts);
    }
    if (revivals.length > 0) {
      const counts = await w.upsert(ctx.targetTable, writeColumns, mapping.targetKey, revivals);
      next.receiver.inserted += counts.inserted + counts.updated;
    }
    if (updates.length > 0) {
      const counts = await w.upsert(ctx.targetTable, writeColumns, mapping.targetKey, updates);
      next.receiver.updated += counts.updated;
      next.receiver.inserted += counts.inserted;
    }
    if (refreshes.length > 0) await w.upsert(ctx.targetTable, writeColumns, mapping.targetKey, refreshes);
    await ctx.checkpoints.write(w, ctx.stateKey, ctx.targetTable.name, next);
    cp = next;
  };

  await writeIsolatingBadRows(ctx, prepared, whole, async (row, reason) => {
    const next = structuredClone(cp);
    if (options.countRead) next.sender.total += 1;
    if (singleRowOp === 'U') next.sender.updated += 1;
    else next.sender.inserted += 1;
    next.receiver.rejected += 1;
    next.position = row.position;
    await ctx.reject([{ key: Object.fromEntries(mapping.targetKey.map((k, i) => [k, row.key[i]])), reason }]);
    await ctx.target.transaction((w) => ctx.checkpoints.write(w, ctx.stateKey, ctx.targetTable.name, next));
    cp = next;
  });
  return cp;
}

/** An unchanged row's node values (seq, first seq, batch, time, hash) as they are. */
function rowNodeValues(old: Row, node: RunContext['node']): unknown[] {
  return [old[node.seq], old[node.firstSeq], old[node.batch], old[node.changedAt], old[node.hash]];
}

/**
 * Marks exchange rows whose key the source no longer has as deleted (`op = D`), keeping the row.
 * `candidates` are key tuples (target key order); each is checked against the source by key
 * equality, so a different collation on either side can never delete a live row.
 */
export async function softDeleteMissing<C extends SendCheckpoint>(
  ctx: RunContext, start: C, candidates: unknown[][], writeColumns: Column[], position: unknown[] | null,
): Promise<C> {
  return markDeleted(ctx, start, await absentFromSource(ctx, candidates), writeColumns, position);
}

/** The `candidates` (key tuples, target key order) the source has no row for, found by key equality. */
export async function absentFromSource(ctx: RunContext, candidates: unknown[][]): Promise<unknown[][]> {
  if (candidates.length === 0) return [];
  const { mapping } = ctx;
  const present = await ctx.source.lookup({
    table: ctx.sourceTable, columns: columnsByName(mapping.sourceColumns, mapping.sourceKey), keyColumns: mapping.sourceKey, keys: candidates,
    ...(ctx.bridge.filter ? { filter: ctx.bridge.filter } : {}),
  });
  const alive = new Set(present.map((r) => keyString(mapping.sourceKey.map((k) => r[k]))));
  return candidates.filter((k) => !alive.has(keyString(k)));
}

/** Soft-deletes the exchange rows of `missing` (keys the source was found not to have), with the checkpoint, in one transaction. */
export async function markDeleted<C extends SendCheckpoint>(
  ctx: RunContext, start: C, missing: unknown[][], writeColumns: Column[], position: unknown[] | null,
): Promise<C> {
  const { node, mapping } = ctx;
  const next = structuredClone(start);
  if (position) next.position = position;
  next.sender.deleted += missing.length;
  const changedAt = utcNow();
  await ctx.target.transaction(async (w) => {
    const rows = missing.length === 0 ? [] : await w.lookup({ table: ctx.targetTable, columns: writeColumns, keyColumns: mapping.targetKey, keys: missing });
    const deletes = rows.map((r) => writeColumns.map((c) => {
      if (c.name === node.op) return 'D';
      if (c.name === node.seq) return String(next.nextSeq++);
      if (c.name === node.batch) return ctx.run.id;
      if (c.name === node.changedAt) return changedAt;
      return r[c.name];
    }));
    if (deletes.length > 0) {
      const counts = await w.upsert(ctx.targetTable, writeColumns, mapping.targetKey, deletes);
      next.receiver.deleted += counts.updated;
      if (counts.inserted > 0) throw new ExNodeError('CONFLICT', msg('bridges.rowVanished'));
    }
    await ctx.checkpoints.write(w, ctx.stateKey, ctx.targetTable.name, next);
  });
  return next;
}
