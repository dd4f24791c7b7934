import { describe, expect, it } from 'vitest';
import { complaintSchema } from '../../../domain/complaints/complaint.js';
import {
  escalateComplaintBody,
  extendComplaintBody,
  needsVerificationBody,
  receiveComplaintBody,
  replyToComplaintBody,
  selfIntakeComplaintBody,
} from '../../../domain/complaints/complaint.schema.js';
import { isInstant } from '../../../domain/kernel/calendar/instant.js';
import { extendComplaint, replyToComplaint } from '../../../domain/complaints/complaint.rules.js';
import { REPLY, RULES, USCC, at, received } from './fixtures.js';

interface Problem {
  path: string;
  message: string;
}

function problems(schema: { safeParse(value: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown): Problem[] {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : (result.error?.issues ?? []).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

const RECEIVE = {
  policyId: 'p-1',
  enterpriseUscc: USCC,
  receivedAt: '2024-09-27T09:30:00+08:00',
  channel: 'LETTER',
  request: '要求重新排查',
};

describe('complaint body schemas', () => {
  it('CMP-1 accepts an insurer intake and trims its request', () => {
    expect(receiveComplaintBody.parse({ ...RECEIVE, request: ' 要求重新排查 ' })).toEqual(RECEIVE);
  });

  it('CMP-1 names the rule of every intake problem', () => {
    expect(problems(receiveComplaintBody, {})).toEqual([
      { path: 'enterpriseUscc', message: 'UW-2: enterpriseUscc is required: the complainant’s 18-character USCC' },
      {
        path: 'receivedAt',
        message: 'CAL-1: receivedAt is required: an ISO 8601 instant with Z or an offset, e.g. 2024-09-27T09:30:00+08:00',
      },
      { path: 'channel', message: 'CMP-1: channel must be one of PHONE, LETTER, VISIT, ONLINE' },
      { path: 'request', message: 'CMP-1: request is required: what the complainant asks, in its own words' },
    ]);
    expect(problems(receiveComplaintBody, { ...RECEIVE, enterpriseUscc: '91140902100000008B' })).toEqual([
      { path: 'enterpriseUscc', message: 'UW-2: the check character is B but the first 17 characters require A' },
    ]);
  });

  it('CMP-1 an insurer cannot record a CONSOLE complaint: that channel is the enterprise’s own filing', () => {
    expect(problems(receiveComplaintBody, { ...RECEIVE, channel: 'CONSOLE' }).map((problem) => problem.path)).toEqual([
      'channel',
    ]);
  });

  it('CMP-1 refuses unknown fields rather than dropping them', () => {
    expect(problems(receiveComplaintBody, { ...RECEIVE, tenantId: 't-2' })).toEqual([
      { path: '', message: 'unknown field(s): tenantId' },
    ]);
    expect(problems(receiveComplaintBody, null)).toEqual([{ path: '', message: 'the body must be a JSON object' }]);
  });

  it('CMP-1 the enterprise’s own filing carries only what it says', () => {
    expect(selfIntakeComplaintBody.parse({ request: '服务报告与现场不符' })).toEqual({ request: '服务报告与现场不符' });
    expect(problems(selfIntakeComplaintBody, { request: 'x', enterpriseUscc: USCC, channel: 'PHONE' })).toEqual([
      { path: '', message: 'unknown field(s): enterpriseUscc, channel' },
    ]);
  });

  it.each([
    ['2024-09-27T09:30:00+08:00', true],
    ['2024-09-27T01:30Z', true],
    ['2024-09-27T01:30:00.123456Z', true],
    ['2024-09-27t01:30:00z', true],
    ['2024-09-27T09:30:00', false],
    ['2024-09-27', false],
    ['2024-02-30T10:00:00Z', false],
    ['2024-09-26T24:00:00Z', false],
    ['2024-09-27T09:30:00+8:00', false],
    ['27/09/2024 09:30', false],
  ])('CAL-1 isInstant(%s) is %s', (value, expected) => {
    expect(isInstant(value)).toBe(expected);
  });

  it('CMP-4 names the rule for a missing approver, reason or days', () => {
    expect(problems(extendComplaintBody, { days: 0 })).toEqual([
      {
        path: 'approvedBy',
        message: 'CMP-4: approvedBy is required: the responsible officer (投诉处理工作责任人) who approved the extension',
      },
      { path: 'reason', message: 'CMP-4: reason is required: the reason for the extension, as told to the complainant' },
      { path: 'days', message: 'CMP-4: days must be at least 1' },
    ]);
    expect(problems(extendComplaintBody, { approvedBy: '王经理', reason: '复杂', days: '30' })).toEqual([
      { path: 'days', message: 'CMP-4: days must be a whole number of calendar days' },
    ]);
    expect(problems(extendComplaintBody, { approvedBy: 'x'.repeat(101), reason: '复杂', days: 30 })).toEqual([
      { path: 'approvedBy', message: 'CMP-4: at most 100 characters' },
    ]);
  });

  it('CMP-5 names each missing part of a reply, starting the message with CMP-5', () => {
    expect(problems(replyToComplaintBody, { ...REPLY, measures: '' })).toEqual([
      { path: 'measures', message: 'CMP-5: the reply must state the measures taken (measures)' },
    ]);
    const missing = problems(replyToComplaintBody, {});
    expect(missing.map((problem) => problem.path)).toEqual(['request', 'facts', 'basis', 'measures']);
    expect(missing.every((problem) => problem.message.startsWith('CMP-5: '))).toBe(true);
    expect(problems(replyToComplaintBody, { ...REPLY, facts: 'x'.repeat(4001) })).toEqual([
      { path: 'facts', message: 'CMP-5: at most 4000 characters' },
    ]);
  });

  it('CMP-6 names the rule for an escalation target or reason', () => {
    expect(problems(escalateComplaintBody, { to: 'COURT', reason: '' })).toEqual([
      { path: 'to', message: 'CMP-6: to must be one of EMB, NFRA' },
      { path: 'reason', message: 'CMP-6: reason is required: why the complainant escalates' },
    ]);
  });

  it('CMP-3 needs-verification takes no body, or an empty object', () => {
    expect(needsVerificationBody.safeParse(undefined).success).toBe(true);
    expect(needsVerificationBody.safeParse({}).success).toBe(true);
    expect(problems(needsVerificationBody, { days: 30 })).toEqual([{ path: '', message: 'unknown field(s): days' }]);
  });

  it('CMP-1 a complaint in every state survives the trip through JSON and the complaint schema', () => {
    const open = received({ county: '140981' });
    const extended = extendComplaint(open, { approvedBy: '王经理', reason: '复杂', days: 10 }, 's', at('2024-10-08T02:00:00Z'), RULES).state;
    const replied = replyToComplaint(extended, REPLY, 's', at('2024-10-09T02:00:00Z')).state;
    for (const complaint of [open, extended, replied]) {
      expect(complaintSchema.parse(JSON.parse(JSON.stringify(complaint)))).toEqual(complaint);
    }
  });
});
