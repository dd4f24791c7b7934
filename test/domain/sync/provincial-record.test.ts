import { describe, expect, it } from 'vitest';
import { mapPolicy, mapService, mapServiceOrg } from '../../../domain/sync/provincial-record.js';
import type { Policy } from '../../../domain/underwriting/policy.js';
import type { PreventionService } from '../../../domain/services/service.schema.js';
import { provincialReasonOf } from '../../../infra/local/provincial-simulator.js';

const policy = {
  id: 'p1',
  tenantId: 't1',
  policyNumber: 'PZAA1',
  enterprise: { uscc: '91140902100079190P', name: '忻府忻达煤业有限责任公司', industry: 'COAL_MINE', size: 'MEDIUM', county: '140902', employees: 254 },
  periodStart: '2026-12-07',
  periodEnd: '2027-12-06',
  employeesCovered: 254,
  perPersonInsuredAmountFen: 30_000_000,
  perPersonDeathLimitFen: 30_000_000,
  premiumFen: 1_234_500,
  status: 'ISSUED',
  mode: 'INDEPENDENT',
  members: [],
  version: 3,
} as unknown as Policy;

const service = {
  id: 's1',
  tenantId: 't1',
  policyNumber: 'PZAA1',
  enterprise: { uscc: '91140902100079190P', name: '忻达', county: '140902', industry: 'COAL_MINE', size: 'MEDIUM' },
  type: 'HAZARD_INSPECTION',
  status: 'CONFIRMED',
  provider: { kind: 'THIRD_PARTY', orgId: 'org1', orgName: '山西安评科技', registrationNumber: '忻应急备〔2024〕1号' },
  record: { performedOn: '2026-12-01', place: '主井口', items: ['通风', '瓦斯'] },
  hazardIds: ['h1'],
  confirmations: { insurer: {}, enterprise: {} },
  version: 5,
} as unknown as PreventionService;

describe('SYNC-1: our records as the provincial record format (MAPPING.md)', () => {
  it('SYNC-1: a policy maps field by field, written alone as one insurer at 10000 basis points, and the simulated province accepts it', () => {
    const mapped = mapPolicy(policy);
    expect(mapped).toMatchObject({ kind: 'POLICY', sourceVersion: 3, county: '140902', label: 'PZAA1' });
    expect(mapped.record).toMatchObject({
      recordId: 'policy-p1',
      recordVersion: 3,
      insurerRef: 't1',
      policy: { policyNo: 'PZAA1', insuredUscc: '91140902100079190P', countyCode: '140902', status: 'IN_FORCE', insurers: [{ insurerRef: 't1', shareBasisPoints: 10_000, lead: true }] },
    });
    expect(provincialReasonOf(mapped.record as never, { minPerPersonInsuredAmountFen: 0 })).toBeUndefined();
  });

  it('SYNC-1: the simulated province rejects a malformed record naming the field, and a record below its own rule', () => {
    const record = mapPolicy(policy).record as unknown as { policy: Record<string, unknown> };
    expect(provincialReasonOf({ ...record, policy: { ...record.policy, insuredUscc: '123' } }, { minPerPersonInsuredAmountFen: 0 })).toContain('policy.insuredUscc');
    expect(provincialReasonOf(record as never, { minPerPersonInsuredAmountFen: 40_000_000 })).toContain('perPersonInsuredAmountFen');
  });

  it('SYNC-1: a performed service maps with its organisation; the organisation is an entry of the insurer’s list; a scheduled one maps to nothing', () => {
    expect(mapService(service)?.record).toMatchObject({
      recordId: 'service-s1',
      service: { provider: { kind: 'THIRD_PARTY', orgRef: 'org1' }, performedOn: '2026-12-01', hazardsFound: 1, confirmed: true },
    });
    expect(mapServiceOrg(service)).toMatchObject({ kind: 'SERVICE_ORG', sourceId: 'org1', record: { recordId: 'service-org-org1', serviceOrg: { name: '山西安评科技' } } });
    const scheduled = { ...service, status: 'SCHEDULED', record: undefined } as unknown as PreventionService;
    expect(mapService(scheduled)).toBeUndefined();
    expect(mapServiceOrg(scheduled)).toBeUndefined();
  });
});
