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
  /** Alert channels imported without their secret or URL token (variable not set): saved disabled until one is given. */
  withoutSecret: z.array(z.object({ name: z.string(), variable: z.string() })),
  /** Bridges whose schedule is deployed in the file but arrives (or stays) stopped: the import was not asked to deploy. */
  notDeployed: z.array(z.string()),
  /** Every environment variable the file names for a secret, so a caller can read them (or prompt) before applying. */
  variables: z.array(z.object({ section: z.string(), name: z.string(), variable: z.string() })),
});
export type ConfigImportResult = z.infer<typeof configImportResultSchema>;

/** The variable a connection's password comes from: EXNODE_PW_ + the name upper-cased, every other character `_`. */
export function passwordVariableFor(connectionName: string): string {
  return `EXNODE_PW_${connectionName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/**
 * The variables an alert channel's secrets come from, after the connections' convention (other ASCII characters as `_`,
 * others as U+ their code point): the signing secret
 * or SMTP password from EXNODE_ALERT_SECRET_<NAME>, the webhook address with its token from EXNODE_ALERT_URL_<NAME>.
 */
export function channelVariableFor(channelName: string, what: 'secret' | 'url'): string {
  // Channel names are often Chinese (值班群): such characters become their code points, so two names never share a variable.
  const name = [...channelName.toUpperCase()].map((c) => (/[A-Z0-9]/.test(c) ? c : c.charCodeAt(0) < 128 ? '_' : `U${c.codePointAt(0)!.toString(16).toUpperCase()}`)).join('');
  return `EXNODE_ALERT_${what.toUpperCase()}_${name}`;
}

/** Sqlite files inside the data directory are written relative to it, so a file moves between nodes. */
export const DATA_DIR_TOKEN = '${DATA_DIR}';
