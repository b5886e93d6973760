import type { Column, FilterCondition, Reconciliation, Row, SourceRef, TableRef, TableSchema } from '../../../shared/index.js';
import { ExNodeError, msg, sourceRefOf, tableLabel, targetRefOf } from '../../../shared/index.js';
import type { Connector } from '../../../connectors/core/connector.js';
import type { EngineServices } from '../services.js';
import { columnsByName } from '../bridges/mapping/columns.js';
import { describeSource } from '../bridges/mapping/describe-source.js';
import { keyString } from '../bridges/mapping/key-string.js';
import { nodeColumns } from '../bridges/exchange/checkpoint.js';
import { prefetch } from '../../../connectors/core/prefetch.js';
import { type Mapping, runMapping } from '../bridges/mapping/mapping.js';

/** Rows compared per round trip to each database. */
const BATCH_ROWS = 2000;
/** How often progress is reported while rows are compared. */
const PROGRESS_INTERVAL_MS = 500;

/** Told how many source rows have been compared, of about `total` (counted first). */
export type ReconcileProgress = (rows: number, total: number) => void;

type Key = Record<string, unknown>;

/** Counts of a reconciliation and the first few keys of each kind of difference. */
class Tally {
  sourceRows = 0;
  matched = 0;
  readonly samples = { missing: [] as Key[], extra: [] as Key[], different: [] as Key[] };
  readonly counts = { missing: 0, extra: 0, different: 0 };

  constructor(private readonly sampleLimit: number) {}

  add(kind: 'missing' | 'extra' | 'different', key: Key): void {
    this.counts[kind]++;
    if (this.samples[kind].length < this.sampleLimit) this.samples[kind].push(key);
  }
}

/** What both sides of one bridge are compared on. */
interface Sides {
  readonly source: Connector;
  readonly receiver: Connector;
  readonly mapping: Mapping;
  readonly sourceTable: SourceRef;
  readonly targetTable: TableRef;
  /** The bridge's filter; for a receive bridge also "not soft-deleted" (its source is an exchange table). */
  readonly sourceFilter: FilterCondition[];
  /** "Not soft-deleted" when the receiving table is an exchange table (send). */
  readonly targetFilter: FilterCondition[];
  /** The receiving table's business columns, as the receiving table declares them, in mapping order. */
  readonly compared: Column[];
}

/**
 * Table reconciliation (数据核对) of one bridge: reads every row the source holds for it, maps and
 * masks it as a run would, and compares it value by value with the receiving table's row of the same
 * key (looked up by key, so the two databases may order keys differently). Receiving rows the source
 * no longer has are looked for only when the counts say some exist. Nothing is written.
 */
export async function reconcileBridge(
  s: Pick<EngineServices, 'bridges' | 'runner' | 'settings' | 'withConnector' | 'hmac'>, name: string, sampleLimit: number, onProgress?: ReconcileProgress): Promise<Reconciliation> {
  const stored = await s.bridges.load(name);
  const bridge = stored.config;
  const underWay = await s.runner.runUnderWay(stored.id);
  if (underWay) throw new ExNodeError('CONFLICT', msg('bridges.reconcileBusy', { name, id: underWay.id }));
  const started = Date.now();
  const node = nodeColumns((await s.settings.all()).columnPrefix);
  const target = await s.bridges.targetOf(bridge);
  const sourceTable = sourceRefOf(bridge);
  const targetTable = targetRefOf(bridge);
  const live: FilterCondition = { column: node.op, op: '!=', value: 'D' };

  return s.withConnector(bridge.source.connection, (source) => s.withConnector(target.connection, async (receiver) => {
    const mapping = runMapping(bridge, await describeSource(source, sourceTable), node, s.hmac);
    if (!(await receiver.tableExists(targetTable))) {
      throw new ExNodeError('NOT_FOUND', msg('bridges.reconcileNoTarget', { table: tableLabel(targetTable), name }));
    }
    const sides: Sides = {
      source, receiver, mapping, sourceTable, targetTable,
      sourceFilter: [...(bridge.filter ?? []), ...(bridge.direction === 'receive' ? [live] : [])],
      targetFilter: bridge.direction === 'send' ? [live] : [],
      compared: comparedColumns(await receiver.describeTable(targetTable), mapping, targetTable),
    };
    const tally = new Tally(sampleLimit);
    const total = await source.count(sourceTable, sides.sourceFilter);
    let reportedAt = 0;
    onProgress?.(0, total);
    await compareSourceRows(sides, tally, () => {
      if (Date.now() - reportedAt < PROGRESS_INTERVAL_MS) return;
      reportedAt = Date.now();
      onProgress?.(tally.sourceRows, total);
    });
    const targetRows = await receiver.count(targetTable, sides.targetFilter);
    // Every receiving row whose key the source has was met above: any others are extra.
    if (targetRows !== tally.matched + tally.counts.different) await findExtraRows(sides, tally);
    const { missing, extra, different } = tally.counts;
    return {
      bridge: name, direction: bridge.direction,
      source: `${bridge.source.connection}: ${tableLabel(sourceTable)}`, target: `${target.connection}: ${tableLabel(targetTable)}`,
      startedAt: new Date(started).toISOString(), durationMs: Date.now() - started,
      sourceRows: tally.sourceRows, targetRows, matched: tally.matched, missing, extra, different,
      deviation: missing + extra + different, samples: tally.samples,
      // An incremental bridge does not see deletes (nor changes that left its cursor alone): a full run repairs both.
      proposeFullOnce: bridge.mode === 'incremental' && bridge.direction === 'send' && missing + extra + different > 0,
    };
  }));
}

