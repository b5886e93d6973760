export * from './errors.js';
export * from './dialects.js';
export * from './types.js';
export * from './connection.js';
export * from './bridge.js';
export * from './permissions.js';
export * from './contract.js';
export * from './events.js';
