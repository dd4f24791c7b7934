import { generatedNumber, insurerCodeOf, type Numbering } from '../kernel/generated-number.js';

/**
 * UW-1 (issue 15): a policy number the platform generates when the insurer types none —
 * `AZ-<year>-<insurer code>-<sequence>`, e.g. `AZ-2026-10009876-000001` (the shared format: generated-number.ts).
 * Typed numbers stay possible (migrated paper policies); both kinds are unique per insurer.
 */
export const GENERATED_POLICY_NUMBER = /^AZ-\d{4}-[0-9A-Z]{8}-\d{6,}$/;

export { insurerCodeOf };

export function generatedPolicyNumber(input: { readonly year: number; readonly insurerUscc: string; readonly sequence: number }): string {
  return generatedNumber('AZ', input);
}

/** Which counter a generated number takes its sequence from, and the sequence it takes. */
export type PolicyNumbering = Numbering;
