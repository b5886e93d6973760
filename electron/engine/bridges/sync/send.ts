import type { FilterCondition, Row } from '../../../../shared/index.js';
import { ExNodeError, msg } from '../../../../shared/index.js';
import type { Reporter, RunContext } from '../run/context.js';
import { columnsByName } from '../mapping/columns.js';
import { totalInBackground } from '../run/estimated-total.js';
import { nodeColumnDefs } from '../exchange/checkpoint.js';
import type { SendCheckpoint } from '../exchange/checkpoint-state.js';
import { sleep, throwIfCancelled } from '../run/retry.js';
import { rowHash } from '../mapping/hash.js';
import { keyString } from '../mapping/key-string.js';
import { ensureTargetTable } from '../exchange/target-table.js';
import { markDeleted, type Prepared, softDeleteMissing, writeChanges } from '../exchange/writes.js';
import { knownRowCount, runDiff } from './diff.js';
import { refreshStatistics } from './statistics.js';
import { MergeCompare, withExchangeRows } from './merge-compare.js';
import { prefetch } from '../../../../connectors/core/prefetch.js';

/**
 * Send direction (business database → exchange database). `full` reads every source row and
 * compares it with the exchange table by row hash per key, then soft-deletes keys the source no
 * longer has; `diff` does the same but skips key ranges whose checksum, computed inside the source
 * database, has not changed; `incremental` reads only rows past the `(cursor, key)` watermark.
 */
export async function runSend(ctx: RunContext): Promise<void> {
  const { bridge } = ctx;
  await ensureTargetTable(ctx);
  await ctx.checkpoints.ensure(ctx.target);

  const stored = await ctx.checkpoints.read(ctx.target, ctx.stateKey);
  if (stored.direction !== 'send') throw new ExNodeError('SCHEMA_MISMATCH', msg('bridges.checkpointDirection', { key: ctx.stateKey }));
  let cp: SendCheckpoint;
  if (stored.runId === ctx.run.id && stored.phase !== 'idle') {
    cp = stored;
    await ctx.log('info', msg('bridges.resumingSend', { phase: msg(`bridges.phase.${cp.phase}`), rows: cp.sender.total }));
  } else {
    const { fullOnce } = ctx;
    // A one-off full run notes the highest (cursor, key) before it reads, as a first load does.
    const startWatermark = fullOnce ? await highestPosition(ctx) : await firstLoadWatermark(ctx, stored);
    const firstLoad = !fullOnce && startWatermark !== undefined;
    const readsAll = bridge.mode !== 'incremental' || firstLoad || fullOnce;
    const empty = readsAll && (await targetIsEmpty(ctx));
    const bulk = empty && (bridge.mode === 'full' || firstLoad || fullOnce);
    const base = {
      direction: 'send' as const,
      runId: ctx.run.id,
      position: null,
      sender: { total: 0, inserted: 0, updated: 0, deleted: 0 },
      receiver: { inserted: 0, updated: 0, deleted: 0, rejected: 0 },
      nextSeq: stored.nextSeq,
      watermark: stored.watermark,
      transferred: 0,
      // When expired deletes were last purged: that scan reads the whole table, once an hour is enough.
      ...(stored.purgedAt ? { purgedAt: stored.purgedAt } : {}),
    };
    const byRanges = bridge.mode === 'diff' && ctx.source.rangeChecksum !== undefined;
    cp = !readsAll ? { ...base, phase: 'incremental' }
      : byRanges ? { ...base, phase: 'ranges', rangeIndex: 0, bulk: empty }
        : { ...base, phase: 'copy', bulk, ...(startWatermark !== undefined ? { startWatermark } : {}) };
    if (firstLoad) {
      await ctx.log('info', msg('bridges.incrementalFirstLoad', { cursor: bridge.cursor![0]!, value: startWatermark ? String(startWatermark[0]) : '—' }));
    }
    if (fullOnce) {
      await ctx.log('info', msg('bridges.fullOnce', { cursor: bridge.cursor!.join(', '), value: startWatermark ? String(startWatermark[0]) : '—' }));
    } else if (bridge.mode === 'incremental') {
      await ctx.log('info', msg('bridges.incrementalNoDeletes'));
    }
    if (byRanges ? empty : bulk) await ctx.log('info', msg('bridges.bulkLoad'));
  }

  // An incremental run reads only what changed: counting the whole table would cost more than the run.
  // A diff run knows the row count of every range from its last run: counting again would cost as much as a checksum pass.
  const startPhase = cp.phase;
  const bulkLoad = (cp.phase === 'copy' || cp.phase === 'ranges') && cp.bulk;
  const estimatedTotal = totalInBackground(async () => startPhase === 'incremental'
    ? null
    : (startPhase === 'ranges' ? await knownRowCount(ctx) : null) ?? await ctx.source.count(ctx.sourceTable, bridge.filter));
  const report: Reporter = (phase, at) => ctx.report({
    phase, rowsRead: at.sender.total, estimatedTotal: estimatedTotal(),
    rowsTransferred: bridge.mode === 'diff' ? at.transferred : at.sender.total,
  }, at.sender, at.receiver);

  if (cp.phase === 'ranges') cp = await runDiff(ctx, cp, report);
  if (cp.phase === 'copy' || cp.phase === 'incremental') cp = await copyRows(ctx, cp, report);
  if (cp.phase === 'deletes') cp = await findDeletes(ctx, cp, report);
  await refreshStatistics(ctx, cp, { bulkLoad, wholeTable: startPhase !== 'incremental' });
  const purgedAt = await purgeExpiredDeletes(ctx, cp.purgedAt);
  const done: SendCheckpoint = { ...idle(cp), ...(purgedAt ? { purgedAt } : {}) };
  await ctx.target.transaction((w) => ctx.checkpoints.write(w, ctx.stateKey, ctx.targetTable.name, done));
  await report('done', done);
}

