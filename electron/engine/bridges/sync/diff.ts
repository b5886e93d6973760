import crypto from 'node:crypto';
import type { Row } from '../../../../shared/index.js';
import { ExNodeError, msg } from '../../../../shared/index.js';
import { KEY_HASH_FIELD } from '../../../../connectors/core/connector.js';
import { PageSizer } from '../../../../connectors/core/page-size.js';
import type { Reporter, RunContext } from '../run/context.js';
import { columnsByName } from '../mapping/columns.js';
import { keyString } from '../mapping/key-string.js';
import { nodeColumnDefs } from '../exchange/checkpoint.js';
import type { SendCheckpoint } from '../exchange/checkpoint-state.js';
import { throwIfCancelled } from '../run/retry.js';
import { softDeleteMissing, writeChanges } from '../exchange/writes.js';
import { loadRange, preparedWithSourceHash } from './diff-load.js';
import { rangeMatcher } from './range-match.js';
import type { KeyRange } from './range-store.js';

/** Rows per key range: small enough that one changed row re-reads little, large enough to keep few ranges. */
export const RANGE_ROWS = 10_000;
/** How often the checkpoint is written while ranges turn out unchanged. */
const CHECKPOINT_INTERVAL_MS = 1000;
/** Ranges probed ahead of the one being examined, so the source checksums while the node compares and writes. */
const LOOKAHEAD = 2;

/** What the source says of one key range: its count and checksum, and its row hashes when they were read. */
interface RangeProbe {
  readonly count: number;
  readonly checksum: string;
  readonly hashes?: Row[];
}

/**
 * Snapshot diff without moving unchanged rows. The source is split into key ranges; each range's
 * count and checksum are computed inside the source database and compared with the last run's.
 * Only a changed range is examined, and in it only rows whose source-side row hash differs from the
 * one stored with the exchange row are fetched in full. Deletes are found per changed range.
 * Changes come in clusters: after a changed range the next ones are probed by reading their row
 * hashes (which an examination needs anyway) instead of checksumming them first.
 */
