import { ExNodeError, msg } from '../../../../shared/index.js';
import type { Writer } from '../../../../connectors/core/connector.js';
import type { RunContext } from '../run/context.js';
import { totalInBackground } from '../run/estimated-total.js';
import { logTargetWarnings } from '../mapping/compatibility.js';
import type { ReceiveCheckpoint } from '../exchange/checkpoint-state.js';
import { writeIsolatingBadRows } from '../run/isolate-bad-rows.js';
import { throwIfCancelled } from '../run/retry.js';
import { prefetch } from '../../../../connectors/core/prefetch.js';

interface Change {
  readonly op: 'I' | 'U' | 'D';
  /** The key appeared after this receiver's previous checkpoint: new to the business table. */
  readonly isNew: boolean;
  readonly values: unknown[];
  readonly key: unknown[];
  readonly seq: string;
}

/**
 * Receive direction (exchange database → business database): applies the exchange table's changes
 * past the checkpoint (`seq > last`) with upserts and deletes. The checkpoint lives in the exchange
 * database and advances after the business write commits; replaying a batch is harmless because
 * every write is an idempotent upsert or delete by key.
 */
export async function runReceive(ctx: RunContext): Promise<void> {
  const { mapping, node, bridge } = ctx;
  await ctx.checkpoints.ensure(ctx.source);
  if (!(await ctx.target.tableExists(ctx.targetTable))) {
    await ctx.target.createTable(ctx.targetTable, mapping.targetColumns, mapping.targetKey);
    await ctx.log('info', msg('bridges.createdBusinessTable', { table: ctx.targetTable.name }));
  } else {
    await logTargetWarnings(ctx, (await ctx.target.describeTable(ctx.targetTable)).columns);
  }
  const stored = await ctx.checkpoints.read(ctx.source, ctx.stateKey);
  if (stored.direction !== 'receive') throw new ExNodeError('SCHEMA_MISMATCH', msg('bridges.checkpointDirection', { key: ctx.stateKey }));
  let cp: ReceiveCheckpoint;
  if (stored.runId === ctx.run.id && stored.phase === 'receive') {
    cp = stored;
    await ctx.log('info', msg('bridges.resumingReceive', { seq: String(cp.position?.[0] ?? 0) }));
  } else {
    cp = {
      direction: 'receive', runId: ctx.run.id, phase: 'receive', position: stored.position, nextSeq: stored.nextSeq,
      startedAfter: String(stored.position?.[0] ?? 0),
      sender: { total: 0, inserted: 0, updated: 0, deleted: 0 }, receiver: { inserted: 0, updated: 0, deleted: 0, rejected: 0 },
    };
  }
  for (const name of [node.seq, node.op, node.firstSeq]) {
    if (!mapping.sourceColumns.some((c) => c.name === name)) {
      throw new ExNodeError('SCHEMA_MISMATCH', msg('bridges.notExchangeTable', { table: ctx.sourceTable.name, column: name }));
    }
  }
  const seenUpTo = BigInt(cp.startedAfter);
  const keyIdx = mapping.targetKey.map((k) => mapping.targetColumns.findIndex((c) => c.name === k));
  const after = cp.position;
  const estimatedTotal = totalInBackground(() => ctx.source.count(ctx.sourceTable, after ? [{ column: node.seq, op: '>', value: String(after[0]) }] : undefined));

  for await (const rows of prefetch(ctx.source.readBatches({
    table: ctx.sourceTable, columns: mapping.sourceColumns, keyColumns: [node.seq], batchSize: bridge.batchSize,
    signal: ctx.signal, ...(cp.position ? { after: cp.position } : {}), ...(bridge.filter ? { filter: bridge.filter } : {}),
  }))) {
    throwIfCancelled(ctx.signal);
    const changes = rows.map((row): Change => {
      const values = mapping.apply(row);
      const isNew = BigInt(String(row[node.firstSeq])) > seenUpTo;
      return { op: row[node.op] as Change['op'], isNew, values, key: keyIdx.map((i) => values[i]), seq: String(row[node.seq]) };
    });
    cp = await applyChanges(ctx, cp, changes);
    await ctx.source.transaction((w) => ctx.checkpoints.write(w, ctx.stateKey, ctx.targetTable.name, cp));
    await ctx.report({ phase: 'receive', rowsRead: cp.sender.total, estimatedTotal: estimatedTotal() }, cp.sender, cp.receiver);
  }
  const done: ReceiveCheckpoint = { ...cp, phase: 'idle' };
  await ctx.source.transaction((w) => ctx.checkpoints.write(w, ctx.stateKey, ctx.targetTable.name, done));
  await ctx.report({ phase: 'done', rowsRead: done.sender.total, estimatedTotal: estimatedTotal() }, done.sender, done.receiver);
}

async function applyChanges(ctx: RunContext, start: ReceiveCheckpoint, changes: readonly Change[]): Promise<ReceiveCheckpoint> {
  let cp = start;
  const { mapping } = ctx;
  const whole = async (batch: readonly Change[], w: Writer): Promise<void> => {
    const next = structuredClone(cp);
    // Only the latest change per key matters inside one batch.
    const latest = new Map<string, Change>();
    for (const c of batch) latest.set(JSON.stringify(c.key), c);
    const upserts = [...latest.values()].filter((c) => c.op !== 'D');
    const deletes = [...latest.values()].filter((c) => c.op === 'D');
    for (const c of batch) countSent(next, c);
    if (upserts.length > 0) {
      const counts = await w.upsert(ctx.targetTable, mapping.targetColumns, mapping.targetKey, upserts.map((c) => c.values));
      next.receiver.inserted += counts.inserted;
      next.receiver.updated += counts.updated;
    }
    if (deletes.length > 0) next.receiver.deleted += await w.deleteKeys(ctx.targetTable, mapping.targetKey, deletes.map((c) => c.key));
    next.position = [batch[batch.length - 1]!.seq];
    cp = next;
  };
  await writeIsolatingBadRows(ctx, changes, whole, async (change, reason) => {
    const next = structuredClone(cp);
    next.receiver.rejected += 1;
    countSent(next, change);
    next.position = [change.seq];
    await ctx.reject([{ key: Object.fromEntries(mapping.targetKey.map((k, i) => [k, change.key[i]])), reason }]);
    cp = next;
  });
  return cp;
}

/**
 * What the receiver should see, from the exchange row alone: a key new since the last checkpoint is
 * an insert (or nothing, if it was deleted again before this run); an older key is an update or delete.
 */
function countSent(cp: ReceiveCheckpoint, change: Change): void {
  cp.sender.total += 1;
  if (change.op === 'D') {
    if (!change.isNew) cp.sender.deleted += 1;
  } else if (change.isNew) {
    cp.sender.inserted += 1;
  } else {
    cp.sender.updated += 1;
  }
}
