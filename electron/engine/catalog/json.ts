import type { CatalogEntry, ImportProblem } from '../../../shared/catalog.js';
import { catalogEntrySchema, issuesToProblems } from '../../../shared/catalog.js';
import { ExNodeError, msg } from '../../../shared/index.js';

/** The catalog as JSON: `{ "format": "exnode-catalog", "version": 1, "entries": [...] }`. */
export function writeCatalogJson(entries: readonly CatalogEntry[]): string {
  return `${JSON.stringify({ format: 'exnode-catalog', version: 1, entries }, null, 2)}\n`;
}

export function readCatalogJson(text: string): { entries: CatalogEntry[]; problems: ImportProblem[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ExNodeError('INVALID_INPUT', msg('catalog.notJson', { detail: e instanceof Error ? e.message : String(e) }));
  }
  const list = Array.isArray(doc) ? doc : (doc as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) return { entries: [], problems: [{ where: 'entries', message: '应为信息资源条目的数组' }] };
  const entries: CatalogEntry[] = [];
  const problems: ImportProblem[] = [];
  list.forEach((raw, i) => {
    const result = catalogEntrySchema.safeParse(raw);
    if (result.success) entries.push(result.data);
    else problems.push(...issuesToProblems(result.error.issues, `entries[${i}]`));
  });
  return { entries, problems };
}
