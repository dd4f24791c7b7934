import { describe, expect, it } from 'vitest';
import { obligationRows } from '../../../domain/services/obligations-list.js';
import type { ObligationStatus, Requirement } from '../../../domain/services/obligations.schema.js';

const requirement = (key: Requirement['key'], status: Requirement['status'], daysLeft: number): Requirement => ({
  key,
  rule: key === 'FIRST_SERVICE' ? 'SVC-2' : 'SVC-1',
  required: 1,
  done: status === 'DONE' ? 1 : 0,
  open: status === 'DONE' ? 0 : 1,
  inProgress: 0,
  dueBy: '2026-12-31',
  daysLeft,
  status,
});
const evaluated = (id: string, policyNumber: string, requirements: Requirement[], planMissing = false) => ({
  policy: { id, policyNumber, enterprise: { uscc: `U-${id}`, name: `企业${id}` } as never },
  status: { policyId: id, basis: 'TABLE', requirements, periodStart: '2026-01-01', periodEnd: '2026-12-31', daysLeftInYear: 25, allDone: false, planMissing } as ObligationStatus,
});

const input = [
  evaluated('a', 'P-2', [requirement('FIRST_SERVICE', 'OVERDUE', -40), requirement('RISK_ASSESSMENT', 'OPEN', 25), requirement('HAZARD_INSPECTION', 'DONE', 25)]),
  evaluated('b', 'P-1', [requirement('FIRST_SERVICE', 'DONE', -100), requirement('RISK_ASSESSMENT', 'OPEN', 31), requirement('DEEP_INSPECTION', 'OVERDUE', -40)], true),
];

describe('SVC-11 (issue 15): the cross-policy obligation rows', () => {
  it('SVC-11 overdue keeps only past-due requirements, most overdue first, then by policy number', () => {
    const rows = obligationRows(input, 'overdue');
    expect(rows.map((row) => `${row.policyNumber}:${row.key}`)).toEqual(['P-1:DEEP_INSPECTION', 'P-2:FIRST_SERVICE']);
    expect(rows[0]).toMatchObject({ enterpriseName: '企业b', enterpriseUscc: 'U-b', planMissing: true, policyId: 'b' });
  });

  it('SVC-11 due-soon keeps open requirements due within 30 days; all keeps everything not done, by days left', () => {
    expect(obligationRows(input, 'due-soon').map((row) => `${row.policyNumber}:${row.key}`)).toEqual(['P-2:RISK_ASSESSMENT']);
    expect(obligationRows(input, 'all').map((row) => row.daysLeft)).toEqual([-40, -40, 25, 31]);
  });
});
