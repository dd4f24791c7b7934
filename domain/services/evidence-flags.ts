import type { ConfirmingParty, PreventionService, ReviewFlag, Signature } from './service.js';

/** ISO instants with offsets compare as epoch milliseconds; as text `+08:00` and `Z` would misorder. */
function epochMs(instant: string): number {
  return Date.parse(instant);
}

/**
 * SVC-13: why a record should be reviewed before it is trusted — faked service records are the field's
 * best-known abuse, and a photo taken on another day or a signature made before the record existed are the
 * telltales. Flags are advice for the reviewer, never refusals: device clocks drift, and refusing would only
 * push people to type a convenient time.
 *
 * - `EVIDENCE_OUTSIDE_SERVICE_TIME`: an evidence item whose `capturedAt` (device time) lies outside
 *   [`record.performedAt`, `record.endedAt`], both ends included; one flag per item.
 * - `CONFIRMATION_BEFORE_RECORD`: a party's signature whose `signedAt` is earlier than `record.completedAt`,
 *   i.e. someone signed a record that did not exist yet; one flag per party.
 *
 * - `LOCATION_MISSING`: an evidence item without the device's position; one flag per item.
 * - `ENTERPRISE_SIGNED_ON_INSURER_DEVICE`: the enterprise's signature was captured on the insurer staff's
 *   device (`onSite`), not given through the enterprise's own login (SVC-9) — plus `LOCATION_MISSING` for the
 *   enterprise when that capture has no position.
 *
 * A service without a record has nothing to check and no flags. An instant that cannot be read is flagged
 * too: a time nobody can check is no better than a wrong one.
 *
 * @example
 * reviewFlagsOf(service).map((flag) => flag.code); // ['EVIDENCE_OUTSIDE_SERVICE_TIME']
 */
export function reviewFlagsOf(service: Pick<PreventionService, 'record' | 'evidence' | 'confirmations'>): ReviewFlag[] {
  const record = service.record;
  if (record === undefined) return [];
  const flags: ReviewFlag[] = [];
  const from = epochMs(record.performedAt);
  const to = epochMs(record.endedAt);
  for (const item of service.evidence) {
    const captured = epochMs(item.capturedAt);
    if (!(captured >= from && captured <= to)) {
      flags.push({
        rule: 'SVC-13',
        code: 'EVIDENCE_OUTSIDE_SERVICE_TIME',
        message: `SVC-13: evidence ${item.id} was captured at ${item.capturedAt}, outside the service time ${record.performedAt} – ${record.endedAt}`,
        evidenceId: item.id,
      });
    }
    if (item.location === undefined) {
      flags.push({
        rule: 'SVC-13',
        code: 'LOCATION_MISSING',
        message: `SVC-13: evidence ${item.id} carries no location from the capturing device`,
        evidenceId: item.id,
      });
    }
  }
  const recordedAt = epochMs(record.completedAt);
  const signatures: readonly [ConfirmingParty, Signature | undefined][] = [
    ['INSURER', service.confirmations.insurer],
    ['ENTERPRISE', service.confirmations.enterprise],
  ];
  for (const [party, signature] of signatures) {
    if (signature === undefined) continue;
    const signed = epochMs(signature.signedAt);
    if (!(signed >= recordedAt)) {
      flags.push({
        rule: 'SVC-13',
        code: 'CONFIRMATION_BEFORE_RECORD',
        message: `SVC-13: the ${party === 'INSURER' ? 'insurer' : 'enterprise'}'s confirmation is dated ${signature.signedAt}, before the record was written at ${record.completedAt}`,
        party,
      });
    }
  }
  const onSite = service.confirmations.enterprise?.onSite;
  if (onSite !== undefined) {
    flags.push({
      rule: 'SVC-13',
      code: 'ENTERPRISE_SIGNED_ON_INSURER_DEVICE',
      message: "SVC-13: the enterprise's signature was captured on the insurer staff's device, not given through an enterprise account",
      party: 'ENTERPRISE',
    });
    if (onSite.location === undefined) {
      flags.push({
        rule: 'SVC-13',
        code: 'LOCATION_MISSING',
        message: "SVC-13: the enterprise's signature captured on site carries no location from the device",
        party: 'ENTERPRISE',
      });
    }
  }
  return flags;
}
