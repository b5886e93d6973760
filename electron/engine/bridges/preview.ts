import type { BridgeConfig, Column } from '../../../shared/index.js';
import { sourceRefOf, targetRefOf } from '../../../shared/index.js';
import { describeSource } from './mapping/describe-source.js';
import { targetWarnings } from './mapping/compatibility.js';
import type { EngineServices } from '../services.js';
import { buildMapping } from './mapping/mapping.js';

/** The first rows of a bridge as it would write them: mapped, cast and masked, nothing written. */
export async function previewBridge(
  s: Pick<EngineServices, 'withConnector' | 'bridges' | 'hmac'>, config: BridgeConfig, limit: number,
): Promise<{ columns: Column[]; rows: unknown[][]; sourceRows: number; warnings: string[] }> {
  return s.withConnector(config.source.connection, async (source) => {
    const table = sourceRefOf(config);
    const schema = await describeSource(source, table);
    const mapping = buildMapping(config, schema, s.hmac);
    const rows: unknown[][] = [];
    for await (const batch of source.readBatches({
      table, columns: mapping.sourceColumns, keyColumns: mapping.sourceKey, batchSize: limit, ...(config.filter ? { filter: config.filter } : {}),
    })) {
      // Pages of wide rows start small: read until the preview has its rows.
      rows.push(...batch.slice(0, limit - rows.length).map((r) => mapping.apply(r).map(forDisplay)));
      if (rows.length >= limit) break;
    }
    return { columns: mapping.targetColumns, rows, sourceRows: await source.count(table, config.filter), warnings: await existingTargetWarnings(s, config, mapping.targetColumns) };
  });
}

/** Where the target table already exists, which mapped columns may not take every value. */
async function existingTargetWarnings(s: Pick<EngineServices, 'withConnector' | 'bridges'>, config: BridgeConfig, columns: Column[]): Promise<string[]> {
  const target = await s.bridges.targetOf(config);
  const ref = targetRefOf(config);
  return s.withConnector(target.connection, async (t) => ((await t.tableExists(ref)) ? targetWarnings(columns, (await t.describeTable(ref)).columns) : []));
}

/** Binary values are shown as hex; everything else is already JSON-safe in canonical form. */
function forDisplay(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return `0x${value.toString('hex').slice(0, 64)}${value.length > 32 ? '…' : ''}`;
  return value;
}
