import { describe, expect, it } from 'vitest';
import type { BusEvent } from '../../../domain/kernel/event-publisher.port.js';
import { messagesOf } from '../../../domain/notifications/messages.js';
import { reportEvents } from '../../../domain/reports/events.js';

const submitted = (late: boolean): BusEvent => ({
  id: 'e1',
  type: reportEvents.reportSubmitted.name,
  version: 1,
  source: 'anze',
  time: '2026-08-03T02:00:00.000Z',
  tenantId: 't1',
  aggregate: { type: 'report', id: 'r1' },
  sequence: 3,
  data: { reportId: 'r1', tenantId: 't1', insurerName: '人保财险忻州分公司', year: 2026, kind: 'HALF_YEAR', dueOn: '2026-07-31', version: 1, late, submittedAt: '2026-08-03T02:00:00.000Z', xlsxSha256: 'a'.repeat(64), pdfSha256: 'b'.repeat(64) },
});

describe('RPT-1 a submitted report tells its addressees', () => {
  it('RPT-1 the city EMB and the NFRA each get a message linking to the report; a late one says so', () => {
    const messages = messagesOf(submitted(true));
    expect(messages.map((message) => message.audience)).toEqual([
      { kind: 'agency', regulatorId: 'emb-city' },
      { kind: 'agency', regulatorId: 'nfra' },
    ]);
    expect(messages[0]?.draft).toMatchObject({ kind: 'SUPERVISION', title: '报告已报送：人保财险忻州分公司2026年上半年', link: '/regulator/reports/r1' });
    expect(messages[0]?.draft.body).toContain('逾期');
    expect(messagesOf(submitted(false))[0]?.draft.body).not.toContain('逾期');
  });
});
