import { z } from 'zod';
import { type DialectCapabilities, type DialectPreset, DIALECTS } from './dialects.js';

/** Schemas of the dialect capabilities and presets as `node/capabilities` returns them. */
export const dialectCapabilitiesSchema = z.object({
  dialect: z.enum(DIALECTS),
  label: z.string(),
  defaultPort: z.number().int().nullable(),
  upsert: z.enum(['on-duplicate-key', 'on-conflict', 'merge', 'update-then-insert']),
  maxBindParams: z.number().int().positive(),
  bulkLoad: z.enum(['load-data-local-infile', 'copy-from-stdin', 'execute-many', 'prepared-insert', 'multi-row-insert']),
  identifierCase: z.enum(['preserve', 'lower', 'upper']),
  supportsSchemas: z.boolean(),
  defaultSchema: z.string().nullable(),
  fileBased: z.boolean(),
  maxIdentifierLength: z.number().int().positive(),
}) satisfies z.ZodType<DialectCapabilities>;

export const dialectPresetSchema = z.object({
  id: z.string(),
  label: z.string(),
  dialect: z.enum(DIALECTS),
  defaultPort: z.number().int().nullable(),
  note: z.string(),
}) satisfies z.ZodType<DialectPreset>;

export const capabilitiesOutputSchema = z.object({
  capabilities: z.record(z.enum(DIALECTS), dialectCapabilitiesSchema),
  presets: z.array(dialectPresetSchema),
});
