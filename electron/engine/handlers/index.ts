import type { Handlers } from './types.js';
import { coreHandlers } from './core.js';
import { authHandlers, usersHandlers } from './auth.js';
import { auditHandlers } from './audit.js';
import { scheduleHandlers } from './schedules.js';
import { alertHandlers } from './alerts.js';
import { monitorHandlers } from './monitor.js';
import { batchHandlers } from './batch.js';
import { diagnosticsHandlers } from './diagnostics.js';
import { catalogHandlers } from './catalog.js';
import { configHandlers } from './config.js';
import { securityHandlers } from './security.js';

export type { Handler, Handlers, HandlersFor } from './types.js';

/**
 * One handler per operation of the contract; the compiler rejects a missing or mistyped one. Each
 * area keeps its handlers in a file of its own (core.ts, auth.ts...): add yours here.
 */
export const handlers: Handlers = {
  ...coreHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...auditHandlers,
  ...scheduleHandlers,
  ...alertHandlers,
  ...monitorHandlers,
  ...batchHandlers,
  ...diagnosticsHandlers,
  ...catalogHandlers,
  ...configHandlers,
  ...securityHandlers,
};
