import type { FilterCondition, Row } from '../../../../shared/index.js';
import type { Reporter, RunContext } from '../run/context.js';
import { columnsByName } from '../mapping/columns.js';
import { totalInBackground } from '../run/estimated-total.js';
import { type Checkpoint, nodeColumnDefs } from '../exchange/checkpoint.js';
import { sleep, throwIfCancelled } from '../run/retry.js';
import { rowHash } from '../mapping/hash.js';
import { ensureTargetTable } from '../exchange/target-table.js';
import { type Prepared, softDeleteMissing, writeChanges } from '../exchange/writes.js';
import { knownRowCount, runDiff } from './diff.js';
import { refreshStatistics } from './statistics.js';
import { MergeCompare, mergeBatch } from './merge-compare.js';
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

  let cp = await ctx.checkpoints.read(ctx.target, ctx.stateKey);
  if (cp.runId === ctx.run.id && cp.phase !== 'idle') {
    await ctx.log('info', `Resuming from checkpoint: phase ${cp.phase}, ${cp.sender.total} rows covered`);
  } else {
    const startWatermark = await firstLoadWatermark(ctx, cp);
    const firstLoad = startWatermark !== undefined;
    const empty = (bridge.mode !== 'incremental' || firstLoad) && (await targetIsEmpty(ctx));
    cp = {
      runId: ctx.run.id,
      phase: bridge.mode === 'incremental' && !firstLoad ? 'incremental' : bridge.mode === 'diff' && ctx.source.rangeChecksum ? 'ranges' : 'copy',
      position: null,
      sender: { total: 0, inserted: 0, updated: 0, deleted: 0 },
      receiver: { inserted: 0, updated: 0, deleted: 0, rejected: 0 },
      nextSeq: cp.nextSeq,
      extra: {
        watermark: cp.extra.watermark ?? null, ...(firstLoad ? { startWatermark } : {}),
        bulk: empty && (bridge.mode === 'full' || firstLoad), rangeIndex: 0, transferred: 0,
        // When expired deletes were last purged: that scan reads the whole table, once an hour is enough.
        ...(cp.extra.purgedAt ? { purgedAt: cp.extra.purgedAt } : {}),
      },
    };
    if (firstLoad) await ctx.log('info', `First run of an incremental bridge: loading every row in key order; later runs read past ${bridge.cursor![0]} = ${startWatermark ? String(startWatermark[0]) : '(none yet)'}`);
    if (cp.extra.bulk) await ctx.log('info', 'The exchange table is empty: loading with the bulk path');
  }

  // An incremental run reads only what changed: counting the whole table would cost more than the run.
  // A diff run knows the row count of every range from its last run: counting again would cost as much as a checksum pass.
  const startPhase = cp.phase;
  const estimatedTotal = totalInBackground(async () => startPhase === 'incremental'
    ? null
    : (startPhase === 'ranges' ? await knownRowCount(ctx) : null) ?? await ctx.source.count(ctx.sourceTable, bridge.filter));
  const report: Reporter = (phase, at) => ctx.report({
    phase, rowsRead: at.sender.total, estimatedTotal: estimatedTotal(),
    rowsTransferred: bridge.mode === 'diff' ? Number(at.extra.transferred ?? 0) : at.sender.total,
  }, at.sender, at.receiver);

  if (cp.phase === 'ranges') cp = await runDiff(ctx, cp, report);
  if (cp.phase === 'copy' || cp.phase === 'incremental') cp = await copyRows(ctx, cp, report);
  if (cp.phase === 'deletes') cp = await findDeletes(ctx, cp, report);
  await refreshStatistics(ctx, cp, cp.extra.bulk === true);
  const purgedAt = await purgeExpiredDeletes(ctx, cp.extra.purgedAt as string | undefined);
  cp = { ...cp, phase: 'idle', position: null, extra: { watermark: cp.extra.watermark ?? null, transferred: cp.extra.transferred ?? 0, purgedAt } };
  await ctx.target.transaction((w) => ctx.checkpoints.write(w, ctx.stateKey, ctx.targetTable.name, cp));
  await report('done', cp);
}

/**
 * An incremental bridge's first run reads in key order (a cursor-order read of a large table seeks the
 * table once per row). Before it, the highest `(cursor, key)` is noted: once the load is done that is
 * the watermark, so the next run reads exactly what changed after it. Returns undefined when this is
 * not a first run (or the cursor has several columns, which keeps the cursor-order first read).
 */
