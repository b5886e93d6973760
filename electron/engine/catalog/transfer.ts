import type { CatalogEntry, ImportProblem } from '../../../shared/catalog.js';
import { ExNodeError, msg, translate } from '../../../shared/index.js';
import type { StateDb } from '../store/db.js';
import { nowIso } from '../clock.js';

export interface CatalogPlan {
  readonly added: string[];
  readonly changed: string[];
  readonly unchanged: string[];
}

/** Problems an import has beyond each entry's own fields: duplicates and bridges that do not exist or are taken. */
export async function crossCheck(db: StateDb, entries: readonly CatalogEntry[], knownBridges?: ReadonlySet<string>): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const bridges = knownBridges ?? new Set((await db('bridges').select('name') as { name: string }[]).map((b) => b.name));
  const codes = new Set<string>();
  const byBridge = new Map<string, string>();
  const stored = await db('catalog_entries').select('code', 'bridge_name') as { code: string; bridge_name: string }[];
  const incoming = new Set(entries.map((e) => e.code));
  for (const s of stored) if (!incoming.has(s.code)) byBridge.set(s.bridge_name, s.code);
  for (const e of entries) {
    const where = e.code;
    if (codes.has(e.code)) problems.push({ where, message: translate('zh-CN', 'catalog.duplicateCode', { code: e.code }) });
    codes.add(e.code);
    if (!bridges.has(e.bridge)) problems.push({ where: `${where}.bridge`, message: translate('zh-CN', 'catalog.noBridge', { bridge: e.bridge }) });
    const other = byBridge.get(e.bridge);
    if (other !== undefined && other !== e.code) problems.push({ where: `${where}.bridge`, message: translate('zh-CN', 'catalog.bridgeTaken', { bridge: e.bridge, code: other }) });
    byBridge.set(e.bridge, e.code);
  }
  return problems;
}

export async function planCatalog(db: StateDb, entries: readonly CatalogEntry[]): Promise<CatalogPlan> {
  const stored = new Map((await db('catalog_entries').select('code', 'entry_json') as { code: string; entry_json: string }[]).map((r) => [r.code, r.entry_json]));
  const plan: CatalogPlan = { added: [], changed: [], unchanged: [] };
  for (const e of entries) {
    const before = stored.get(e.code);
    if (before === undefined) plan.added.push(e.code);
    else if (stableJson(JSON.parse(before)) === stableJson(e)) plan.unchanged.push(e.code);
    else plan.changed.push(e.code);
  }
  return plan;
}

/** Writes entries in one transaction (all or nothing); unchanged entries keep their review state. */
export async function writeCatalog(db: StateDb, entries: readonly CatalogEntry[], remove: readonly string[] = []): Promise<void> {
  await db.transaction(async (trx) => {
    const now = nowIso();
    for (const code of remove) await trx('catalog_entries').where({ code }).delete();
    for (const e of entries) {
      const existing = await trx('catalog_entries').where({ code: e.code }).first() as { entry_json: string } | undefined;
      const json = JSON.stringify(e);
      if (existing && stableJson(JSON.parse(existing.entry_json)) === stableJson(e)) continue;
      const row = { code: e.code, bridge_name: e.bridge, entry_json: json, items_checked_at: now, updated_at: now };
      if (existing) await trx('catalog_entries').where({ code: e.code }).update(row);
      else await trx('catalog_entries').insert({ ...row, created_at: now });
    }
  });
}

export function problemsError(problems: readonly ImportProblem[], key: 'catalog.importInvalid' | 'config.invalid'): ExNodeError {
  const shown = problems.slice(0, 20).map((p) => `${p.where}: ${p.message}`).join('；');
  return new ExNodeError('INVALID_INPUT', msg(key, { count: problems.length, problems: shown + (problems.length > 20 ? '……' : '') }), { details: problems });
}

/** JSON with sorted keys and no undefined members, for comparing configurations. */
export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}
