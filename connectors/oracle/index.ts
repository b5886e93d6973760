import { ExNodeError } from '../../shared/index.js';
import type { ConnectorFactory } from '../core/connector.js';
import { OracleConnector } from './connector.js';

export const createConnector: ConnectorFactory = (config, context) => {
  if (config.dialect !== 'oracle') throw new ExNodeError('INTERNAL', `Oracle connector given a ${config.dialect} connection`);
  return new OracleConnector(config, context.password);
};
