import type { Column } from '../../../../shared/index.js';
import { msg, tableLabel } from '../../../../shared/index.js';
import type { RunContext } from '../run/context.js';
import { nodeColumnDefs } from './checkpoint.js';
import { indexName } from '../../../../connectors/core/sql.js';
import { logTargetWarnings } from '../mapping/compatibility.js';
import { reasonOf } from '../../store/stored-message.js';

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
    await ctx.log('info', msg('bridges.createdExchangeTable', { table: tableLabel(ctx.targetTable), columns: business.length }));
    return business;
  }
  const existing = await ctx.target.describeTable(ctx.targetTable);
  await logTargetWarnings(ctx, existing.columns);
  const seq = ctx.node.seq.toLowerCase();
  if (!existing.indexes.some((ix) => ix.columns[0]?.toLowerCase() === seq)) {
    // A table a DBA made may not be ours to index: reading by sequence still works, only slower.
    await createSeqIndex(ctx).then(
      () => ctx.log('info', msg('bridges.seqIndexed', { table: tableLabel(ctx.targetTable), column: ctx.node.seq })),
      (error: unknown) => ctx.log('warn', msg('bridges.seqIndexFailed', { table: tableLabel(ctx.targetTable), column: ctx.node.seq, reason: reasonOf(error) })),
    );
  }
  const have = new Set(existing.columns.map((c) => c.name.toLowerCase()));
  const missing = all.filter((c) => !have.has(c.name.toLowerCase())).map((c) => ({ ...c, nullable: true }));
  if (missing.length > 0) {
    await ctx.target.addColumns(ctx.targetTable, missing);
    await ctx.log('warn', msg('bridges.addedColumns', { columns: missing.map((c) => c.name).join(', '), table: tableLabel(ctx.targetTable) }));
  }
  return business;
}

/** Consumers (and receive bridges) read an exchange table's changes by sequence: keep that a seek, not a scan. */
async function createSeqIndex(ctx: RunContext): Promise<void> {
  const name = indexName(ctx.targetTable.name, ctx.node.seq, ctx.target.capabilities.maxIdentifierLength);
  await ctx.target.createIndex(ctx.targetTable, name, [ctx.node.seq]);
}
