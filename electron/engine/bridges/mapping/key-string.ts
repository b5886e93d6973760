/** A stable string for a key tuple, equal for equal canonical values whatever the driver's JS type. */
export function keyString(values: readonly unknown[]): string {
  // Most keys are one column: no array and no join for them (this runs for every row a diff compares).
  return values.length === 1 ? keyPart(values[0]) : values.map(keyPart).join('\u0001');
}

function keyPart(v: unknown): string {
  return v === null || v === undefined ? '\u0000' : Buffer.isBuffer(v) ? v.toString('hex') : String(v);
}
