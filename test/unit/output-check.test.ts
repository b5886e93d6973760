import { describe, expect, it } from 'vitest';
import { CAPABILITIES, ExNodeError, PRESETS } from '../../shared/index.js';
import { checkOutput, outputChecksEnabled } from '../../electron/engine/output-check.js';

describe('the contract checks its own outputs', () => {
  it('is on in tests and development, off in production unless asked', () => {
    expect(outputChecksEnabled({ VITEST: 'true' })).toBe(true);
    expect(outputChecksEnabled({ NODE_ENV: 'development' })).toBe(true);
    expect(outputChecksEnabled({ NODE_ENV: 'production' })).toBe(false);
    expect(outputChecksEnabled({ NODE_ENV: 'production', EXNODE_CHECK_OUTPUTS: '1' })).toBe(true);
  });

  it('accepts the real dialect capabilities and presets', () => {
    expect(() => checkOutput('node/capabilities', { capabilities: { ...CAPABILITIES }, presets: [...PRESETS] }, true)).not.toThrow();
  });

  it('fails with the operation and the path of what does not match', () => {
    const broken = { capabilities: { ...CAPABILITIES, mysql: { ...CAPABILITIES.mysql, maxBindParams: 'many' } }, presets: [...PRESETS] };
    let error: unknown;
    try {
      checkOutput('node/capabilities', broken, true);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExNodeError);
    expect((error as ExNodeError).code).toBe('INTERNAL');
    expect((error as ExNodeError).ref?.key).toBe('engine.outputMismatch');
    expect((error as ExNodeError).message).toMatch(/node\/capabilities.*capabilities\.mysql\.maxBindParams/);
    expect(() => checkOutput('node/capabilities', broken, false)).not.toThrow();
  });

  it('holds a connection view\'s config to the connection schema', () => {
    const view = {
      id: 'con_1', name: 'biz', dialect: 'mysql', summary: 'root@db:3306/biz', hasPassword: true, isExchange: false,
      health: 'unknown', lastTestedAt: null, lastError: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    };
    const config = { dialect: 'mysql', name: 'biz', host: 'db', user: 'root', database: 'biz' };
    expect(() => checkOutput('connections/get', { ...view, config }, true)).not.toThrow();
    expect(() => checkOutput('connections/get', { ...view, config: { ...config, host: undefined } }, true)).toThrow(/config\.host/);
  });
});
