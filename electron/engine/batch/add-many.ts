import type { BatchCandidate } from '../../../shared/ops/batch.js';
import type { BridgeView, MessageText } from '../../../shared/index.js';
import { ExNodeError, msg, targetTableName, translate } from '../../../shared/index.js';
import type { EngineServices } from '../services.js';
import { type BatchInput, bridgeConfigFor, planBatch } from './plan.js';

const both = (line: (lang: 'zh-CN' | 'en') => string): MessageText => ({ 'zh-CN': line('zh-CN'), en: line('en') });

/**
 * Creates one bridge per selected table, all or nothing. Named tables that cannot be bridged refuse
 * the whole batch; with `all` they are returned as skipped, each with its reason.
 */
export async function addMany(s: EngineServices, input: BatchInput): Promise<{ created: BridgeView[]; skipped: BatchCandidate[] }> {
  const plan = await planBatch(s, input);
  const selected = plan.candidates.filter((c) => c.selected);
  const unusable = selected.filter((c) => !c.usable);
  if (input.tables && unusable.length > 0) {
    const tables = both((lang) => unusable.map((c) => `${c.table}（${c.reason ? translate(lang, c.reason.key, c.reason.params) : ''}）`).join(lang === 'en' ? '; ' : '；'));
    throw new ExNodeError('INVALID_INPUT', msg('batch.unusable', { tables }));
  }
  const creating = selected.filter((c) => c.usable);
  if (creating.length === 0) throw new ExNodeError('INVALID_INPUT', msg('batch.nothingSelected'));

  const connector = await s.withConnector(input.connection, async (c) => c.listTables());
  const configs = creating.map((candidate) => {
    const table = connector.find((x) => (x.schema ? `${x.schema}.${x.name}` : x.name) === candidate.table)!;
    return bridgeConfigFor(input, candidate, table.schema, table.name);
  });

  const targets = configs.map((c) => targetTableName(c));
  const repeated = targets.filter((t, i) => targets.indexOf(t) !== i);
  if (repeated.length > 0) throw new ExNodeError('INVALID_INPUT', msg('batch.duplicateTarget', { tables: [...new Set(repeated)].join(', ') }));
  const existing = await s.bridges.list();
  const exchange = (await s.connections.exchange()).name;
  const targetConnection = input.targetConnection ?? exchange;
  const taken = configs.filter((c) => existing.some((b) => b.name === c.name
    || (b.config.direction === 'send' && b.targetConnection === targetConnection && b.targetTable === targetTableName(c))));
  if (taken.length > 0) throw new ExNodeError('CONFLICT', msg('batch.nameTaken', { names: taken.map((c) => `${c.name} → ${targetTableName(c)}`).join(', ') }));

  const created: BridgeView[] = [];
  try {
    for (const config of configs) created.push(await s.bridges.save(config, false));
  } catch (error) {
    // All or nothing: a save that fails half way takes back the bridges made before it.
    for (const view of created) await s.bridges.delete(view.name).catch(() => undefined);
    throw error;
  }
  for (const view of created) s.events.emit('bridges.changed', { name: view.name });
  return { created, skipped: selected.filter((c) => !c.usable) };
}
