import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rowHash } from '../../electron/engine/bridges/mapping/hash.js';

const sha1 = (text: string) => crypto.createHash('sha1').update(text, 'utf8').digest('hex');

describe('row hash (the exchange table\'s exn_hash)', () => {
  it('is SHA-1 over NUL-led values: a changed layout would make every stored row look changed', () => {
    expect(rowHash(['1', '张三', null, 2.5, Buffer.from([0, 255])])).toBe(sha1('\u00001\u0000张三\u0000\u0000N\u00002.5\u0000\u0000BAP8='));
    expect(rowHash([])).toBe(sha1(''));
  });

  it('tells NULL from empty text and from the text "N"', () => {
    const hashes = [rowHash([null]), rowHash(['']), rowHash(['N']), rowHash([undefined])];
    expect(new Set(hashes.slice(0, 3)).size).toBe(3);
    expect(hashes[3]).toBe(hashes[0]);
  });
});
