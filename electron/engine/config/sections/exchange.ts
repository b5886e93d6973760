import type { ConfigSection } from '../section.js';
import { configToSave, connectionToItem, passwordVariableOf, readConnectionItem } from './connection-items.js';
import { connectionDocSchema } from './connections.js';

/** `exchange:` the exchange database (前置交换库) the node writes to; sqlite files in the data directory as ${DATA_DIR}/… */
export const exchangeSection: ConfigSection = {
  key: 'exchange',
  schema: connectionDocSchema,
  single: true,
  ignoreInDiff: ['passwordVariable'],
  variables: passwordVariableOf,
  async current(s) {
    return [connectionToItem(await s.connections.exchange(), s.dataDir)];
  },
  read(value, s, problems) {
    const item = readConnectionItem(value, 'exchange', s.dataDir, problems);
    return item ? [item] : [];
  },
  async upsert(item, ctx) {
    await ctx.services.connections.save(configToSave(item, ctx), { replace: true, exchange: true });
    ctx.services.events.emit('connections.changed', { name: item.name });
  },
};
