import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../../domain/complaints/complaint.js';
import type { FeeSummary } from '../../../domain/fees/compliance.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import type { PolicyFacts } from '../../../domain/services/policy-facts.js';
import type { PreventionService } from '../../../domain/services/service.js';
import type { SupervisionNotice } from '../../../domain/supervision/notice.js';
import { WORKBENCH_SHOWN, workbenchOf } from '../../../domain/supervision/workbench.js';

const today = '2026-12-07';
const horizon = '2026-12-10';
const enterprise = { name: '忻府忻达煤业有限责任公司', uscc: '91140902100079190P', county: '140902', industry: 'COAL_MINE', size: 'MEDIUM' } as const;
const deadlines = (followUp: string, archive: string) => ({ followUp: { dueOn: followUp, provisional: false }, archive: { dueOn: archive, provisional: false } });
const service = (id: string, status: string, followUp: string, archive = '2027-01-20') =>
  ({ id, status, enterprise, deadlines: deadlines(followUp, archive), confirmations: {} }) as unknown as PreventionService;
const policy = (id: string, overrides: Partial<PolicyFacts> = {}): PolicyFacts => ({
  id,
  tenantId: 't1',
  policyNumber: `P-${id}`,
  enterprise,
  periodStart: '2026-06-01',
  periodEnd: '2027-05-31',
  status: 'ISSUED',
  ruleSetId: 'XINZHOU-2024',
  ruleSetVersion: 1,
  ...overrides,
});
const none = { items: [], more: false };

const bench = (input: Partial<Parameters<typeof workbenchOf>[0]>) =>
  workbenchOf({
    today,
    horizon,
    services: none,
    hazards: none,
    complaints: none,
    policies: none,
    notices: none,
    cells: {},
    year: 2026,
    fees: { tenantId: 't1', year: 2026 } as FeeSummary,
    ...input,
  });

describe('the insurer’s workbench (issue 14)', () => {
  it('SVC-8 SVC-9 a COMPLETED service owes its follow-up, a FOLLOWED_UP one its archive; overdue before today, due soon up to the horizon, later ones left out', () => {
    const answer = bench({
      services: {
        items: [service('a', 'COMPLETED', '2026-12-01'), service('b', 'COMPLETED', '2026-12-10'), service('c', 'COMPLETED', '2026-12-11'), service('d', 'FOLLOWED_UP', '2026-11-01', '2026-12-07')],
        more: false,
      },
    });
    expect(answer.followUps).toMatchObject({ overdue: 1, dueSoon: 1, more: false });
    expect(answer.followUps.items.map((item) => item.id)).toEqual(['a', 'b']);
    // The due day itself is not overdue: only a day past it is.
    expect(answer.archives).toMatchObject({ overdue: 0, dueSoon: 1, items: [{ id: 'd', dueOn: '2026-12-07', overdue: false }] });
  });

  it('SVC-7 CMP-2 a hazard by its plan date once reported, a complaint by its binding date; lists show the first ten, counts all read', () => {
    const hazard = { id: 'h', enterprise, grade: 'MAJOR', status: 'RECTIFYING', rectifyBy: '2027-03-01', rectification: { dueOn: '2026-12-05' } } as unknown as Hazard;
    const complaints = Array.from({ length: 12 }, (_, n) => ({ id: `c${n}`, request: '服务人员未按约定到场开展隐患排查工作并出具报告', deadlines: { binding: { dueOn: '2026-12-02' } } }) as unknown as Complaint);
    const answer = bench({ hazards: { items: [hazard], more: false }, complaints: { items: complaints, more: true } });
    expect(answer.hazards.items).toEqual([{ id: 'h', name: enterprise.name, dueOn: '2026-12-05', overdue: true, major: true }]);
    expect(answer.complaints).toMatchObject({ overdue: 12, dueSoon: 0, more: true });
    expect(answer.complaints.items).toHaveLength(WORKBENCH_SHOWN);
    expect(answer.complaints.items[0]?.name).toBe('服务人员未按约定到场开展隐患排查工作并出…');
  });

  it('SVC-4 a plan is missing on a policy in force without one — not on one that ended, was cancelled, or has its plan', () => {
    const answer = bench({
      policies: {
        items: [
          { policy: policy('missing'), hasPlan: false },
          { policy: policy('planned'), hasPlan: true },
          { policy: policy('ended', { periodStart: '2025-11-01', periodEnd: '2026-10-31' }), hasPlan: false },
          { policy: policy('cancelled', { status: 'CANCELLED', cancelledOn: '2026-12-01' }), hasPlan: false },
          { policy: policy('starting', { periodStart: '2026-12-09', periodEnd: '2027-12-08' }), hasPlan: false },
        ],
        more: false,
      },
    });
    expect(answer.plansMissing.items.map((item) => item.id)).toEqual(['missing', 'starting']);
    expect(answer.plansMissing.count).toBe(2);
  });

  it('SVC-1 SVC-2 SUP-3 the year’s obligations add the insurer’s county cells (not the fee cell); open notices by status', () => {
    const notices = [
      { id: 'n1', status: 'ISSUED', dueOn: '2026-12-01', subject: { label: '甲' } },
      { id: 'n2', status: 'ANSWERED', dueOn: '2026-12-01', subject: { label: '乙' } },
      { id: 'n3', status: 'CLOSED', dueOn: '2026-12-01', subject: { label: '丙' } },
    ] as unknown as SupervisionNotice[];
    const answer = bench({
      cells: {
        '2026|t1|140902': { oblRequired: 5, oblDone: 3, oblOverdue: 1 },
        '2026|t1|140981': { oblRequired: 2, oblDone: 2 },
        '2026|t1|ALL': { feeAccrued: 100 },
      },
      notices: { items: notices, more: false },
    });
    expect(answer.obligations).toEqual({ year: 2026, required: 7, done: 5, overdue: 1 });
    expect(answer.notices).toMatchObject({ issued: 1, answered: 1, overdue: 1 });
    expect(answer.notices.items.map((item) => [item.id, item.overdue])).toEqual([
      ['n1', true],
      ['n2', false],
    ]);
  });
});
