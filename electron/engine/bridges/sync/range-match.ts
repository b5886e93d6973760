import type { Column, Row } from '../../../../shared/index.js';
import { msg } from '../../../../shared/index.js';
import { KEY_HASH_FIELD } from '../../../../connectors/core/connector.js';
import type { RunContext } from '../run/context.js';
import { columnsByName } from '../mapping/columns.js';
import { keyString } from '../mapping/key-string.js';
import type { KeyOrder } from '../mapping/key-order.js';
import { nodeColumnDefs } from '../exchange/checkpoint.js';
import { liveKeys, mergeInOrder, mergeOrder } from './merge-compare.js';

/** A source key whose exchange row is missing, deleted or holds another source hash: its row is fetched and written. */
export interface StaleKey {
  readonly key: unknown[];
  readonly hash: string;
}

type Bounds = { after?: unknown[]; upTo?: unknown[] };

/**
 * Matches the source's row hashes of one key range, batch by batch in key order, with what the
 * exchange table holds for the range (op and source hash per key).
 */
export interface RangeMatcher {
  /** The keys of this batch whose rows must be fetched and written. */
  stale(batch: readonly Row[]): Promise<StaleKey[]>;
  /** After the last batch: live exchange keys of the range no source key matched (delete candidates). */
  unmatched(): Promise<unknown[][]>;
}

/** A merge in key order where the key is made of numbers and dates, else lookups by key string. */
export async function rangeMatcher(ctx: RunContext, bounds: Bounds): Promise<RangeMatcher> {
  const order = mergeOrder(ctx.mapping);
  const columns = stateColumns(ctx);
  return order ? new MergeMatcher(ctx, columns, bounds, order) : MapMatcher.open(ctx, columns, bounds);
}

/** What a diff compares of each exchange row: key, op and the source's row hash. */
const stateColumns = (ctx: RunContext): Column[] =>
  columnsByName([...ctx.mapping.targetColumns, ...nodeColumnDefs(ctx.node)], [...ctx.mapping.targetKey, ctx.node.op, ctx.node.sourceHash]);

const isStale = (ctx: RunContext, old: Row | undefined, hash: string) =>
  !old || old[ctx.node.op] === 'D' || old[ctx.node.sourceHash] !== hash;

/**
 * Walks each source batch and the exchange rows of the same key span side by side, comparing typed
 * key parts: no key strings and no map of the range. Should the exchange rows ever come in another
 * order than this node compares keys in, the rest of the range is matched by `MapMatcher`.
 */
class MergeMatcher implements RangeMatcher {
  private after: unknown[] | undefined;
  private readonly absent: unknown[][] = [];
  private fallback: MapMatcher | null = null;

  constructor(
    private readonly ctx: RunContext, private readonly columns: Column[], private readonly bounds: Bounds, private readonly order: KeyOrder,
  ) {
    this.after = bounds.after;
  }

  async stale(batch: readonly Row[]): Promise<StaleKey[]> {
    if (this.fallback) return this.fallback.stale(batch);
    if (batch.length === 0) return [];
    const { ctx } = this;
    const { sourceKey } = ctx.mapping;
    const keys = sourceKey.map((k) => batch.map((r) => r[k]));
    const upTo = keys.map((part) => part[batch.length - 1]);
    const rows = await this.exchangeRows(upTo);
    const merged = mergeInOrder(batch, keys, rows, ctx.mapping.targetKey.map((k) => rows.map((r) => r[k])), this.order);
    if (!merged) {
      await ctx.log('info', msg('bridges.mergeFallback'));
      this.fallback = await MapMatcher.open(ctx, this.columns, { ...(this.after ? { after: this.after } : {}), ...(this.bounds.upTo ? { upTo: this.bounds.upTo } : {}) });
      return this.fallback.stale(batch);
    }
    this.keep(merged.absent);
    this.after = upTo;
    const stale: StaleKey[] = [];
    for (const r of batch) {
      const hash = String(r[KEY_HASH_FIELD]);
      if (isStale(ctx, merged.matched.get(r), hash)) stale.push({ key: sourceKey.map((k) => r[k]), hash });
    }
    return stale;
  }

  async unmatched(): Promise<unknown[][]> {
    if (!this.fallback) this.keep(await this.exchangeRows(this.bounds.upTo));
    return this.fallback ? [...this.absent, ...(await this.fallback.unmatched())] : this.absent;
  }

  /** Keeps the live keys of exchange rows no source key matched (a range's tail may hold many: no spread into push). */
  private keep(rows: readonly Row[]): void {
    for (const key of liveKeys(this.ctx, rows)) this.absent.push(key);
  }

  /** Exchange rows of (last key merged, upTo], in key order; to the end of the table without upTo. */
  private async exchangeRows(upTo: unknown[] | undefined): Promise<Row[]> {
    const { ctx } = this;
    const rows: Row[] = [];
    for await (const page of ctx.target.readBatches({
      table: ctx.targetTable, columns: this.columns, keyColumns: ctx.mapping.targetKey, batchSize: ctx.bridge.batchSize, signal: ctx.signal,
      ...(this.after ? { after: this.after } : {}), ...(upTo ? { upTo } : {}),
    })) for (const r of page) rows.push(r);
    return rows;
  }
}

/**
 * Holds the range's exchange rows by key string and takes each source key out as it is matched;
 * those left at the end are delete candidates. For keys two databases may order differently (text).
 */
class MapMatcher implements RangeMatcher {
  private constructor(private readonly ctx: RunContext, private readonly columns: Column[], private readonly rows: Map<string, Row>) {}

  static async open(ctx: RunContext, columns: Column[], bounds: Bounds): Promise<MapMatcher> {
    const rows = new Map<string, Row>();
    for await (const batch of ctx.target.readBatches({
      table: ctx.targetTable, columns, keyColumns: ctx.mapping.targetKey, batchSize: ctx.bridge.batchSize, signal: ctx.signal, ...bounds,
    })) for (const r of batch) rows.set(targetKeyString(ctx, r), r);
    return new MapMatcher(ctx, columns, rows);
  }

  async stale(batch: readonly Row[]): Promise<StaleKey[]> {
    const { ctx, rows } = this;
    const { mapping } = ctx;
    const entries = batch.map((r) => {
      const key = mapping.sourceKey.map((k) => r[k]);
      return { key, id: keyString(key), hash: String(r[KEY_HASH_FIELD]) };
    });
    // A key the range scan did not return may still be in the exchange (the two sides may order
    // strings differently): look those up one by one rather than fetch them again.
    const unknown = entries.filter((e) => !rows.has(e.id)).map((e) => e.key);
    if (unknown.length > 0) {
      for (const r of await ctx.target.lookup({ table: ctx.targetTable, columns: this.columns, keyColumns: mapping.targetKey, keys: unknown })) {
        rows.set(targetKeyString(ctx, r), r);
      }
    }
    // Source keys are unique: a matched exchange row is not needed again (no set of keys seen is kept).
    return entries.filter((e) => {
      const old = rows.get(e.id);
      if (old) rows.delete(e.id);
      return isStale(ctx, old, e.hash);
    });
  }

  async unmatched(): Promise<unknown[][]> {
    return liveKeys(this.ctx, this.rows.values());
  }
}

function targetKeyString(ctx: RunContext, r: Row): string {
  return keyString(ctx.mapping.targetKey.map((k) => r[k]));
}
