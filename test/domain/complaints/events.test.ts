import { describe, expect, it } from 'vitest';
import {
  acceptReply,
  escalateComplaint,
  extendComplaint,
  replyToComplaint,
  receiveComplaint,
  requireVerification,
} from '../../../domain/complaints/complaint.rules.js';
import { recomputeDeadlines, reportOverdue } from '../../../domain/complaints/deadlines.js';
import { complaintEventPayload, complaintEvents } from '../../../domain/complaints/events.js';
import { XINZHOU_2024 } from '../../../domain/kernel/rule-set/xinzhou-2024.js';
import { HYPOTHETICAL_2027, INPUT, REPLY, RULES, at, calendar, contextAt, received } from './fixtures.js';

describe('complaint events (decided in domain/complaints, stored as given)', () => {
  it('CMP-1 a received complaint raises complaints.complaint.received with where it stands and when it is due', () => {
    const { state: complaint, events } = receiveComplaint(INPUT, contextAt('2024-09-27T02:00:00Z'));
    expect(complaint).toEqual(received());
    expect(events).toEqual([
      {
        type: 'complaints.complaint.received',
        version: 1,
        aggregate: { type: 'complaint', id: 'c-1' },
        sequence: 1,
        tenantId: 't-1',
        data: {
          complaintId: 'c-1',
          enterpriseUscc: INPUT.enterpriseUscc,
          status: 'OPEN',
          bindingDueOn: complaint.deadlines.binding.dueOn,
          bindingClock: complaint.deadlines.binding.clock,
          provisional: false,
        },
      },
    ]);
    expect(complaintEventPayload.parse(events[0]?.data)).toEqual(events[0]?.data);
  });

  it('CMP-3..6 each transition raises the event of the timeline entry it added, at the new version', () => {
    const now = at('2024-09-30T02:00:00Z');
    const verified = requireVerification(received(), 'u', now, RULES);
    const extended = extendComplaint(received(), { approvedBy: '王经理', reason: '需调取记录', days: 10 }, 'u', now, RULES);
    const replied = replyToComplaint(received(), REPLY, 'u', now);
    const accepted = acceptReply(replied.state, 'e', now);
    const escalated = escalateComplaint(replied.state, { to: 'EMB', reason: '不满意' }, 'e', now);
    expect([verified, extended, replied, accepted, escalated].map((change) => change.events.map((e) => [e.type, e.sequence]))).toEqual([
      [['complaints.complaint.verification_required', 2]],
      [['complaints.complaint.extended', 2]],
      [['complaints.complaint.replied', 2]],
      [['complaints.complaint.accepted', 3]],
      [['complaints.complaint.escalated', 3]],
    ]);
  });

  it('CMP-2..4/CMP-8 an overdue report is the next version with complaints.complaint.overdue; none while on time', () => {
    const complaint = received();
    expect(reportOverdue(complaint, complaint.deadlines.binding.dueOn)).toBeUndefined();
    const report = reportOverdue(complaint, '2024-12-31');
    expect(report?.state).toEqual({ ...complaint, version: 2 });
    expect(report?.events.map((e) => [e.type, e.sequence])).toEqual([['complaints.complaint.overdue', 2]]);
    expect(reportOverdue(replyToComplaint(complaint, REPLY, 'u', at('2024-09-30T02:00:00Z')).state, '2024-12-31')).toBeUndefined();
  });

  it('CAL-2 recomputed deadlines raise complaints.complaint.deadlines_recomputed with the new due date', () => {
    const complaint = received({ receivedAt: '2027-02-03T10:00:00+08:00' }, '2027-02-03T03:00:00Z');
    const { events } = recomputeDeadlines(complaint, { ruleSets: [XINZHOU_2024], calendar: calendar.withYear(HYPOTHETICAL_2027) });
    expect(events.map((e) => [e.type, e.sequence, (e.data as { provisional: boolean }).provisional])).toEqual([
      ['complaints.complaint.deadlines_recomputed', 2, false],
    ]);
  });

  it('declares every event once, version 1, about the complaint aggregate', () => {
    const declared = Object.values(complaintEvents);
    expect(new Set(declared.map((event) => event.name)).size).toBe(declared.length);
    expect(declared.every((event) => event.version === 1 && event.aggregate === 'complaint')).toBe(true);
  });
});
