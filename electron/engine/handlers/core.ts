import { CAPABILITIES, PRESETS } from '../../../shared/index.js';
import type { coreOps } from '../../../shared/ops/core.js';
import type { HandlersFor } from './types.js';
import { loadDemo } from '../demo/load-demo.js';
import { previewBridge } from '../bridges/preview.js';
import { reconcileBridge } from '../reconcile/reconcile.js';
import { checkBridgeSource } from '../schema/source-check.js';

/** Handlers of the core operations: connections, the exchange database, bridges and runs. */
export const coreHandlers: HandlersFor<typeof coreOps> = {
  'node/info': async (_input, s) => s.nodeInfo(),
  'node/capabilities': async () => ({ capabilities: { ...CAPABILITIES }, presets: [...PRESETS] }),
  'demo/load': async (input, s) => {
    const result = await loadDemo(s, input.rows, (rows) => s.events.emit('demo.progress', { rows, total: input.rows }));
    await s.connections.test(result.connection).catch(() => undefined);
    s.events.emit('connections.changed', { name: result.connection });
    s.events.emit('bridges.changed', { name: result.bridge });
    return result;
  },

  'connections/list': async (_input, s) => s.connections.list(),
  'connections/get': async (input, s) => s.connections.get(input.name),
  'connections/save': async (input, s) => {
    await s.connections.save(input.config, { replace: input.replace });
    // Saving tests the connection and records the result; a failed test is reported, not refused.
    await s.connections.test(input.config.name).catch(() => undefined);
    const view = await s.connections.get(input.config.name);
    s.events.emit('connections.changed', { name: view.name });
    return view;
  },
  'connections/delete': async (input, s) => {
    await s.connections.delete(input.name, await s.bridges.usingConnection(input.name));
    s.events.emit('connections.changed', { name: input.name });
    return { ok: true as const };
  },
  'connections/test': async (input, s) => ('name' in input ? s.connections.test(input.name) : s.connections.testUnsaved(input.config)),
  'connections/tables': async (input, s) => s.withConnector(input.name, (c) => c.listTables()),
  'connections/describe': async (input, s) =>
    s.withConnector(input.name, (c) => (input.query !== undefined
      ? c.describeQuery(input.query)
      : c.describeTable(input.schema ? { schema: input.schema, name: input.table! } : { name: input.table! }))),

  'connections/snapshot': async (input, s) => s.schemas.snapshot(input.name),
  'connections/drift': async (input, s) => s.schemas.drift(input.name, input.limit),

  'settings/get': async (_input, s) => s.settings.all(),
  'settings/set': async (input, s) => {
    const settings = await s.settings.update(input);
    s.runner.setConcurrency(settings.runnerConcurrency);
    return settings;
  },

  'exchange/get': async (_input, s) => s.connections.exchange(),
  'exchange/set': async (input, s) => {
    const view = await s.connections.save(input.config, { replace: true, exchange: true });
    s.events.emit('connections.changed', { name: view.name });
    return view;
  },

  'bridges/list': async (_input, s) => s.bridges.list(),
  'bridges/get': async (input, s) => s.bridges.get(input.name),
  'bridges/save': async (input, s) => {
    await checkBridgeSource(s, input.config);
    const view = await s.bridges.save(input.config, input.replace);
    s.events.emit('bridges.changed', { name: view.name });
    return view;
  },
  'bridges/delete': async (input, s) => {
    await s.bridges.delete(input.name);
    s.events.emit('bridges.changed', { name: input.name });
    return { ok: true as const };
  },
  'bridges/run': async (input, s) => {
    const run = await s.runner.start(input.name, 'manual', input.fullOnce ? { fullOnce: true } : {});
    return input.wait ? s.runner.wait(run.id) : run;
  },
  'bridges/preview': async (input, s) => previewBridge(s, input.config, input.limit),
  'bridges/reconcile': async (input, s) =>
    reconcileBridge(s, input.name, input.samples, (rows, total) => s.events.emit('reconcile.progress', { bridge: input.name, rows, total })),
  'runs/list': async (input, s) => s.runs.list({ limit: input.limit, ...(input.bridge ? { bridgeName: input.bridge } : {}) }),
  'runs/get': async (input, s) => s.runs.get(input.id),
  'runs/log': async (input, s) => s.runs.logs(input.id),
  'runs/rejected': async (input, s) => s.runs.rejected(input.id),
  'runs/cancel': async (input, s) => s.runner.cancel(input.id),
};
