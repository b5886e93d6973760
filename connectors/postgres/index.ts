import { ExNodeError } from '../../shared/index.js';
import type { ConnectorFactory } from '../core/connector.js';
import { PostgresConnector } from './connector.js';

export const createConnector: ConnectorFactory = (config, context) => {
  if (config.dialect !== 'postgres') throw new ExNodeError('INTERNAL', `PostgreSQL connector given a ${config.dialect} connection`);
  return new PostgresConnector(config, context.password);
};
