const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The GB 11643 check character (ISO 7064 MOD 11-2) for the first 17 digits of a citizen ID. */
export function citizenIdCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** An 18-character citizen ID: area code, birth date (YYYYMMDD), sequence (odd for men), check digit. */
export function citizenId(area: string, birthDate: string, sequence: number, male: boolean): string {
  let seq = sequence % 1000;
  if ((seq % 2 === 1) !== male) seq = (seq + 1) % 1000;
  const first17 = `${area}${birthDate.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return first17 + citizenIdCheckDigit(first17);
}

export function isValidCitizenId(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && citizenIdCheckDigit(id.slice(0, 17)) === id[17];
}
