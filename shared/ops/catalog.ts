import { z } from 'zod';
import { catalogViewSchema, importProblemSchema, informationItemSchema, RESOURCE_TYPES, SHARE_TYPES, UPDATE_CYCLES } from '../catalog.js';
import { resourceNameSchema } from '../connection.js';
import { op } from './define.js';

const byCode = z.object({ code: z.string().trim().min(1) }).strict();
const fileFormat = z.enum(['xlsx', 'json']);

export const catalogImportPlanSchema = z.object({
  added: z.array(z.string()),
  changed: z.array(z.string()),
  unchanged: z.array(z.string()),
  applied: z.boolean(),
});
export type CatalogImportPlan = z.infer<typeof catalogImportPlanSchema>;

/** The resource catalog (资源目录): entries bound to exchange tables, and their Excel/JSON exchange with the platform. */
export const catalogOps = {
  'catalog/list': op({
    input: z.object({
      search: z.string().max(200).optional(),
      type: z.enum(RESOURCE_TYPES).optional(),
      shareType: z.enum(SHARE_TYPES).optional(),
      updateCycle: z.enum(UPDATE_CYCLES).optional(),
      needsReview: z.boolean().optional(),
    }).strict(),
    output: z.array(catalogViewSchema), permission: 'catalog.read', mutates: false, summary: 'Catalog entries, searched and filtered',
  }),
  'catalog/get': op({ input: byCode, output: catalogViewSchema, permission: 'catalog.read', mutates: false, summary: 'One catalog entry' }),
  'catalog/save': op({
    // The entry is validated by the engine with catalogEntrySchema, so every problem comes back in Chinese with its path.
    input: z.object({ entry: z.record(z.string(), z.unknown()), replace: z.boolean().default(false), previousCode: z.string().optional() }).strict(),
    output: catalogViewSchema, permission: 'catalog.write', mutates: true, summary: 'Add or update a catalog entry',
  }),
  'catalog/delete': op({ input: byCode, output: z.object({ ok: z.literal(true) }), permission: 'catalog.write', mutates: true, summary: 'Remove a catalog entry' }),
  'catalog/items': op({
    input: z.object({ bridge: resourceNameSchema }).strict(),
    output: z.object({ connection: z.string(), table: z.string(), items: z.array(informationItemSchema) }),
    permission: 'catalog.read', mutates: false, summary: 'Information items from the structure of a bridge\'s table',
  }),
  'catalog/export': op({
    input: z.object({ format: fileFormat }).strict(),
    // xlsx as base64, json as text.
    output: z.object({ format: fileFormat, filename: z.string(), data: z.string(), count: z.number() }),
    permission: 'catalog.read', mutates: false, summary: 'The catalog as an Excel workbook or JSON',
  }),
  'catalog/import': op({
    input: z.object({ format: fileFormat, data: z.string().max(50_000_000), apply: z.boolean().default(false) }).strict(),
    output: catalogImportPlanSchema.extend({ problems: z.array(importProblemSchema) }),
    permission: 'catalog.write', mutates: true, summary: 'Plan, or apply all or nothing, a catalog workbook or JSON',
  }),
};