async function firstLoadWatermark(ctx: RunContext, cp: Checkpoint): Promise<unknown[] | null | undefined> {
  const { bridge, mapping } = ctx;
  if (bridge.mode !== 'incremental' || bridge.cursor!.length !== 1 || cp.extra.watermark) return undefined;
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
async function copyRows(ctx: RunContext, start: Checkpoint, report: Reporter): Promise<Checkpoint> {
  const { mapping, node, bridge } = ctx;
  let cp = start;
  const writeColumns = [...mapping.targetColumns, ...nodeColumnDefs(node)];
  const keyIdx = mapping.targetKey.map((k) => mapping.targetColumns.findIndex((c) => c.name === k));
  const incremental = cp.phase === 'incremental';
  const orderBy = incremental ? [...bridge.cursor!, ...mapping.sourceKey] : mapping.sourceKey;
  const begin = incremental && !cp.position ? (cp.extra.watermark as unknown[] | null) : cp.position;
  const filter = incremental ? withLookback(bridge.filter, bridge.cursor!, begin, bridge.lookbackSeconds) : bridge.filter;
  const after = incremental && bridge.lookbackSeconds > 0 && !cp.position ? undefined : begin ?? undefined;
  // Reading and mapping the next batch overlaps with writing this one.
  const batches = prefetch(mapBatches(ctx.source.readBatches({
    table: ctx.sourceTable, columns: mapping.sourceColumns, keyColumns: orderBy, batchSize: bridge.batchSize,
    signal: ctx.signal, ...(after ? { after } : {}), ...(filter ? { filter } : {}),
  }), (rows) => preparedBatch(rows, mapping.apply, keyIdx, orderBy)));
  const merge = MergeCompare.for(ctx, cp, writeColumns);
  for await (const prepared of batches) {
    throwIfCancelled(ctx.signal);
    const began = Date.now();
    const merged = await mergeBatch(ctx, cp, merge, prepared, writeColumns);
    cp = await writeChanges(ctx, merged.cp, prepared, writeColumns, { countRead: true, ...(merged.existing ? { existing: merged.existing } : {}) });
    if (incremental) cp.extra.watermark = cp.position;
    await report(cp.phase, cp);
    if (bridge.rowsPerSecond) await sleep(Math.max(0, (prepared.length / bridge.rowsPerSecond) * 1000 - (Date.now() - began)), ctx.signal);
  }
  if (incremental) return cp;
  // After loading into an empty table every exchange row came from this read: none can be missing
  // from the source (a delete made during the load is found by the next run).
  // An incremental bridge's first load ends here, with the watermark noted before it (no delete scan:
  // incremental mode never looks for deletes).
  const next = bridge.mode === 'incremental'
    ? { ...cp, phase: 'idle', position: null, extra: { ...cp.extra, watermark: cp.extra.startWatermark ?? null } }
    : { ...cp, phase: cp.extra.bulk ? 'idle' : 'deletes', position: merge?.coveredUpTo ?? null };
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

  constructor(
    readonly values: unknown[],
    readonly hash: string,
    private readonly batch: { readonly keyIdx: readonly number[]; readonly positions: readonly unknown[]; readonly width: number },
    private readonly index: number,
  ) {}

  get key(): unknown[] {
    return this.batch.keyIdx.map((i) => this.values[i]);
  }

  get position(): unknown[] {
    const { positions, width } = this.batch;
    return positions.slice(this.index * width, (this.index + 1) * width);
  }
}

/** Scans the exchange table's live keys and soft-deletes those the source no longer has. */
async function findDeletes(ctx: RunContext, start: Checkpoint, report: Reporter): Promise<Checkpoint> {
  const { mapping, node, bridge } = ctx;
  let cp = start;
  await ctx.log('info', `Looking for rows deleted in the source (${cp.sender.total} rows read)`);
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
 * `D`. Housekeeping, not a change: it is logged, not counted. Incremental bridges never soft-delete,
 * so they skip it. Returns when the last purge ran.
 */
async function purgeExpiredDeletes(ctx: RunContext, lastPurge: string | undefined): Promise<string | undefined> {
  const { node, mapping } = ctx;
  if (ctx.bridge.mode === 'incremental') return lastPurge;
  if (lastPurge && Date.now() - Date.parse(lastPurge) < PURGE_INTERVAL_MS) return lastPurge;
  const cutoff = new Date(Date.now() - ctx.retentionDays * 86_400_000).toISOString().replace('T', ' ').replace('Z', '');
  const keyColumns = columnsByName(mapping.targetColumns, mapping.targetKey);
  const expired: FilterCondition[] = [{ column: node.op, op: '=', value: 'D' }, { column: node.changedAt, op: '<', value: cutoff }];
  let purged = 0;
  for await (const rows of ctx.target.readBatches({ table: ctx.targetTable, columns: keyColumns, keyColumns: mapping.targetKey, batchSize: 5000, filter: expired })) {
    purged += await ctx.target.transaction((w) => w.deleteKeys(ctx.targetTable, mapping.targetKey, rows.map((r) => mapping.targetKey.map((k) => r[k]))));
  }
  if (purged > 0) await ctx.log('info', `Purged ${purged} soft-deleted rows older than ${ctx.retentionDays} days`);
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
