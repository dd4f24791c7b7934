import { describe, expect, it } from 'vitest';
import type { Rectification } from '../../api';
import type { UploadedEvidence } from './evidence-upload';
import { needsPlan, onSiteRectificationRequest, reporterOf, reportsClosed } from './on-site-rectification';

const now = new Date('2026-12-06T03:15:00.000Z');
const photo: UploadedEvidence = {
  uploadId: 'up-1',
  kind: 'PHOTO',
  capturedAt: '2026-12-06T03:10:00.000Z',
  capturedBy: '张服务',
  location: { latitude: 38.43, longitude: 112.71 },
  fileName: '防护罩.png',
  size: 68,
  sha256: 'a'.repeat(64),
};
const planned = { rectification: { plan: '加装防护罩' } as Rectification };

describe('on-site rectification capture (SVC-7, SVC-13)', () => {
  it('SVC-7: a hazard without a plan asks for one; one with a plan is captured only to be reported closed', () => {
    expect(needsPlan({})).toBe(true);
    expect(needsPlan(planned)).toBe(false);
    expect(reportsClosed({}, {})).toBe(false);
    expect(reportsClosed({}, { closed: true })).toBe(true);
    expect(reportsClosed(planned, { closed: false })).toBe(true);
  });

  it('SVC-13: the reporter is named with the title given, as signatures print it', () => {
    expect(reporterOf(' 孙总经理 ', ' 总经理 ')).toBe('孙总经理（总经理）');
    expect(reporterOf('孙总经理', '  ')).toBe('孙总经理');
    expect(reporterOf('孙总经理')).toBe('孙总经理');
  });

  it('SVC-7, SVC-13: the plan with the reporter, the device time and position — no closure fields when not closed', () => {
    const outcome = onSiteRectificationRequest(
      {},
      { reporterName: '孙总经理', reporterTitle: '总经理', plan: ' 加装防护罩 ', dueOn: '2026-12-20', responsiblePerson: ' 赵矿长 ', closureNote: '不发送' },
      { evidence: [photo], now, location: { latitude: 38.43, longitude: 112.71, accuracyMeters: 15 } },
    );
    expect(outcome).toEqual({
      ok: true,
      body: {
        plan: '加装防护罩',
        dueOn: '2026-12-20',
        responsiblePerson: '赵矿长',
        closed: false,
        onSite: { reporterName: '孙总经理（总经理）', reportedAt: '2026-12-06T03:15:00.000Z', location: { latitude: 38.43, longitude: 112.71, accuracyMeters: 15 } },
      },
    });
  });

  it('SVC-7: a plan and its closure in one capture carry the evidence; without a position the report says none (SVC-13 flags it)', () => {
    const outcome = onSiteRectificationRequest(
      {},
      { reporterName: '孙总经理', plan: '加装防护罩', dueOn: '2026-12-20', responsiblePerson: '赵矿长', closed: true, closureNote: ' 已安装 ' },
      { evidence: [photo], now },
    );
    expect(outcome.ok && outcome.body).toMatchObject({
      closed: true,
      closureNote: '已安装',
      closureEvidence: [{ uploadId: 'up-1', kind: 'PHOTO', capturedAt: '2026-12-06T03:10:00.000Z', capturedBy: '张服务', location: { latitude: 38.43, longitude: 112.71 } }],
      onSite: { reporterName: '孙总经理', reportedAt: '2026-12-06T03:15:00.000Z' },
    });
    expect(outcome.ok && 'location' in outcome.body.onSite).toBe(false);
  });

  it('SVC-7: a closure without evidence is stopped before sending; a planned hazard sends no plan fields', () => {
    expect(onSiteRectificationRequest(planned, { reporterName: '孙总经理' }, { evidence: [], now })).toEqual({ ok: false, missing: 'evidence' });
    const outcome = onSiteRectificationRequest(planned, { reporterName: '孙总经理', plan: '旧方案' }, { evidence: [photo], now });
    expect(outcome.ok && outcome.body.closed).toBe(true);
    expect(outcome.ok && 'plan' in outcome.body).toBe(false);
  });
});
