import { ExNodeError } from '../../shared/index.js';
import type { ConnectorFactory } from '../core/connector.js';
import { MysqlConnector } from './connector.js';

export const createConnector: ConnectorFactory = (config, context) => {
  if (config.dialect !== 'mysql') throw new ExNodeError('INTERNAL', `MySQL connector given a ${config.dialect} connection`);
  return new MysqlConnector(config, context.password);
};
