import { z } from 'zod';

/** Configuration as code (配置即代码): one YAML document of sections, names as identity. */
export const CONFIG_ACTIONS = ['added', 'changed', 'removed', 'unchanged'] as const;
export type ConfigAction = (typeof CONFIG_ACTIONS)[number];

export const configPlanItemSchema = z.object({
  section: z.string(),
  name: z.string(),
  action: z.enum(CONFIG_ACTIONS),
  /** For changes: the fields that differ. */
  fields: z.array(z.string()).optional(),
});
export type ConfigPlanItem = z.infer<typeof configPlanItemSchema>;

export const configProblemSchema = z.object({ where: z.string(), message: z.string() });
export type ConfigProblem = z.infer<typeof configProblemSchema>;

export const configImportResultSchema = z.object({
  plan: z.array(configPlanItemSchema),
  problems: z.array(configProblemSchema),
  applied: z.boolean(),
  /** Connections imported without a password (their variable was not set): test fails until one is given. */
  withoutPassword: z.array(z.object({ name: z.string(), variable: z.string() })),
});
export type ConfigImportResult = z.infer<typeof configImportResultSchema>;

/** The variable a connection's password comes from: EXNODE_PW_ + the name upper-cased, every other character `_`. */
export function passwordVariableFor(connectionName: string): string {
  return `EXNODE_PW_${connectionName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/** Sqlite files inside the data directory are written relative to it, so a file moves between nodes. */
export const DATA_DIR_TOKEN = '${DATA_DIR}';
