import type { diagnosticsOps } from '../../../shared/ops/diagnostics.js';
import type { HandlersFor } from './types.js';
import { collectDiagnostics } from '../diagnostics/collect.js';

/** Handlers of the support bundle. */
export const diagnosticsHandlers: HandlersFor<typeof diagnosticsOps> = {
  'diagnostics/collect': async (_input, s) => collectDiagnostics(s),
};
