import { ExNodeError } from '../../shared/index.js';
import type { ConnectorFactory } from '../core/connector.js';

export const createConnector: ConnectorFactory = (config) => {
  throw new ExNodeError('UNSUPPORTED', `The ${config.dialect} connector is not available in this build yet`);
};
