import type { Column, FilterCondition, Row } from '../../../shared/index.js';
import { ExNodeError } from '../../../shared/index.js';
import type { Writer } from '../../../connectors/core/connector.js';
import { type RunContext, columnsByName, keyString } from './context.js';
import { type Checkpoint, nodeColumnDefs, utcNow } from './exchange-state.js';
import { applyBatch, sleep, throwIfCancelled } from './batch-writer.js';
import { rowHash } from './hash.js';
import { ensureTargetTable } from './target-table.js';

/** A source row after mapping, ready to be classified against the exchange table. */
interface Prepared {
  readonly values: unknown[];
  readonly key: unknown[];
  readonly hash: string;
  /** The source position of this row (key, or cursor + key). */
  readonly position: unknown[];
}

/**
 * Send direction (business database → exchange database): full and diff compare every source row
 * with what the exchange table holds, by row hash per key, then soft-delete keys the source no
 * longer has; incremental reads only rows past the `(cursor, key)` watermark.
 */
export async function runSend(ctx: RunContext): Promise<void> {
  const { mapping, node, bridge } = ctx;
  const targetColumns = await ensureTargetTable(ctx);
  await ctx.checkpoints.ensure(ctx.target);

  let cp = await ctx.checkpoints.read(ctx.target, ctx.stateKey);
  if (cp.runId === ctx.run.id && cp.phase !== 'idle') {
    await ctx.log('info', `Resuming from checkpoint: phase ${cp.phase}, ${cp.sender.total} rows already read`);
  } else {
    const empty = bridge.mode !== 'incremental' && (await ctx.target.count(ctx.targetTable)) === 0;
    cp = {
      runId: ctx.run.id,
      phase: bridge.mode === 'incremental' ? 'incremental' : 'copy',
      position: null,
      sender: { total: 0, inserted: 0, updated: 0, deleted: 0 },
      receiver: { inserted: 0, updated: 0, deleted: 0, rejected: 0 },
      nextSeq: cp.nextSeq,
      extra: { watermark: cp.extra.watermark ?? null, bulk: empty },
    };
    if (empty) await ctx.log('info', 'The exchange table is empty: loading with the bulk path');
  }

  const estimatedTotal = await ctx.source.count(ctx.sourceTable, bridge.filter);
  const progress = (phase: string) => ({ phase, rowsRead: cp.sender.total, estimatedTotal });
  const writeColumns = [...mapping.targetColumns, ...nodeColumnDefs(node)];
  const keyIdx = mapping.targetKey.map((k) => mapping.targetColumns.findIndex((c) => c.name === k));

  if (cp.phase === 'copy' || cp.phase === 'incremental') {
    const incremental = cp.phase === 'incremental';
    const orderBy = incremental ? [...bridge.cursor!, ...mapping.sourceKey] : mapping.sourceKey;
    const start = incremental && !cp.position ? (cp.extra.watermark as unknown[] | null) : cp.position;
    const filter = incremental ? withLookback(bridge.filter, bridge.cursor!, start, bridge.lookbackSeconds) : bridge.filter;
    const after = incremental && bridge.lookbackSeconds > 0 && !cp.position ? undefined : start ?? undefined;
    const rowsPerSecond = bridge.rowsPerSecond;
    for await (const rows of ctx.source.readBatches({
      table: ctx.sourceTable, columns: mapping.sourceColumns, keyColumns: orderBy, batchSize: bridge.batchSize,
      signal: ctx.signal, ...(after ? { after } : {}), ...(filter ? { filter } : {}),
    })) {
      throwIfCancelled(ctx.signal);
      const began = Date.now();
      const prepared = rows.map((row): Prepared => {
        const values = mapping.apply(row);
        return { values, key: keyIdx.map((i) => values[i]), hash: rowHash(values), position: orderBy.map((c) => row[c]) };
      });
      cp = await applyChanges(ctx, cp, prepared, writeColumns, targetColumns);
      if (incremental) cp.extra.watermark = cp.position;
      await ctx.report(progress(cp.phase), cp.sender, cp.receiver);
      if (rowsPerSecond) await sleep(Math.max(0, (rows.length / rowsPerSecond) * 1000 - (Date.now() - began)), ctx.signal);
    }
    if (!incremental) {
      // After loading into an empty table every exchange row came from this read: none can be missing
      // from the source (a delete made during the load is found by the next run).
      cp = { ...cp, phase: cp.extra.bulk ? 'idle' : 'deletes', position: null };
      await ctx.target.transaction((w) => ctx.checkpoints.write(w, ctx.stateKey, ctx.targetTable.name, cp));
    }
  }

  if (cp.phase === 'deletes') {
    await ctx.log('info', `Looking for rows deleted in the source (${cp.sender.total} rows read)`);
    const keyColumns = columnsByName(targetColumns, mapping.targetKey);
    const liveFilter: FilterCondition[] = [{ column: node.op, op: '!=', value: 'D' }];
    for await (const rows of ctx.target.readBatches({
      table: ctx.targetTable, columns: keyColumns, keyColumns: mapping.targetKey, batchSize: bridge.batchSize,
      filter: liveFilter, signal: ctx.signal, ...(cp.position ? { after: cp.position } : {}),
    })) {
      throwIfCancelled(ctx.signal);
      cp = await softDeleteMissing(ctx, cp, rows, writeColumns);
      await ctx.report(progress('deletes'), cp.sender, cp.receiver);
    }
  }

  cp = { ...cp, phase: 'idle', position: null, extra: { watermark: cp.extra.watermark ?? null } };
  await ctx.target.transaction((w) => ctx.checkpoints.write(w, ctx.stateKey, ctx.targetTable.name, cp));
  await ctx.report(progress('done'), cp.sender, cp.receiver);
}

