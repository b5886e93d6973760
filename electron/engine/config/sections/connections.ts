import { z } from 'zod';
import { connectionConfigSchema } from '../../../../shared/index.js';
import type { ConfigSection, NamedItem } from '../section.js';
import { configToSave, connectionToItem, passwordVariableOf, readConnectionItem } from './connection-items.js';

export const connectionDocSchema = z.intersection(connectionConfigSchema, z.object({
  /** The environment variable the password is read from on import (EXNODE_PW_<NAME>). */
  passwordVariable: z.string().optional(),
}));

/** `connections:` the business databases, without secrets. The exchange database has its own section. */
export const connectionsSection: ConfigSection = {
  key: 'connections',
  schema: z.array(connectionDocSchema),
  ignoreInDiff: ['passwordVariable'],
  variables: passwordVariableOf,
  async current(s) {
    return (await s.connections.list()).filter((c) => !c.isExchange).map((c) => connectionToItem(c, s.dataDir));
  },
  read(value, s, problems) {
    if (!Array.isArray(value)) {
      problems.push({ where: 'connections', message: '应为连接的列表' });
      return [];
    }
    return value.map((raw, i) => readConnectionItem(raw, `connections[${i}]`, s.dataDir, problems)).filter((x): x is NamedItem => x !== undefined);
  },
  async upsert(item, ctx) {
    const existing = await ctx.services.connections.get(item.name).catch(() => undefined);
    await ctx.services.connections.save(configToSave(item, ctx), { replace: true, ...(existing?.isExchange ? { exchange: true } : {}) });
    ctx.services.events.emit('connections.changed', { name: item.name });
  },
  async remove(name, s) {
    await s.connections.delete(name, await s.bridges.usingConnection(name));
    s.events.emit('connections.changed', { name });
  },
};
