import { ExNodeError } from '../../shared/index.js';
import type { ConnectorFactory } from '../core/connector.js';
import { MssqlConnector } from './connector.js';

export const createConnector: ConnectorFactory = (config, context) => {
  if (config.dialect !== 'mssql') throw new ExNodeError('INTERNAL', `SQL Server connector given a ${config.dialect} connection`);
  return new MssqlConnector(config, context.password);
};
