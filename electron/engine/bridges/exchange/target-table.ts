import type { Column } from '../../../../shared/index.js';
import { tableLabel } from '../../../../shared/index.js';
import type { RunContext } from '../run/context.js';
import { nodeColumnDefs } from './checkpoint.js';
import { indexName } from '../../../../connectors/core/sql.js';
import { logTargetWarnings } from '../mapping/compatibility.js';

/**
 * Creates the exchange table from the mapped source columns on the first run, or adds the columns a
 * changed mapping needs. Returns the business columns as they are written.
 */
export async function ensureTargetTable(ctx: RunContext): Promise<Column[]> {
  const business = ctx.mapping.targetColumns;
  const all = [...business, ...nodeColumnDefs(ctx.node)];
  if (!(await ctx.target.tableExists(ctx.targetTable))) {
    await ctx.target.createTable(ctx.targetTable, all, ctx.mapping.targetKey);
    await createSeqIndex(ctx);
    await ctx.log('info', `Created exchange table ${tableLabel(ctx.targetTable)} with ${business.length} business columns`);
    return business;
  }
  const existing = await ctx.target.describeTable(ctx.targetTable);
  await logTargetWarnings(ctx, existing.columns);
  const seq = ctx.node.seq.toLowerCase();
  if (!existing.indexes.some((ix) => ix.columns[0]?.toLowerCase() === seq)) {
    // A table a DBA made may not be ours to index: reading by sequence still works, only slower.
    await createSeqIndex(ctx).then(
      () => ctx.log('info', `Indexed ${tableLabel(ctx.targetTable)} on ${ctx.node.seq} for consumers reading changes in order`),
      (error: unknown) => ctx.log('warn', `Could not index ${tableLabel(ctx.targetTable)} on ${ctx.node.seq} (${(error as Error).message}); consumers reading by sequence will scan the table`),
    );
  }
  const have = new Set(existing.columns.map((c) => c.name.toLowerCase()));
  const missing = all.filter((c) => !have.has(c.name.toLowerCase())).map((c) => ({ ...c, nullable: true }));
  if (missing.length > 0) {
    await ctx.target.addColumns(ctx.targetTable, missing);
    await ctx.log('warn', `Added column(s) ${missing.map((c) => c.name).join(', ')} to ${tableLabel(ctx.targetTable)}`);
  }
  return business;
}

/** Consumers (and receive bridges) read an exchange table's changes by sequence: keep that a seek, not a scan. */
async function createSeqIndex(ctx: RunContext): Promise<void> {
  const name = indexName(ctx.targetTable.name, ctx.node.seq, ctx.target.capabilities.maxIdentifierLength);
  await ctx.target.createIndex(ctx.targetTable, name, [ctx.node.seq]);
}
