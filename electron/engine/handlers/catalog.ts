import type { catalogOps } from '../../../shared/ops/catalog.js';
import type { CatalogView } from '../../../shared/catalog.js';
import type { HandlersFor } from './types.js';
import { itemsFromColumns } from '../catalog/items.js';
import { readCatalogWorkbook, writeCatalogWorkbook } from '../catalog/workbook.js';
import { readCatalogJson, writeCatalogJson } from '../catalog/json.js';
import { problemsError } from '../catalog/transfer.js';
import { sourceRefOf, targetRefOf } from '../../../shared/index.js';

/** Handlers of the resource catalog (资源目录). */
export const catalogHandlers: HandlersFor<typeof catalogOps> = {
  'catalog/list': async (input, s) => {
    const all = await s.catalog.list();
    return all.filter((v) => matches(v, input));
  },
  'catalog/get': async (input, s) => s.catalog.get(input.code),
  'catalog/save': async (input, s) => s.catalog.save(input.entry, {
    replace: input.replace, ...(input.previousCode !== undefined ? { previousCode: input.previousCode } : {}),
  }),
  'catalog/delete': async (input, s) => {
    await s.catalog.delete(input.code);
    return { ok: true as const };
  },
  'catalog/items': async (input, s) => {
    const bridge = await s.bridges.get(input.bridge);
    // A table source is described where it lives; a query source (or a receive bridge) by the exchange table it fills.
    const useSource = bridge.config.source.query === undefined && bridge.config.direction === 'send';
    const connection = useSource ? bridge.sourceConnection : bridge.targetConnection;
    const ref = useSource ? sourceRefOf(bridge.config) : targetRefOf(bridge.config);
    const table = await s.withConnector(connection, (c) => c.describeTable(ref));
    return { connection, table: ref.name, items: itemsFromColumns(table.columns) };
  },
  'catalog/export': async (input, s) => {
    const entries = await s.catalog.entries();
    const stamp = new Date().toISOString().slice(0, 10);
    if (input.format === 'json') return { format: 'json' as const, filename: `资源目录-${stamp}.json`, data: writeCatalogJson(entries), count: entries.length };
    const buffer = await writeCatalogWorkbook(entries);
    return { format: 'xlsx' as const, filename: `资源目录-${stamp}.xlsx`, data: buffer.toString('base64'), count: entries.length };
  },
  'catalog/import': async (input, s) => {
    const read = input.format === 'json' ? readCatalogJson(input.data) : await readCatalogWorkbook(Buffer.from(input.data, 'base64'));
    const problems = [...read.problems, ...(read.problems.length === 0 ? await s.catalog.crossCheck(read.entries) : [])];
    if (problems.length > 0) {
      if (input.apply) throw problemsError(problems, 'catalog.importInvalid');
      return { added: [], changed: [], unchanged: [], applied: false, problems };
    }
    const plan = await s.catalog.plan(read.entries);
    if (input.apply) await s.catalog.write(read.entries);
    return { ...plan, applied: input.apply, problems: [] };
  },
};

function matches(v: CatalogView, f: { search?: string | undefined; type?: string | undefined; shareType?: string | undefined; updateCycle?: string | undefined; needsReview?: boolean | undefined }): boolean {
  const e = v.entry;
  if (f.type && e.classification.type !== f.type) return false;
  if (f.shareType && e.share.type !== f.shareType) return false;
  if (f.updateCycle && e.updateCycle !== f.updateCycle) return false;
  if (f.needsReview !== undefined && v.needsReview !== f.needsReview) return false;
  const q = f.search?.trim().toLowerCase();
  if (q) {
    const hay = [e.code, e.name, e.provider, e.providerCode, e.abstract, e.bridge, ...e.items.map((i) => i.name)].join('\n').toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}
