/**
 * Issue 15: the numbers the platform generates for an insurer's records — `<prefix>-<year>-<insurer code>-<sequence>`:
 * - `year`: the Asia/Shanghai day's year the record is made; the sequence restarts each year;
 * - `insurer code`: the 8 characters of the organisation code inside the insurer branch's USCC (positions 9–16),
 *   so a number says whose it is without the platform's internal tenant id;
 * - `sequence`: the insurer's own counter for that prefix and year, at least 6 digits, moved in the same
 *   transaction as the record (no gaps from failed writes, no two records with one number).
 * Prefixes: `AZ` policies (UW-1, policy-number.ts), `FW` prevention services (服务编号, service-number.ts).
 */
export interface Numbering {
  readonly year: number;
  readonly sequence: number;
}

export function insurerCodeOf(insurerUscc: string): string {
  return insurerUscc.slice(8, 16).toUpperCase();
}

export function generatedNumber(prefix: string, input: Numbering & { readonly insurerUscc: string }): string {
  return `${prefix}-${input.year}-${insurerCodeOf(input.insurerUscc)}-${String(input.sequence).padStart(6, '0')}`;
}