/** The checkpoint of a finished phase list: counts and memory kept, nothing of the phases. */
function idle(cp: SendCheckpoint, watermark = cp.watermark): SendCheckpoint {
  const { direction, runId, sender, receiver, nextSeq, transferred, purgedAt } = cp;
  return { direction, runId, sender, receiver, nextSeq, transferred, watermark, position: null, phase: 'idle', ...(purgedAt ? { purgedAt } : {}) };
}

/**
 * An incremental bridge's first run reads in key order (a cursor-order read of a large table seeks the
 * table once per row). Before it, the highest `(cursor, key)` is noted: once the load is done that is
 * the watermark, so the next run reads exactly what changed after it. Returns undefined when this is
 * not a first run (or the cursor has several columns, which keeps the cursor-order first read).
 */
async function firstLoadWatermark(ctx: RunContext, cp: SendCheckpoint): Promise<unknown[] | null | undefined> {
  if (ctx.bridge.mode !== 'incremental' || cp.watermark) return undefined;
  return highestPosition(ctx);
}

/**
 * The highest `(cursor, key)` the source holds now (null: no rows; undefined: a cursor of several
 * columns, whose order the node does not compute here).
 */
async function highestPosition(ctx: RunContext): Promise<unknown[] | null | undefined> {
  const { bridge, mapping } = ctx;
  if (bridge.cursor?.length !== 1) return undefined;
  const cursor = mapping.sourceColumns.find((c) => c.name === bridge.cursor![0])!;
  const top = await ctx.source.maxValue(ctx.sourceTable, cursor, bridge.filter);
  if (top === null) return null;
  let last: Row | undefined;
  for await (const rows of ctx.source.readBatches({
    table: ctx.sourceTable, columns: [cursor, ...columnsByName(mapping.sourceColumns, mapping.sourceKey)], keyColumns: mapping.sourceKey,
    batchSize: 10_000, filter: [...(bridge.filter ?? []), { column: cursor.name, op: '=', value: top as FilterCondition['value'] }], signal: ctx.signal,
  })) last = rows[rows.length - 1];
  return last ? [top, ...mapping.sourceKey.map((k) => last[k])] : null;
}

/** Whether the exchange table has no rows at all: one row is read, where a count would scan the table. */
async function targetIsEmpty(ctx: RunContext): Promise<boolean> {
  const keyColumns = columnsByName(ctx.mapping.targetColumns, ctx.mapping.targetKey);
  for await (const rows of ctx.target.readBatches({ table: ctx.targetTable, columns: keyColumns, keyColumns: ctx.mapping.targetKey, batchSize: 1 })) {
    if (rows.length > 0) return false;
  }
  return true;
}

