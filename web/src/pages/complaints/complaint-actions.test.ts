import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../api';
import type { Translate } from '../../i18n';
import { complaintActions } from './complaint-actions';

type ActionFields = Pick<Complaint, 'status' | 'reply' | 'deadlines' | 'needsVerification' | 'extension'>;

const t: Translate = (key) => key;
const open: ActionFields = {
  status: 'OPEN',
  needsVerification: false,
  deadlines: {
    workingDay: { dueOn: '2026-03-02', provisional: false, basis: 'CMP-2' },
    nfra: { dueOn: '2026-02-25', provisional: false, basis: 'CMP-8' },
    binding: { dueOn: '2026-02-25', clock: 'NFRA', provisional: false },
  },
};
const reply = { request: 'r', facts: 'f', basis: 'b', measures: 'm', repliedAt: '2026-02-20T10:00:00+08:00', repliedBy: 'u' };

describe('complaint actions', () => {
  it('CMP-3, CMP-4: verify and extend once each while open and not overdue; escalation not yet, nothing to accept', () => {
    expect(complaintActions(open, '2026-02-20', t)).toEqual({
      verify: undefined,
      extend: undefined,
      escalate: 'complaint.action.why.notYet',
      accept: 'complaint.reply.none',
    });
    const used = complaintActions({ ...open, needsVerification: true, extension: { days: 10, reason: 'x', approvedBy: 'y', toldComplainantOn: '2026-02-20' } }, '2026-02-20', t);
    expect(used.verify).toBe('complaint.action.why.verified');
    expect(used.extend).toBe('complaint.action.why.extended');
  });

  it('CMP-6: once overdue without a reply, the complaint may be escalated and no longer verified or extended', () => {
    const reasons = complaintActions(open, '2026-02-26', t);
    expect(reasons.escalate).toBeUndefined();
    expect(reasons.verify).toBe('complaint.action.why.overdue');
    expect(reasons.extend).toBe('complaint.action.why.overdue');
  });

  it('CMP-6: a replied complaint may be accepted or escalated; a closed one neither', () => {
    expect(complaintActions({ ...open, status: 'REPLIED', reply }, '2026-02-21', t)).toMatchObject({ accept: undefined, escalate: undefined, verify: 'complaint.action.why.notOpen' });
    expect(complaintActions({ ...open, status: 'ACCEPTED', reply }, '2026-02-21', t)).toMatchObject({ accept: 'complaint.action.why.closed', escalate: 'complaint.action.why.closed' });
  });
});
