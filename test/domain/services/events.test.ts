import { describe, expect, it } from 'vitest';
import { recomputeServiceDeadlines } from '../../../domain/services/deadlines.js';
import { reportRectification, verifyHazard } from '../../../domain/services/hazard.rules.js';
import { issueHazard } from '../../../domain/services/service-record.rules.js';
import { archiveService, confirmRecord, recordFollowUp } from '../../../domain/services/service-sign-off.rules.js';
import { cancelService, confirmSchedule, scheduleService } from '../../../domain/services/service-schedule.rules.js';
import { EXPERT, ORG, POLICY, RULES, SCHEDULE_INPUT, SHA, at, calendar, completedWith, confirmed, evidenceAt, followedUp, scheduled } from './fixtures.js';

const kinds = (change: { readonly events: readonly { readonly type: string; readonly sequence: number }[] }) =>
  change.events.map((event) => [event.type, event.sequence]);

describe('service events (decided by the transitions, stored as given)', () => {
  it('SVC-5 scheduling, agreeing and cancelling each raise their event at the new version, with where the service stands', () => {
    const { state, events } = scheduleService(SCHEDULE_INPUT, { id: 's-1', policy: POLICY, org: ORG, experts: [EXPERT], now: at('2024-09-20T02:00:00Z'), by: 'staff-1' });
    expect(events).toEqual([
      {
        type: 'services.service.scheduled',
        version: 1,
        aggregate: { type: 'service', id: 's-1' },
        sequence: 1,
        tenantId: state.tenantId,
        data: expect.objectContaining({ serviceId: 's-1', policyId: POLICY.id, status: 'SCHEDULED', scheduledOn: state.scheduledOn }) as unknown,
      },
    ]);
    const agreed = confirmSchedule(scheduled(), { confirmedByName: '李矿长' }, { recordedBy: 'INSURER', now: at('2024-09-21T02:00:00Z'), by: 'staff-1' });
    expect(kinds(agreed)).toEqual([['services.service.schedule_confirmed', 2]]);
    expect(kinds(cancelService(scheduled(), '企业停产', { now: at('2024-09-21T02:00:00Z'), by: 'staff-1' }))).toEqual([['services.service.cancelled', 2]]);
  });

  it('SVC-7 SVC-9 completing raises completed with the hazard ids; each hazard issued raises found, and a MAJOR one the alert', () => {
    const completion = completedWith({ hazards: [{ description: '瓦斯超限', grade: 'MAJOR', rectifyBy: '2024-10-15' }], principalName: '赵矿长' }, { hazardIds: ['h-1'] });
    expect(completion.events).toMatchObject([{ type: 'services.service.completed', sequence: 3, data: { status: 'COMPLETED', hazardIds: ['h-1'] } }]);
    const notice = { archiveId: 'a-h1', archiveKey: 'tenants/t-1/archives/a-h1/hazard-notice.html', sha256: SHA, issuedAt: '2024-09-30T02:00:00.000Z', addressedTo: '赵矿长' };
    const major = issueHazard(completion.hazards[0]!, notice);
    expect(major.events).toMatchObject([
      { type: 'services.hazard.found', aggregate: { type: 'hazard', id: 'h-1' }, sequence: 1, data: { hazardId: 'h-1', grade: 'MAJOR', status: 'OPEN' } },
      { type: 'services.hazard.major_found', aggregate: { type: 'hazard', id: 'h-1' }, sequence: 1, data: { hazardId: 'h-1', addressedTo: '赵矿长' } },
    ]);
    const general = issueHazard({ ...completion.hazards[0]!, grade: 'GENERAL' }, notice);
    expect(kinds(general)).toEqual([['services.hazard.found', 1]]);

    const reported = reportRectification(general.state, { plan: '加强通风', dueOn: '2024-10-20', responsiblePerson: '赵副矿长' }, { now: at('2024-10-08T02:00:00Z'), by: 'e', closureEvidence: [] });
    expect(kinds(reported)).toEqual([['services.hazard.rectification_reported', 2]]);
    const closed = reportRectification(reported.state, { closed: true }, { now: at('2024-10-12T02:00:00Z'), by: 'e', closureEvidence: [evidenceAt('2024-10-12T10:00:00+08:00', 'ev-c')] });
    expect(kinds(closed)).toEqual([['services.hazard.rectified', 3]]);
    expect(kinds(verifyHazard(closed.state, { accepted: false, comments: '仍超限' }, { now: at('2024-10-14T02:00:00Z'), by: 's' }))).toEqual([['services.hazard.reopened', 4]]);
    expect(kinds(verifyHazard(closed.state, { accepted: true, comments: '' }, { now: at('2024-10-14T02:00:00Z'), by: 's' }))).toEqual([['services.hazard.verified', 4]]);
  });

  it('SVC-8 SVC-9 SVC-10 following up, signing (signed, then confirmed) and archiving each raise their event', () => {
    const now = at('2024-10-09T02:00:00Z');
    expect(kinds(recordFollowUp(completedWith().service, { channel: 'PHONE', satisfaction: 5, comments: '' }, { now, by: 's' }))).toEqual([['services.service.followed_up', 4]]);
    const once = confirmRecord(followedUp(), { party: 'INSURER', signerName: '王经理', signedAt: '2024-10-09T10:00:00+08:00' }, { now, by: 's' });
    expect(kinds(once)).toEqual([['services.service.signed', 5]]);
    const both = confirmRecord(once.state, { party: 'ENTERPRISE', signerName: '李矿长', signedAt: '2024-10-09T10:05:00+08:00' }, { now, by: 'e' });
    expect(kinds(both)).toEqual([['services.service.confirmed', 6]]);
    const archived = archiveService(confirmed(), { now: at('2024-10-10T02:00:00Z'), by: 's', archiveId: 'a-1', archiveKey: 'tenants/t-1/archives/a-1/record.html', sha256: SHA });
    expect(archived.events).toMatchObject([
      { type: 'services.service.archived', sequence: 7, data: { status: 'ARCHIVED', archiveId: 'a-1', sha256: SHA, archiveKey: 'tenants/t-1/archives/a-1/record.html' } },
    ]);
  });

  it('CAL-2 recomputing deadlines that do not move raises nothing', () => {
    const service = completedWith().service;
    expect(recomputeServiceDeadlines(service, RULES, calendar)).toEqual({ state: service, events: [] });
  });
});
