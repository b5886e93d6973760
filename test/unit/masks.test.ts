import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyMask } from '../../electron/engine/bridges/mapping/masks.js';

const hmac = (algorithm: 'sha256' | 'sm3', value: string) => crypto.createHmac(algorithm, 'k').update(value).digest('hex');
const mask = (kind: 'idcard' | 'phone' | 'name' | 'hash' | 'null', value: unknown, algorithm: 'sha256' | 'sm3' = 'sha256') =>
  applyMask({ kind, algorithm }, value, hmac);

describe('masking (脱敏)', () => {
  it('keeps the region and the last four digits of a citizen ID', () => {
    expect(mask('idcard', '11010519491231002X')).toBe('110105********002X');
  });
  it('keeps the carrier prefix and the last four digits of a phone number', () => {
    expect(mask('phone', '13812345678')).toBe('138****5678');
  });
  it('keeps the first character of a name, including compound surnames\' first character', () => {
    expect(mask('name', '张三')).toBe('张*');
    expect(mask('name', '欧阳娜娜')).toBe('欧***');
  });
  it('hashes with a key, SHA-256 or SM3, deterministically', () => {
    // Expected values from `openssl dgst -sha256 -hmac k` and `openssl dgst -sm3 -hmac k` (the node
    // key's own vectors are in vault.test.ts).
    expect(mask('hash', 'abc')).toBe('342e519ce0ad6c03a36b98eeb3f1d130db4813b9df4d1160eda488d712dc78ee');
    expect(mask('hash', 'abc', 'sm3')).toBe('af684d81732e81f6a9c5dd0aa68f27667b36debcebe29e094a654c3d496a898a');
  });
  it('passes NULL through and nulls on request', () => {
    expect(mask('idcard', null)).toBeNull();
    expect(mask('null', 'secret')).toBeNull();
  });
});
