import { describe, expect, it } from 'vitest';
import { cancelPolicy } from '../../../domain/underwriting/cancellation.rules.js';
import { endorsePolicy } from '../../../domain/underwriting/endorsement.rules.js';
import { policyEventPayload, underwritingEvents } from '../../../domain/underwriting/events.js';
import { issuePolicy } from '../../../domain/underwriting/issue.rules.js';
import { fileQualification } from '../../../domain/underwriting/qualification.js';
import { BODY, COAL_MINE, FILING_INPUT, PICC, RULE_SETS, at, filing, issueContext, issued } from './fixtures.js';

describe('underwriting events', () => {
  it('UW-1 issuing, endorsing and cancelling a policy each raise their event with the policy facts', () => {
    const { state: policy, events: [issuedEvent] } = issuePolicy(BODY, issueContext());
    expect(policy).toEqual(issued());
    expect(issuedEvent).toEqual({
      type: 'underwriting.policy.issued',
      version: 1,
      aggregate: { type: 'policy', id: policy.id },
      sequence: 1,
      tenantId: PICC,
      data: {
        policyId: policy.id,
        policyNumber: policy.policyNumber,
        enterpriseUscc: COAL_MINE.uscc,
        industry: 'COAL_MINE',
        county: '140902',
        periodStart: '2024-07-01',
        periodEnd: '2025-06-30',
        status: 'ISSUED',
        mode: 'INDEPENDENT',
        members: [PICC],
      },
    });
    expect(policyEventPayload.parse(issuedEvent?.data)).toEqual(issuedEvent?.data);

    const { state: endorsed, events: endorsedEvents } = endorsePolicy(policy, { periodEnd: '2025-07-31', reason: '对齐续保日' }, { by: 'u-1', now: at('2024-07-10T02:00:00Z'), ruleSets: RULE_SETS });
    expect(endorsedEvents).toMatchObject([{ type: 'underwriting.policy.endorsed', sequence: 2, data: { periodEnd: '2025-07-31' } }]);

    const { events: cancelledEvents } = cancelPolicy(endorsed, { on: '2025-01-01', reason: '企业关闭' }, at('2024-12-20T02:00:00Z'));
    expect(cancelledEvents).toMatchObject([
      { type: 'underwriting.policy.cancelled', sequence: 3, data: { status: 'CANCELLED', cancelledOn: '2025-01-01' } },
    ]);
  });

  it('QUAL-6 saving a filing raises underwriting.qualification.changed for the tenant and year', () => {
    const { state: saved, events } = fileQualification(undefined, FILING_INPUT, { tenantId: PICC, year: 2024, now: at('2024-06-03T02:00:00Z'), by: 'u-admin' });
    expect(saved).toEqual(filing());
    expect(events).toEqual([
      {
        type: 'underwriting.qualification.changed',
        version: 1,
        aggregate: { type: 'qualification', id: `${PICC}-2024` },
        sequence: 1,
        tenantId: PICC,
        data: { year: 2024, version: 1, filedOn: '2024-06-03' },
      },
    ]);
  });

  it('the catalogue lists every event the context raises, by its name', () => {
    expect(Object.values(underwritingEvents).map((event) => event.name).sort()).toEqual([
      'underwriting.policy.cancelled',
      'underwriting.policy.endorsed',
      'underwriting.policy.issued',
      'underwriting.qualification.changed',
      'underwriting.qualification.paper_filing_recorded',
      'underwriting.refusal.recorded',
    ]);
  });
});
