import { z } from 'zod';
import { configImportResultSchema } from '../config-doc.js';
import { op } from './define.js';

/** Configuration as code: the node's connections, exchange database, bridges, schedules, alert settings and catalog as one YAML file. */
export const configOps = {
  'config/export': op({
    input: z.object({}).strict(),
    output: z.object({ yaml: z.string(), sections: z.array(z.string()) }),
    permission: 'config.export', mutates: false, summary: 'The configuration as YAML, without secrets',
  }),
  'config/import': op({
    input: z.object({
      yaml: z.string().max(20_000_000),
      apply: z.boolean().default(false),
      /**
       * Passwords the caller read from each connection's variable or a prompt. A list of objects with a
       * `password` field, so the audit trail's redaction hides every value.
       */
      passwords: z.array(z.object({ connection: z.string(), password: z.string() }).strict()).default([]),
      /** Alert channels' secrets (signing secrets, SMTP passwords, webhook addresses with their token) by the variable the file names. */
      secrets: z.array(z.object({ variable: z.string().max(200), secret: z.string().max(2000) }).strict()).max(1000).default([]),
      /** Deploy the schedules the file marks deployed; without it they arrive stopped (the plan lists them). */
      deploy: z.boolean().default(false),
    }).strict(),
    output: configImportResultSchema, permission: 'config.import', mutates: true,
    summary: 'Plan a configuration file (added, changed, removed, unchanged), or apply it all or nothing',
  }),
  'config/schema': op({
    input: z.object({}).strict(),
    output: z.record(z.string(), z.unknown()),
    permission: 'config.export', mutates: false, summary: 'JSON Schema of the configuration file, for editors',
  }),
};