/** Classifies a batch (I/U/unchanged) against the exchange table and writes it with its checkpoint. */
async function applyChanges(
  ctx: RunContext, start: Checkpoint, prepared: readonly Prepared[], writeColumns: Column[], targetColumns: Column[],
): Promise<Checkpoint> {
  const { node, mapping } = ctx;
  let cp = start;
  const batchId = ctx.run.id;
  const lookupColumns = [...columnsByName(targetColumns, mapping.targetKey), ...columnsByName(writeColumns, [node.op, node.hash, node.firstSeq])];

  const whole = async (rows: readonly Prepared[], w: Writer): Promise<void> => {
    const next = structuredClone(cp);
    next.sender.total += rows.length;
    next.position = rows[rows.length - 1]!.position;
    const existing = new Map<string, Row>();
    if (!cp.extra.bulk) {
      const found = await w.lookup({ table: ctx.targetTable, columns: lookupColumns, keyColumns: mapping.targetKey, keys: rows.map((r) => r.key) });
      for (const r of found) existing.set(keyString(mapping.targetKey.map((k) => r[k])), r);
    }
    const inserts: unknown[][] = [];
    const revivals: unknown[][] = [];
    const updates: unknown[][] = [];
    const changedAt = utcNow();
    for (const row of rows) {
      const old = existing.get(keyString(row.key));
      if (old && old[node.op] !== 'D' && old[node.hash] === row.hash) continue;
      const op = !old || old[node.op] === 'D' ? 'I' : 'U';
      const seq = String(next.nextSeq++);
      const firstSeq = op === 'I' ? seq : String(old![node.firstSeq]);
      const full = [...row.values, op, seq, firstSeq, batchId, changedAt, row.hash];
      if (!old) inserts.push(full);
      else if (op === 'I') revivals.push(full);
      else updates.push(full);
    }
    next.sender.inserted += inserts.length + revivals.length;
    next.sender.updated += updates.length;
    if (inserts.length > 0) {
      next.receiver.inserted += cp.extra.bulk && w.bulkInsert
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
    await ctx.checkpoints.write(w, ctx.stateKey, ctx.targetTable.name, next);
    cp = next;
  };

  await applyBatch(ctx, prepared, whole, async (row, reason) => {
    const next = structuredClone(cp);
    next.sender.total += 1;
    next.sender.inserted += 1;
    next.receiver.rejected += 1;
    next.position = row.position;
    await ctx.reject([{ key: Object.fromEntries(mapping.targetKey.map((k, i) => [k, row.key[i]])), reason }]);
    await ctx.target.transaction((w) => ctx.checkpoints.write(w, ctx.stateKey, ctx.targetTable.name, next));
    cp = next;
  });
  return cp;
}

/**
 * Marks exchange rows whose key the source no longer has as deleted (`op = D`), keeping the row.
 * `keyRows` hold only the key columns; full rows are fetched for the (few) missing keys.
 */
async function softDeleteMissing(ctx: RunContext, start: Checkpoint, keyRows: Row[], writeColumns: Column[]): Promise<Checkpoint> {
  const { node, mapping } = ctx;
  const keys = keyRows.map((r) => mapping.targetKey.map((k) => r[k]));
  const sourceKeyColumns = columnsByName(mapping.sourceColumns, mapping.sourceKey);
  const present = await ctx.source.lookup({
    table: ctx.sourceTable, columns: sourceKeyColumns, keyColumns: mapping.sourceKey, keys,
    ...(ctx.bridge.filter ? { filter: ctx.bridge.filter } : {}),
  });
  const alive = new Set(present.map((r) => keyString(mapping.sourceKey.map((k) => r[k]))));
  const changedAt = utcNow();
  const next = structuredClone(start);
  next.position = keys[keys.length - 1]!;
  const missing = keys.filter((k) => !alive.has(keyString(k)));
  next.sender.deleted += missing.length;
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
      if (counts.inserted > 0) throw new ExNodeError('CONFLICT', 'A row vanished from the exchange table while the node was deleting it; run again');
    }
    await ctx.checkpoints.write(w, ctx.stateKey, ctx.targetTable.name, next);
  });
  return next;
}

/** Re-reads a margin before the watermark (time cursors) so late commits are not missed. */
function withLookback(
  filter: FilterCondition[] | undefined, cursor: string[], watermark: unknown[] | null, lookbackSeconds: number,
): FilterCondition[] | undefined {
  if (!watermark || lookbackSeconds <= 0) return filter;
  const shifted = shiftTime(watermark[0], -lookbackSeconds);
  if (shifted === null) return filter;
  return [...(filter ?? []), { column: cursor[0]!, op: '>=', value: shifted }];
}

function shiftTime(value: unknown, seconds: number): string | number | null {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(Z)?$/.exec(value);
  if (!m) return null;
  const t = Date.parse(`${m[1]}T${m[2]}Z`) + seconds * 1000;
  const iso = new Date(t).toISOString();
  return m[4] ? iso : iso.replace('T', ' ').slice(0, 19);
}
