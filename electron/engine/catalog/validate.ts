import { ExNodeError, msg } from '../../../shared/index.js';
import type { CatalogEntry } from '../../../shared/catalog.js';
import { catalogEntrySchema, issuesToProblems } from '../../../shared/catalog.js';

/** Parses one entry, or throws INVALID_INPUT naming every problem in Chinese with its field path. */
export function parseEntryOrThrow(input: unknown): CatalogEntry {
  const result = catalogEntrySchema.safeParse(input);
  if (result.success) return result.data;
  const problems = issuesToProblems(result.error.issues, '');
  throw new ExNodeError('INVALID_INPUT', msg('catalog.invalidEntry', { issues: problems.map((p) => `${p.where}: ${p.message}`).join('；') }), { details: problems });
}