function comparedColumns(schema: TableSchema, mapping: Mapping, table: TableRef): Column[] {
  const names = new Set(schema.columns.map((c) => c.name));
  const absent = mapping.targetColumns.filter((c) => !names.has(c.name)).map((c) => c.name);
  if (absent.length > 0) {
    throw new ExNodeError('SCHEMA_MISMATCH', msg('bridges.reconcileColumnsAbsent', { table: tableLabel(table), columns: absent.join(', ') }));
  }
  return columnsByName(schema.columns, mapping.targetColumns.map((c) => c.name));
}

/** Each source row, mapped, against the receiving row with its key: missing, different or matched. */
async function compareSourceRows(sides: Sides, tally: Tally, progress: () => void): Promise<void> {
  const { mapping } = sides;
  const keyIdx = mapping.targetKey.map((k) => mapping.targetColumns.findIndex((c) => c.name === k));
  // The next source batch is read while this one is compared.
  for await (const rows of prefetch(sides.source.readBatches({
    table: sides.sourceTable, columns: mapping.sourceColumns, keyColumns: mapping.sourceKey, batchSize: BATCH_ROWS, filter: sides.sourceFilter,
  }))) {
    tally.sourceRows += rows.length;
    const expected = rows.map((r) => mapping.apply(r));
    const keys = expected.map((values) => keyIdx.map((i) => values[i]));
    const found = await sides.receiver.lookup({ table: sides.targetTable, columns: sides.compared, keyColumns: mapping.targetKey, keys, filter: sides.targetFilter });
    const actual = new Map(found.map((r) => [keyString(mapping.targetKey.map((k) => r[k])), r]));
    expected.forEach((values, i) => {
      const row = actual.get(keyString(keys[i]!));
      if (!row) tally.add('missing', keyRecord(mapping.targetKey, keys[i]!));
      else if (!sameValues(values, sides.compared, row)) tally.add('different', keyRecord(mapping.targetKey, keys[i]!));
      else tally.matched++;
    });
    progress();
  }
}

/** Receiving rows whose key the source does not have (within the bridge's filter). */
async function findExtraRows(sides: Sides, tally: Tally): Promise<void> {
  const { mapping } = sides;
  for await (const rows of sides.receiver.readBatches({
    table: sides.targetTable, columns: columnsByName(sides.compared, mapping.targetKey), keyColumns: mapping.targetKey, batchSize: BATCH_ROWS, filter: sides.targetFilter,
  })) {
    const keys = rows.map((r) => mapping.targetKey.map((k) => r[k]));
    const present = await sides.source.lookup({
      table: sides.sourceTable, columns: columnsByName(mapping.sourceColumns, mapping.sourceKey), keyColumns: mapping.sourceKey, keys, filter: sides.sourceFilter,
    });
    const alive = new Set(present.map((r) => keyString(mapping.sourceKey.map((k) => r[k]))));
    for (const key of keys) if (!alive.has(keyString(key))) tally.add('extra', keyRecord(mapping.targetKey, key));
  }
}

/**
 * Canonical values compared as the row hash sees them (a number and its digits are the same value, as
 * a driver may return either), without hashing: one string comparison per column.
 */
function sameValues(expected: readonly unknown[], columns: readonly Column[], row: Row): boolean {
  for (let i = 0; i < columns.length; i++) {
    const a = expected[i];
    const b = row[columns[i]!.name];
    if (a === b) continue;
    if (a === null || a === undefined || b === null || b === undefined) return false;
    if (Buffer.isBuffer(a) || Buffer.isBuffer(b)) {
      if (!Buffer.isBuffer(a) || !Buffer.isBuffer(b) || !a.equals(b)) return false;
    } else if (String(a) !== String(b)) return false;
  }
  return true;
}

/** A key as column → value; binary values as hex so that the key reads well in JSON. */
function keyRecord(columns: readonly string[], values: readonly unknown[]): Key {
  return Object.fromEntries(columns.map((c, i) => {
    const v = values[i];
    return [c, Buffer.isBuffer(v) ? `0x${v.toString('hex')}` : v];
  }));
}
