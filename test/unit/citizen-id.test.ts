import { describe, expect, it } from 'vitest';
import { citizenId, citizenIdCheckDigit, isValidCitizenId } from '../../electron/engine/demo/citizen-id.js';
import { birthCertificates } from '../../electron/engine/demo/birth-certificates.js';

describe('citizen ID numbers (GB 11643)', () => {
  it('computes the published check digit of a known example', () => {
    // The standard's worked example: 11010519491231002X.
    expect(citizenIdCheckDigit('11010519491231002')).toBe('X');
    expect(isValidCitizenId('11010519491231002X')).toBe(true);
    expect(isValidCitizenId('110105194912310021')).toBe(false);
  });

  it('encodes sex in the sequence digit', () => {
    expect(Number(citizenId('370102', '1990-05-17', 123, true)[16]) % 2).toBe(1);
    expect(Number(citizenId('370102', '1990-05-17', 123, false)[16]) % 2).toBe(0);
  });
});

describe('demo birth certificates', () => {
  it('are deterministic and carry valid parents\' ID numbers', () => {
    const a = [...birthCertificates(500)];
    const b = [...birthCertificates(500)];
    expect(a).toEqual(b);
    for (const row of a) {
      expect(isValidCitizenId(row.mother_id_no)).toBe(true);
      expect(isValidCitizenId(row.father_id_no)).toBe(true);
      expect(row.sex_code).toBe(row.sex === '男' ? '1' : '2');
      expect(row.issue_time > row.birth_time.slice(0, 10)).toBe(true);
    }
    expect(new Set(a.map((r) => r.cert_no)).size).toBe(500);
  });
});
