import { z } from 'zod';
import { op } from './define.js';

export const auditRecordSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  operation: z.string(),
  target: z.string().nullable(),
  outcome: z.string(),
  shell: z.string().nullable(),
  address: z.string().nullable(),
  detail: z.unknown(),
});
export type AuditRecordView = z.infer<typeof auditRecordSchema>;

export const auditFilterSchema = z.object({
  actor: z.string().max(64).optional(),
  operation: z.string().max(100).optional(),
  outcome: z.enum(['ok', 'denied', 'failed']).optional(),
  /** ISO date-times, inclusive. */
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  /** Free text searched in target and details. */
  text: z.string().max(200).optional(),
}).strict();
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  records: z.number(),
  firstBroken: z.number().nullable(),
  reason: z.enum(['hash', 'link', 'truncated', 'checkpoint']).nullable(),
});

/** The audit log: the auditor's (and only the auditor's) reading, export and verification. */
export const auditOps = {
  'audit/list': op({
    input: auditFilterSchema.extend({ limit: z.number().int().min(1).max(5000).default(200), offset: z.number().int().min(0).default(0) }).strict(),
    output: z.object({ records: z.array(auditRecordSchema), total: z.number() }),
    permission: 'audit.read', mutates: false, summary: 'Search the audit log',
  }),
  'audit/verify': op({ input: z.object({}).strict(), output: auditVerificationSchema, permission: 'audit.read', mutates: false, summary: 'Verify the audit chain' }),
  'audit/export': op({
    input: z.object({ format: z.enum(['csv', 'xlsx']), filter: auditFilterSchema.default({}) }).strict(),
    output: z.object({ filename: z.string(), mimeType: z.string(), base64: z.string(), records: z.number() }),
    permission: 'audit.read', mutates: true, summary: 'Export the audit log',
  }),
} as const;
