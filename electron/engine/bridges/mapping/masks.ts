import type { MaskSpec } from '../../../../shared/index.js';

export type Hmac = (algorithm: 'sha256' | 'sm3', value: string) => string;

/** Masking (脱敏) transforms, applied on the sender side before a value leaves the runner. */
export function applyMask(spec: MaskSpec, value: unknown, hmac: Hmac): unknown {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : String(value);
  switch (spec.kind) {
    case 'null':
      return null;
    case 'hash':
      return hmac(spec.algorithm, text);
    case 'idcard':
      return keepEnds(text, 6, 4);
    case 'phone':
      return keepEnds(text, 3, 4);
    case 'name':
      return maskName(text);
  }
}

/** Keeps `head` leading and `tail` trailing characters and stars the middle: 110101********1234. */
function keepEnds(text: string, head: number, tail: number): string {
  const chars = [...text];
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return chars.slice(0, head).join('') + '*'.repeat(chars.length - head - tail) + chars.slice(-tail).join('');
}

/** 张三 → 张*, 欧阳娜娜 → 欧***, John Smith → J*********. */
function maskName(text: string): string {
  const chars = [...text];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}