/** Reads source rows in key (or cursor + key) order from the checkpoint on and writes the changes. */
async function copyRows(ctx: RunContext, start: SendCheckpoint & { phase: 'copy' | 'incremental' }, report: Reporter): Promise<SendCheckpoint> {
  const { mapping, node, bridge } = ctx;
  let cp: SendCheckpoint = start;
  const writeColumns = [...mapping.targetColumns, ...nodeColumnDefs(node)];
  const keyIdx = mapping.targetKey.map((k) => mapping.targetColumns.findIndex((c) => c.name === k));
  const incremental = start.phase === 'incremental';
  const orderBy = incremental ? [...bridge.cursor!, ...mapping.sourceKey] : mapping.sourceKey;
  const begin = incremental && !cp.position ? cp.watermark : cp.position;
  const filter = incremental ? withLookback(bridge.filter, bridge.cursor!, begin, bridge.lookbackSeconds) : bridge.filter;
  const after = incremental && bridge.lookbackSeconds > 0 && !cp.position ? undefined : begin ?? undefined;
  const merge = MergeCompare.for(ctx, start, writeColumns, keyIdx);
  // Reading, mapping and merging the next batch overlaps with writing this one.
  const batches = prefetch(withExchangeRows(ctx, merge, mapBatches(ctx.source.readBatches({
    table: ctx.sourceTable, columns: mapping.sourceColumns, keyColumns: orderBy, batchSize: bridge.batchSize,
    signal: ctx.signal, ...(after ? { after } : {}), ...(filter ? { filter } : {}),
  }), (rows) => preparedBatch(rows, mapping.apply, keyIdx, orderBy))));
  for await (const { batch: prepared, existing, gone } of batches) {
    throwIfCancelled(ctx.signal);
    const began = Date.now();
    // The range's deletes first: a crash after them leaves those rows `D`, so a resumed run does not count them again.
    if (gone.length > 0) cp = await markDeleted(ctx, cp, gone, writeColumns, null);
    cp = await writeChanges(ctx, cp, prepared, writeColumns, { countRead: true, ...(existing ? { existing } : {}) });
    if (incremental) cp.watermark = cp.position;
    await report(start.phase, cp);
    if (bridge.rowsPerSecond) await sleep(Math.max(0, (prepared.length / bridge.rowsPerSecond) * 1000 - (Date.now() - began)), ctx.signal);
  }
  if (incremental) return cp;
  // After loading into an empty table every exchange row came from this read: none can be missing
  // from the source (a delete made during the load is found by the next run).
  // An incremental bridge's first load ends here, with the watermark noted before it (no delete scan:
  // incremental mode never looks for deletes).
  // A one-off full run of an incremental bridge looks for deletes like a full run, and then carries on
  // from the highest (cursor, key) noted before its read: rows past it are read by the next incremental run.
  const copied = start.phase === 'copy' ? start : undefined;
  const watermark = ctx.fullOnce && copied?.startWatermark !== undefined ? copied.startWatermark : cp.watermark;
  const next: SendCheckpoint = bridge.mode === 'incremental' && !ctx.fullOnce
    ? idle(cp, copied?.startWatermark ?? null)
    : copied?.bulk ? idle(cp, watermark) : { ...idle(cp, watermark), phase: 'deletes', position: merge?.coveredUpTo ?? null };
  await ctx.target.transaction((w) => ctx.checkpoints.write(w, ctx.stateKey, ctx.targetTable.name, next));
  return next;
}

async function* mapBatches<T>(batches: AsyncIterable<Row[]>, map: (rows: Row[]) => T): AsyncIterable<T> {
  for await (const rows of batches) yield map(rows);
}

/**
 * One source batch, mapped and hashed. A row's key and position are read on demand from its values
 * and from one array of positions per batch: two small arrays per row were a sixth of the garbage
 * collector's work on a long copy (the rows in flight survive its young-generation passes).
 */