export async function runDiff(ctx: RunContext, start: SendCheckpoint & { phase: 'ranges' }, report: Reporter): Promise<SendCheckpoint> {
  const { source } = ctx;
  if (!source.rangeChecksum || !source.readKeyHashes) {
    throw new ExNodeError('UNSUPPORTED', msg('bridges.diffUnsupported', { dialect: source.capabilities.label }));
  }
  let cp = start;
  const signature = diffSignature(ctx);
  let ranges = await ctx.ranges.load(ctx.bridgeId, signature);
  if (!ranges) {
    ranges = await buildRanges(ctx, undefined);
    await ctx.ranges.replace(ctx.bridgeId, signature, ranges);
    await ctx.log('info', msg('bridges.rangesSplit', { ranges: ranges.length, rows: RANGE_ROWS }));
  }
  let changed = 0;
  let persistedAt = Date.now();
  const first = start.rangeIndex;
  // Ranges never checksummed (a first run) will all be examined: read their hashes straight away.
  let readHashes = source.checksumOf !== undefined && (ranges[first]?.count ?? 0) < 0;
  const probes = new Map<number, Promise<RangeProbe>>();
  // Changed rows are fetched in pieces sized by what earlier pieces weighed, learned across ranges.
  const fetchSize = new PageSizer(ctx.bridge.batchSize, ctx.mapping.sourceColumns);
  const boundsOf = (i: number) => {
    const after = i === 0 ? undefined : ranges![i - 1]!.upper ?? undefined;
    const upper = ranges![i]!.upper;
    return { ...(after ? { after } : {}), ...(upper ? { upTo: upper } : {}) };
  };
  for (let i = first; i < ranges.length; i++) {
    throwIfCancelled(ctx.signal);
    for (let k = i; k <= i + LOOKAHEAD && k < ranges.length; k++) {
      if (probes.has(k)) continue;
      const probe = probeRange(ctx, ranges[k]!, boundsOf(k), readHashes);
      // A failed probe ahead is reported when its turn comes, not as an unhandled rejection now.
      probe.catch(() => undefined);
      probes.set(k, probe);
    }
    const probe = await probes.get(i)!;
    probes.delete(i);
    const range = ranges[i]!;
    const bounds = boundsOf(i);
    if (range.upper === null && probe.count > 2 * RANGE_ROWS) {
      // The open last range has grown: split it, then examine its parts one by one.
      const parts = await buildRanges(ctx, bounds.after);
      ranges = [...ranges.slice(0, i), ...parts];
      await ctx.ranges.replace(ctx.bridgeId, signature, ranges);
      probes.clear();
      i--;
      continue;
    }
    const rangeChanged = probe.count !== range.count || probe.checksum !== range.checksum;
    readHashes = rangeChanged && source.checksumOf !== undefined;
    let synced: Pick<KeyRange, 'count' | 'checksum'> = probe;
    if (rangeChanged) {
      changed++;
      const rejectedBefore = cp.receiver.rejected;
      cp = cp.bulk ? await loadRange(ctx, cp, bounds, probe.hashes, fetchSize, report) : await syncRange(ctx, cp, bounds, probe.hashes, fetchSize);
      // A range with rejected rows stays "changed", so the next run offers those rows again.
      if (cp.receiver.rejected > rejectedBefore) synced = { count: -1, checksum: '' };
    }
    cp = { ...cp, sender: { ...cp.sender, total: cp.sender.total + probe.count }, rangeIndex: i + 1 };
    // Loading an empty exchange table: nothing past this range's upper key is in it yet (see loadRange).
    if (cp.bulk && range.upper) cp.position = range.upper;
    // An unchanged range wrote nothing: its checkpoint can wait (a crash only re-checks a few ranges).
    if (rangeChanged || Date.now() - persistedAt >= CHECKPOINT_INTERVAL_MS) {
      const persisted = cp;
      await ctx.target.transaction((w) => ctx.checkpoints.write(w, ctx.stateKey, ctx.targetTable.name, persisted));
      persistedAt = Date.now();
    }
    if (rangeChanged) await ctx.ranges.update(ctx.bridgeId, i, synced);
    await report('ranges', cp);
  }
  await ctx.log('info', msg('bridges.diffSummary', { changed, ranges: ranges.length, rows: cp.transferred }));
  const { rangeIndex: _done, ...rest } = cp;
  return { ...rest, phase: 'idle' };
}

/** The source's row count as the last run left its ranges, or null when some range was never counted. */
export async function knownRowCount(ctx: RunContext): Promise<number | null> {
  const ranges = await ctx.ranges.load(ctx.bridgeId, diffSignature(ctx));
  if (!ranges || ranges.some((r) => r.count < 0)) return null;
  return ranges.reduce((sum, r) => sum + r.count, 0);
}

/**
 * The source's count and checksum of one range. With `readHashes` the row hashes of a bounded range
 * are read and summed here, so a changed range is not hashed twice (a range known to have grown past
 * twice its size is checksummed instead: its hashes are not held in memory).
 */
async function probeRange(ctx: RunContext, range: KeyRange, bounds: { after?: unknown[]; upTo?: unknown[] }, readHashes: boolean): Promise<RangeProbe> {
  const { source, mapping, bridge } = ctx;
  const common = { table: ctx.sourceTable, columns: mapping.sourceColumns, keyColumns: mapping.sourceKey, ...bounds, ...(bridge.filter ? { filter: bridge.filter } : {}) };
  if (!readHashes || !source.checksumOf || range.upper === null || range.count > 2 * RANGE_ROWS) {
    return source.rangeChecksum!(common);
  }
  const hashes: Row[] = [];
  for await (const batch of source.readKeyHashes!({ ...common, batchSize: bridge.batchSize, signal: ctx.signal })) hashes.push(...batch);
  return { count: hashes.length, checksum: source.checksumOf(hashes.map((r) => String(r[KEY_HASH_FIELD]))), hashes };
}

