import { z } from 'zod';
import { op } from './define.js';

export const diagnosticsBundleSchema = z.object({
  /** A suggested file name, `exnode-diagnostics-<time>.zip`. */
  filename: z.string(),
  /** The files inside the zip, for the technician to see what leaves the machine. */
  entries: z.array(z.string()),
  bytes: z.number().int(),
  /** The zip itself. */
  zipBase64: z.string(),
});
export type DiagnosticsBundle = z.infer<typeof diagnosticsBundleSchema>;

/** Support bundle: logs, versions and configuration of the node, without any secret. */
export const diagnosticsOps = {
  'diagnostics/collect': op({
    input: z.object({}).strict(),
    output: diagnosticsBundleSchema,
    permission: 'diagnostics.collect',
    // Nothing changes, but who took the node's configuration off the machine belongs in the audit log.
    mutates: true,
    summary: 'Collect logs, versions and configuration (without secrets) into a zip for support',
  }),
} as const;
