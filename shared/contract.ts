import type { z } from 'zod';
import { CAPABILITIES, PRESETS } from './dialects.js';
import { coreOps } from './ops/core.js';
import { authOps } from './ops/auth.js';
import { usersOps } from './ops/users.js';
import { auditOps } from './ops/audit.js';
import { securityOps } from './ops/security.js';
import { scheduleOps } from './ops/schedules.js';
import { alertOps } from './ops/alerts.js';
import { monitorOps } from './ops/monitor.js';
import { batchOps } from './ops/batch.js';
import { diagnosticsOps } from './ops/diagnostics.js';
import { catalogOps } from './ops/catalog.js';
import { configOps } from './ops/config.js';

export * from './ops/define.js';
export { nodeInfoSchema, nodeSettingsSchema, demoResultSchema } from './ops/core.js';
export type { NodeInfo, NodeSettings } from './ops/core.js';
export * from './ops/auth.js';
export * from './ops/users.js';
export * from './ops/audit.js';
export * from './ops/security.js';

/**
 * Every operation the UI or the CLI can call. The server's handlers and the renderer's client are
 * typed from this map: renaming a field here breaks `npm run typecheck` on both sides. Each area keeps
 * its operations in a file of its own under ops/ (core.ts, auth.ts...); add yours here.
 */
export const operations = {
  ...coreOps,
  ...authOps,
  ...usersOps,
  ...auditOps,
  ...securityOps,
  ...scheduleOps,
  ...alertOps,
  ...monitorOps,
  ...batchOps,
  ...diagnosticsOps,
  ...catalogOps,
  ...configOps,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type Input<K extends OperationName> = z.input<Operations[K]['input']>;
export type ParsedInput<K extends OperationName> = z.output<Operations[K]['input']>;
export type Output<K extends OperationName> = z.output<Operations[K]['output']>;

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(operations, name);
}

/** Static data the UI needs without a round trip. */
export const STATIC = { capabilities: CAPABILITIES, presets: PRESETS };