/**
 * Examines one changed key range: matches the source's row hashes with what the exchange holds for
 * the range (op and source hash per key), fetches the source rows whose hash differs, then
 * soft-deletes exchange keys the source no longer has (each confirmed against the source by key,
 * whatever either side's collation).
 */
async function syncRange(
  ctx: RunContext, start: SendCheckpoint & { phase: 'ranges' }, bounds: { after?: unknown[]; upTo?: unknown[] }, probed: Row[] | undefined, fetchSize: PageSizer,
): Promise<SendCheckpoint & { phase: 'ranges' }> {
  const { source, mapping, node, bridge } = ctx;
  let cp = start;
  const writeColumns = [...mapping.targetColumns, ...nodeColumnDefs(node)];
  const keyIdx = mapping.targetKey.map((k) => mapping.targetColumns.findIndex((c) => c.name === k));
  const filter = bridge.filter ? { filter: bridge.filter } : {};
  const matcher = await rangeMatcher(ctx, bounds);

  const sourceHashes = probed ? inBatches(probed, bridge.batchSize) : source.readKeyHashes!({
    table: ctx.sourceTable, columns: mapping.sourceColumns, keyColumns: mapping.sourceKey, batchSize: bridge.batchSize,
    signal: ctx.signal, ...bounds, ...filter,
  });
  for await (const batch of sourceHashes) {
    throwIfCancelled(ctx.signal);
    const stale = await matcher.stale(batch);
    const hashes = new Map(stale.map((e) => [keyString(e.key), e.hash]));
    // Fetched in pieces that fit in memory, however wide the rows are.
    for (let done = 0; done < stale.length;) {
      const keysNow = stale.slice(done, done + fetchSize.limit).map((e) => e.key);
      done += keysNow.length;
      const rows = await source.lookup({ table: ctx.sourceTable, columns: mapping.sourceColumns, keyColumns: mapping.sourceKey, keys: keysNow, ...filter });
      fetchSize.adjust(rows);
      const prepared = rows.map((row) => preparedWithSourceHash(ctx, keyIdx, row, hashes));
      if (prepared.length > 0) cp = await writeChanges(ctx, cp, prepared, writeColumns, { countRead: false });
      cp = { ...cp, transferred: cp.transferred + rows.length };
    }
  }

  const gone = await matcher.unmatched();
  for (let i = 0; i < gone.length; i += bridge.batchSize) {
    cp = await softDeleteMissing(ctx, cp, gone.slice(i, i + bridge.batchSize), writeColumns, null);
  }
  return cp;
}

function* inBatches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Upper keys every RANGE_ROWS rows from `after` on, read as keys only; the last range is open. */
async function buildRanges(ctx: RunContext, after: unknown[] | undefined): Promise<KeyRange[]> {
  const { mapping } = ctx;
  const ranges: KeyRange[] = [];
  for await (const keys of ctx.source.readBatches({
    table: ctx.sourceTable, columns: columnsByName(mapping.sourceColumns, mapping.sourceKey), keyColumns: mapping.sourceKey,
    batchSize: RANGE_ROWS, signal: ctx.signal, ...(after ? { after } : {}), ...(ctx.bridge.filter ? { filter: ctx.bridge.filter } : {}),
  })) {
    const last = keys[keys.length - 1]!;
    ranges.push({ upper: mapping.sourceKey.map((k) => last[k]), count: -1, checksum: '' });
  }
  if (ranges.length === 0) return [{ upper: null, count: -1, checksum: '' }];
  ranges[ranges.length - 1] = { upper: null, count: -1, checksum: '' };
  return ranges;
}

/** Ranges are only comparable while the bridge reads and maps the same way. */
function diffSignature(ctx: RunContext): string {
  const b = ctx.bridge;
  return crypto.createHash('sha1').update(JSON.stringify([
    ctx.sourceTable, ctx.mapping.sourceColumns.map((c) => [c.name, c.type]), ctx.mapping.sourceKey, b.columns ?? null, b.exclude ?? null, b.filter ?? null,
  ])).digest('hex');
}