function preparedBatch(rows: readonly Row[], map: (row: Row) => unknown[], keyIdx: readonly number[], orderBy: readonly string[]): Prepared[] {
  const width = orderBy.length;
  const positions = new Array<unknown>(rows.length * width);
  const batch = { keyIdx, positions, width };
  return rows.map((row, i) => {
    for (let c = 0; c < width; c++) positions[i * width + c] = row[orderBy[c]!];
    const values = map(row);
    return new BatchRow(values, rowHash(values), batch, i);
  });
}

class BatchRow implements Prepared {
  readonly sourceHash = null;
  private keyTextCache: string | undefined;

  constructor(
    readonly values: unknown[],
    readonly hash: string,
    private readonly batch: { readonly keyIdx: readonly number[]; readonly positions: readonly unknown[]; readonly width: number },
    private readonly index: number,
  ) {}

  get key(): unknown[] {
    return this.batch.keyIdx.map((i) => this.values[i]);
  }

  /** Computed once: the merge and the write both match the row by it. */
  get keyText(): string {
    return (this.keyTextCache ??= keyString(this.key));
  }

  get position(): unknown[] {
    const { positions, width } = this.batch;
    return positions.slice(this.index * width, (this.index + 1) * width);
  }
}

/** Scans the exchange table's live keys and soft-deletes those the source no longer has. */
async function findDeletes(ctx: RunContext, start: SendCheckpoint, report: Reporter): Promise<SendCheckpoint> {
  const { mapping, node, bridge } = ctx;
  let cp = start;
  await ctx.log('info', msg('bridges.findingDeletes', { rows: cp.sender.total }));
  const writeColumns = [...mapping.targetColumns, ...nodeColumnDefs(node)];
  const liveFilter: FilterCondition[] = [{ column: node.op, op: '!=', value: 'D' }];
  for await (const rows of ctx.target.readBatches({
    table: ctx.targetTable, columns: columnsByName(writeColumns, mapping.targetKey), keyColumns: mapping.targetKey,
    batchSize: bridge.batchSize, filter: liveFilter, signal: ctx.signal, ...(cp.position ? { after: cp.position } : {}),
  })) {
    throwIfCancelled(ctx.signal);
    const keys = rows.map((r) => mapping.targetKey.map((k) => r[k]));
    cp = await softDeleteMissing(ctx, cp, keys, writeColumns, keys[keys.length - 1]!);
    await report('deletes', cp);
  }
  return cp;
}

/** Soft deletes expire in days: looking for expired ones once an hour is often enough (it scans the table). */
const PURGE_INTERVAL_MS = 3_600_000;

/**
 * Removes soft-deleted rows older than the retention period: consumers had that long to see the
 * `D`. Housekeeping, not a change: it is logged, not counted. Incremental bridges soft-delete only in
 * a one-off full run, so only that run purges. Returns when the last purge ran.
 */
async function purgeExpiredDeletes(ctx: RunContext, lastPurge: string | undefined): Promise<string | undefined> {
  const { node, mapping } = ctx;
  if (ctx.bridge.mode === 'incremental' && !ctx.fullOnce) return lastPurge;
  if (lastPurge && Date.now() - Date.parse(lastPurge) < PURGE_INTERVAL_MS) return lastPurge;
  const cutoff = new Date(Date.now() - ctx.retentionDays * 86_400_000).toISOString().replace('T', ' ').replace('Z', '');
  const keyColumns = columnsByName(mapping.targetColumns, mapping.targetKey);
  const expired: FilterCondition[] = [{ column: node.op, op: '=', value: 'D' }, { column: node.changedAt, op: '<', value: cutoff }];
  let purged = 0;
  for await (const rows of ctx.target.readBatches({ table: ctx.targetTable, columns: keyColumns, keyColumns: mapping.targetKey, batchSize: 5000, filter: expired })) {
    purged += await ctx.target.transaction((w) => w.deleteKeys(ctx.targetTable, mapping.targetKey, rows.map((r) => mapping.targetKey.map((k) => r[k]))));
  }
  if (purged > 0) await ctx.log('info', msg('bridges.purgedDeletes', { rows: purged, days: ctx.retentionDays }));
  return new Date().toISOString();
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
  const iso = new Date(Date.parse(`${m[1]}T${m[2]}Z`) + seconds * 1000).toISOString();
  return m[4] ? iso : iso.replace('T', ' ').slice(0, 19);
}
