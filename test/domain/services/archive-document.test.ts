import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../domain/archive/canonical-json.js';
import { SERVICE_RECORD_FORMAT, serviceArchiveDocument } from '../../../domain/services/archive-document.js';
import type { Hazard } from '../../../domain/services/hazard.js';
import { issueHazard } from '../../../domain/services/service-record.rules.js';
import { archiveService, confirmRecord, recordFollowUp } from '../../../domain/services/service-sign-off.rules.js';
import type { PreventionService } from '../../../domain/services/service.js';
import { SHA, at, completedWith, confirmed, expectViolation, scheduled } from './fixtures.js';

const META = { archiveId: 'a-1', archivedAt: '2024-10-10T02:00:00.000Z', insurerName: '某财险忻州中心支公司' };

function confirmedWithHazard(): { service: PreventionService; hazards: Hazard[] } {
  const { service, hazards } = completedWith(
    { hazards: [{ description: '灭火器过期', grade: 'GENERAL', rectifyBy: '2024-10-15' }] },
    { hazardIds: ['h-1'] },
  );
  const now = at('2024-10-09T02:00:00Z');
  const followed = recordFollowUp(service, { channel: 'PHONE', satisfaction: 5, comments: '' }, { now, by: 's' }).state;
  const once = confirmRecord(followed, { party: 'INSURER', signerName: '王', signedAt: '2024-10-09T10:00:00+08:00' }, { now, by: 's' }).state;
  const both = confirmRecord(once, { party: 'ENTERPRISE', signerName: '李', signedAt: '2024-10-09T10:00:00+08:00' }, { now, by: 'e' }).state;
  const hazard = issueHazard(hazards[0]!, {
    archiveId: 'a-h1',
    archiveKey: 'tenants/t-1/archives/a-h1/hazard-notice.html',
    sha256: SHA,
    issuedAt: '2024-09-30T02:00:00.000Z',
    addressedTo: '忻州示范煤业有限公司',
  }).state;
  return { service: both, hazards: [hazard] };
}

describe('serviceArchiveDocument', () => {
  it('SVC-10 is canonical JSON of the confirmed record and its hazards, without the fields archiving changes', () => {
    const { service, hazards } = confirmedWithHazard();
    const document = serviceArchiveDocument(service, hazards, META);
    expect(document.fileName).toBe('service-record.json');
    expect(document.contentType).toBe('application/json');
    const parsed = JSON.parse(document.body) as Record<string, unknown>;
    expect(canonicalJson(parsed)).toBe(document.body);
    expect(parsed).toMatchObject({
      format: SERVICE_RECORD_FORMAT,
      archiveId: 'a-1',
      archivedAt: META.archivedAt,
      insurer: { tenantId: 't-1', name: META.insurerName },
      serviceTypeName: '隐患排查',
      hazards: [{ id: 'h-1', grade: 'GENERAL', notice: { archiveId: 'a-h1' } }],
    });
    const record = parsed.service as Record<string, unknown>;
    expect(record).toMatchObject({ id: 's-1', status: 'CONFIRMED', record: { performedOn: '2024-09-27' } });
    expect(record).not.toHaveProperty('version');
    expect(record).not.toHaveProperty('updatedAt');
    expect(record).not.toHaveProperty('archive');
  });

  it('SVC-10 the same data give the same bytes and digest, also rebuilt from the ARCHIVED service', () => {
    const { service, hazards } = confirmedWithHazard();
    const body = serviceArchiveDocument(service, hazards, META).body;
    const digest = createHash('sha256').update(body).digest('hex');
    const archivedService = archiveService(service, { now: at('2024-10-10T02:00:00Z'), by: 's', archiveId: 'a-1', archiveKey: 'archives/a-1', sha256: digest }).state;
    const rebuilt = serviceArchiveDocument(archivedService, hazards, META).body;
    expect(createHash('sha256').update(rebuilt).digest('hex')).toBe(digest);
  });

  it('SVC-9 only a confirmed record is archived (409)', () => {
    expectViolation(() => serviceArchiveDocument(scheduled(), [], META), 'SVC-9', 'status', 409);
  });

  it('SVC-10 the hazards must be exactly those of the service', () => {
    const { service, hazards } = confirmedWithHazard();
    expect(() => serviceArchiveDocument(service, [], META)).toThrow(RangeError);
    expect(() => serviceArchiveDocument(service, [{ ...hazards[0]!, id: 'h-9' }], META)).toThrow(RangeError);
    expect(() => serviceArchiveDocument(confirmed(), hazards, META)).toThrow(RangeError);
  });
});
