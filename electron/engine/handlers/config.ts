import type { configOps } from '../../../shared/ops/config.js';
import type { HandlersFor } from './types.js';
import { configJsonSchema, exportConfig } from '../config/document.js';
import { importConfig } from '../config/import.js';

/** Handlers of configuration as code. */
export const configHandlers: HandlersFor<typeof configOps> = {
  'config/export': async (_input, s) => exportConfig(s),
  'config/import': async (input, s, actor) => importConfig(s, input, actor),
  'config/schema': async () => configJsonSchema(),
};
