import { generatedNumber, type Numbering } from '../kernel/generated-number.js';

/**
 * SVC-5 (issue 15): every prevention service scheduled gets a 服务编号 from the platform —
 * `FW-<year>-<insurer code>-<sequence>`, e.g. `FW-2026-MA0K1234-000001` (FW: 服务; the shared format and its
 * per-insurer, per-year counter: kernel/generated-number.ts). Services scheduled before numbers existed have
 * none and are shown by their id.
 */
export const GENERATED_SERVICE_NUMBER = /^FW-\d{4}-[0-9A-Z]{8}-\d{6,}$/;

export function generatedServiceNumber(input: Numbering & { readonly insurerUscc: string }): string {
  return generatedNumber('FW', input);
}

/** The counter a service number takes its sequence from, and the sequence it takes. */
export type ServiceNumbering = Numbering;
