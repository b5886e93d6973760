import { z } from 'zod';
import { DIALECTS } from './dialects.js';
import { messageRefSchema } from './message-schema.js';

/** Names people type into files and forms: letters, digits, CJK, `_`, `-`, `.`; no spaces at the ends. */
export const resourceNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'may contain only letters, digits, "_", "-" and "."');

/** IANA zone or a fixed offset; the zone that values without their own zone are read in. */
const timeZoneSchema = z
  .string()
  .refine((tz) => /^[+-]\d{2}:\d{2}$/.test(tz) || isIanaZone(tz), 'must be an IANA time zone (Asia/Shanghai) or an offset (+08:00)');

function isIanaZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const tlsSchema = z
  .object({
    enabled: z.boolean().default(false),
    rejectUnauthorized: z.boolean().default(true),
    ca: z.string().optional(),
  })
  .optional();

const common = {
  name: resourceNameSchema,
  description: z.string().max(500).optional(),
  timezone: timeZoneSchema.default('Asia/Shanghai'),
  connectTimeoutMs: z.number().int().min(500).max(120_000).default(10_000),
  queryTimeoutMs: z.number().int().min(1000).max(86_400_000).default(600_000),
  poolSize: z.number().int().min(1).max(50).default(4),
  /** A preset id from PRESETS (MariaDB, TiDB, KingbaseES...); informative only. */
  preset: z.string().optional(),
};

const credentials = {
  user: z.string().min(1, 'must not be empty'),
  /** Given in a file or form; stored encrypted, never returned. */
  password: z.string().optional(),
  /** Name of an environment variable that holds the password, read when connecting. */
  passwordEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name').optional(),
};

const server = {
  host: z.string().trim().min(1, 'must not be empty'),
  port: z.number().int().min(1).max(65535).optional(),
  tls: tlsSchema,
  ...credentials,
};

export const mysqlConnectionSchema = z.object({
  dialect: z.literal('mysql'), ...common, ...server,
  database: z.string().min(1, 'must not be empty'),
});

export const postgresConnectionSchema = z.object({
  dialect: z.literal('postgres'), ...common, ...server,
  database: z.string().min(1, 'must not be empty'),
  schema: z.string().min(1).optional(),
});

export const mssqlConnectionSchema = z.object({
  dialect: z.literal('mssql'), ...common, ...server,
  database: z.string().min(1, 'must not be empty'),
  schema: z.string().min(1).optional(),
  instanceName: z.string().optional(),
  encrypt: z.boolean().default(true),
  trustServerCertificate: z.boolean().default(false),
});

export const oracleConnectionSchema = z
  .object({
    dialect: z.literal('oracle'), ...common, ...credentials,
    host: z.string().trim().min(1).optional(),
    port: z.number().int().min(1).max(65535).optional(),
    /** Oracle service name (preferred); `database` is accepted as its alias. */
    serviceName: z.string().optional(),
    database: z.string().optional(),
    sid: z.string().optional(),
    /** A full Easy Connect or TNS descriptor; overrides host/port/service. */
    connectString: z.string().optional(),
    schema: z.string().min(1).optional(),
    tls: tlsSchema,
  })
  .refine((c) => Boolean(c.connectString || (c.host && (c.serviceName || c.database || c.sid))), {
    message: 'give either connectString, or host with serviceName (or database) or sid',
    path: ['serviceName'],
  });

export const sqliteConnectionSchema = z.object({
  dialect: z.literal('sqlite'), ...common,
  filename: z.string().min(1, 'must name the database file'),
  readOnly: z.boolean().default(false),
});

export const connectionConfigSchema = z
  .discriminatedUnion('dialect', [
    mysqlConnectionSchema,
    postgresConnectionSchema,
    mssqlConnectionSchema,
    oracleConnectionSchema,
    sqliteConnectionSchema,
  ], { error: (issue) => (issue.code === 'invalid_union' ? `dialect must be one of ${DIALECTS.join(', ')}` : undefined) });

export type ConnectionConfig = z.infer<typeof connectionConfigSchema>;
export type ConnectionConfigInput = z.input<typeof connectionConfigSchema>;
export type MysqlConnectionConfig = z.infer<typeof mysqlConnectionSchema>;
export type PostgresConnectionConfig = z.infer<typeof postgresConnectionSchema>;
export type MssqlConnectionConfig = z.infer<typeof mssqlConnectionSchema>;
export type OracleConnectionConfig = z.infer<typeof oracleConnectionSchema>;
export type SqliteConnectionConfig = z.infer<typeof sqliteConnectionSchema>;

/** What the engine returns about a connection: everything but the secret. */
export const connectionViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  dialect: z.enum(DIALECTS),
  description: z.string().optional(),
  summary: z.string(),
  hasPassword: z.boolean(),
  passwordEnv: z.string().optional(),
  isExchange: z.boolean(),
  /** The saved config; its password is never in it (`hasPassword` says whether one is stored). */
  config: connectionConfigSchema,
  health: z.enum(['unknown', 'ok', 'failed']),
  lastTestedAt: z.string().nullable(),
  /** Why the last connection test failed, in English; `lastErrorMessage` renders it in each shell's language. */
  lastError: z.string().nullable(),
  lastErrorMessage: messageRefSchema.nullable().default(null),
  /** When a run last used it successfully (read from or wrote to it). */
  lastUsedAt: z.string().nullable().default(null),
  /** When a run using it last failed, and why (code, English text, message key): a failure does not erase `lastUsedAt`. */
  lastUseFailedAt: z.string().nullable().default(null),
  lastUseError: z.object({ code: z.string(), message: z.string(), key: z.string().optional(), params: z.record(z.string(), z.any()).optional() }).nullable().default(null),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;

export const testResultSchema = z.object({
  ok: z.boolean(),
  product: z.string().optional(),
  version: z.string().optional(),
  latencyMs: z.number().optional(),
  currentUser: z.string().optional(),
  currentDatabase: z.string().optional(),
  errorCode: z.string().optional(),
  /** In English; `key` and `params`, when present, render it in each shell's language. */
  message: z.string().optional(),
  key: z.string().optional(),
  params: z.record(z.string(), z.any()).optional(),
});
export type TestResult = z.infer<typeof testResultSchema>;
