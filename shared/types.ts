import { z } from 'zod';

/**
 * Canonical column types: every dialect's native types map onto these, and every target table is
 * created from them. Values travel between connectors in one canonical form per type:
 * integer/float/double: number; bigint/decimal: string (exact); boolean: boolean;
 * string/text/json/uuid: string; date: 'YYYY-MM-DD'; time: 'HH:MM:SS[.ffffff]';
 * datetime (no zone): 'YYYY-MM-DD HH:MM:SS[.ffffff]'; timestamptz: ISO-8601 in UTC ('...Z');
 * binary: Buffer (Uint8Array).
 */
export const CANONICAL_TYPES = [
  'integer', 'bigint', 'decimal', 'float', 'double', 'boolean',
  'string', 'text', 'json', 'uuid',
  'date', 'time', 'datetime', 'timestamptz',
  'binary',
] as const;
export type CanonicalType = (typeof CANONICAL_TYPES)[number];

export const columnSchema = z.object({
  name: z.string().min(1),
  nativeType: z.string(),
  type: z.enum(CANONICAL_TYPES),
  length: z.number().int().positive().optional(),
  precision: z.number().int().nonnegative().optional(),
  scale: z.number().int().nonnegative().optional(),
  nullable: z.boolean(),
  defaultValue: z.string().nullable().optional(),
  primaryKey: z.boolean(),
  /** Values a MySQL ENUM/SET column allows, kept so the target can check them. */
  enumValues: z.array(z.string()).optional(),
});
export type Column = z.infer<typeof columnSchema>;

export const indexSchema = z.object({
  name: z.string(),
  columns: z.array(z.string()),
  unique: z.boolean(),
  primary: z.boolean(),
});
export type IndexInfo = z.infer<typeof indexSchema>;

export const tableRefSchema = z.object({
  schema: z.string().min(1).optional(),
  name: z.string().min(1),
});
export type TableRef = z.infer<typeof tableRefSchema>;

/** Something to read rows from: a table, or a checked SELECT read as a derived table (`name` labels it). */
export interface SourceRef extends TableRef {
  readonly query?: string;
}

export const tableSummarySchema = tableRefSchema.extend({
  kind: z.enum(['table', 'view']),
  rowEstimate: z.number().nullable(),
});
export type TableSummary = z.infer<typeof tableSummarySchema>;

export const tableSchemaSchema = tableSummarySchema.extend({
  columns: z.array(columnSchema),
  primaryKey: z.array(z.string()),
  uniqueKeys: z.array(z.array(z.string())),
  indexes: z.array(indexSchema),
});
export type TableSchema = z.infer<typeof tableSchemaSchema>;

export type Row = Record<string, unknown>;

export function tableLabel(ref: TableRef): string {
  return ref.schema ? `${ref.schema}.${ref.name}` : ref.name;
}
