import { ExNodeError } from '../../shared/index.js';
import type { ConnectorFactory } from '../core/connector.js';
import { SqliteConnector } from './connector.js';

export const createConnector: ConnectorFactory = (config) => {
  if (config.dialect !== 'sqlite') throw new ExNodeError('INTERNAL', `SQLite connector given a ${config.dialect} connection`);
  return new SqliteConnector(config);
};
