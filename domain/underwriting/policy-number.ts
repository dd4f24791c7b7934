/**
 * UW-1 (issue 15): a policy number the platform generates when the insurer types none —
 * `AZ-<year>-<insurer code>-<sequence>`, e.g. `AZ-2026-10009876-000001`:
 * - `year`: the issue day's year (Asia/Shanghai); the sequence restarts each year;
 * - `insurer code`: the 8 characters of the organisation code inside the issuing branch's USCC (positions 9–16),
 *   so a number says whose it is without the platform's internal tenant id;
 * - `sequence`: the insurer's own counter for that year, 6 digits, taken in the same transaction as the policy
 *   (no gaps from failed issues, no two policies with one number).
 * Typed numbers stay possible (migrated paper policies); both kinds are unique per insurer.
 */
export const GENERATED_POLICY_NUMBER = /^AZ-\d{4}-[0-9A-Z]{8}-\d{6,}$/;

export function insurerCodeOf(insurerUscc: string): string {
  return insurerUscc.slice(8, 16).toUpperCase();
}

export function generatedPolicyNumber(input: { readonly year: number; readonly insurerUscc: string; readonly sequence: number }): string {
  return `AZ-${input.year}-${insurerCodeOf(input.insurerUscc)}-${String(input.sequence).padStart(6, '0')}`;
}

/** Which counter a generated number takes its sequence from, and the sequence it takes. */
export interface PolicyNumbering {
  readonly year: number;
  readonly sequence: number;
}
