import type { Handlers } from './types.js';
import { coreHandlers } from './core.js';
import { catalogHandlers } from './catalog.js';
import { configHandlers } from './config.js';

export type { Handler, Handlers, HandlersFor } from './types.js';

/**
 * One handler per operation of the contract; the compiler rejects a missing or mistyped one. Each
 * area keeps its handlers in a file of its own (core.ts, auth.ts...): add yours here.
 */
export const handlers: Handlers = {
  ...coreHandlers,
  ...catalogHandlers,
  ...configHandlers,
};
