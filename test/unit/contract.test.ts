import { describe, expect, it } from 'vitest';
import {
  bridgeConfigSchema, connectionConfigSchema, describeZodError, ExNodeError, operations, parseOrThrow,
  ROLE_PERMISSIONS, OPERATION_NAMES,
} from '../../shared/index.js';

describe('connection files', () => {
  it('name the missing field', () => {
    expect(() => parseOrThrow(connectionConfigSchema, { name: 'hr', dialect: 'mysql', host: 'db', user: 'u' }, 'connection file hr.json'))
      .toThrow(/connection file hr\.json: database: /);
  });
  it('name the bad dialect and list the good ones', () => {
    const r = connectionConfigSchema.safeParse({ name: 'x', dialect: 'db2' });
    expect(r.success).toBe(false);
    expect(describeZodError(r.error!)).toMatch(/mysql, postgres, mssql, oracle, sqlite/);
  });
  it('reject an unknown time zone', () => {
    expect(() => parseOrThrow(connectionConfigSchema, { name: 'x', dialect: 'sqlite', filename: 'a.db', timezone: 'Mars/Base' }))
      .toThrow(/timezone/);
  });
  it('accept an Oracle SID or service name, and refuse neither', () => {
    expect(connectionConfigSchema.safeParse({ name: 'o', dialect: 'oracle', host: 'h', sid: 'ORCL', user: 'u' }).success).toBe(true);
    expect(connectionConfigSchema.safeParse({ name: 'o', dialect: 'oracle', host: 'h', serviceName: 'pdb1', user: 'u' }).success).toBe(true);
    expect(connectionConfigSchema.safeParse({ name: 'o', dialect: 'oracle', host: 'h', user: 'u' }).success).toBe(false);
  });
});

describe('bridge files', () => {
  it('fill defaults people expect', () => {
    const b = bridgeConfigSchema.parse({ name: 'b', source: { connection: 'hr', table: 'staff' } });
    expect(b).toMatchObject({ mode: 'full', direction: 'send', batchSize: 5000, target: {} });
  });
  it('refuse a filter with a value where none belongs', () => {
    expect(bridgeConfigSchema.safeParse({ name: 'b', source: { connection: 'hr', table: 't' }, filter: [{ column: 'a', op: 'is null', value: 1 }] }).success).toBe(false);
    expect(bridgeConfigSchema.safeParse({ name: 'b', source: { connection: 'hr', table: 't' }, filter: [{ column: 'a', op: 'in', value: 1 }] }).success).toBe(false);
  });
  it('refuse quotes in identifiers', () => {
    expect(bridgeConfigSchema.safeParse({ name: 'b', source: { connection: 'hr', table: 'a"; drop table x; --' } }).success).toBe(false);
  });
});

describe('the contract', () => {
  it('gives every operation a permission some role holds', () => {
    const held = new Set(Object.values(ROLE_PERMISSIONS).flat());
    for (const name of OPERATION_NAMES) expect(held.has(operations[name].permission)).toBe(true);
  });
  it('round-trips errors through the envelope', () => {
    const e = new ExNodeError('LOGIN_FAILED', 'wrong password');
    const back = ExNodeError.fromEnvelope(e.toEnvelope());
    expect(back).toMatchObject({ code: 'LOGIN_FAILED', message: 'wrong password', retryable: false });
    expect(new ExNodeError('CONNECTION_LOST', 'x').retryable).toBe(true);
  });
});
