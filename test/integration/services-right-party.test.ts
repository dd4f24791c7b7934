import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { expectOk, scheduleBody, uploadEvidence, walkService, type ErrorBody, type Service } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { XINDA, XINGYUAN, fileQualification, policyBody, registerEnterprises } from '../support/underwriting-fixtures.js';

/**
 * Issue 13, records only the right party makes (SVC-7, SVC-9 由双方确认后归档, SVC-13): the enterprise's
 * confirmation and rectification come from its own login — ent-demo is XINDA's account — or, for an enterprise
 * without one (XINGYUAN here), are captured on the insurer staff's device and flagged as such.
 */

const DEMO = 'Anze-demo-2026';
const XINZHOU = { latitude: 38.4167, longitude: 112.7333 };

interface OnSiteReport {
  reporterName: string;
  closed: boolean;
  userId: string;
  location?: unknown;
}
interface Hazard {
  id: string;
  grade: string;
  status: string;
  rectification?: { closedAt?: string; onSiteReports?: OnSiteReport[] };
  verifications: { accepted: boolean }[];
}
interface SignedService extends Service {
  confirmations: { insurer?: { signerName: string }; enterprise?: { signerName: string; userId: string; onSite?: { location?: unknown } } };
  reviewFlags: { rule: string; code: string; party?: string; evidenceId?: string }[];
}

let test: TestPlatform;
let picc: ApiClient;
let enterprise: ApiClient;
let cityEmb: ApiClient;
let countyEmb: ApiClient;
/** XINDA's policy: the enterprise has an account (ent-demo). */
let withAccount: { id: string };
/** XINGYUAN's policy: the enterprise has no account. */
let withoutAccount: { id: string };

const insurerSigns = async (service: Service) =>
  expectOk(await picc.post<SignedService>(`/services/${service.id}/confirm`, { party: 'INSURER', signerName: '王经理', signedAt: new Date().toISOString() }));

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-staff', DEMO);
  enterprise = await test.signIn('ent-demo', DEMO);
  cityEmb = await test.signIn('emb-city', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  await registerEnterprises(cityEmb, [XINDA, XINGYUAN]);
  expectOk(await fileQualification(await test.signIn('picc-admin', DEMO)));
  const admin = await test.signIn('picc-admin', DEMO);
  withAccount = expectOk(await admin.post<{ id: string }>('/policies', policyBody()), 201);
  withoutAccount = expectOk(await admin.post<{ id: string }>('/policies', policyBody({ enterpriseUscc: XINGYUAN.uscc, employeesCovered: XINGYUAN.staff })), 201);
});
afterAll(async () => test?.stop());

describe('SVC-9 the enterprise confirms the record itself', () => {
  it("SVC-9 refuses the insurer's POST /services/{id}/confirm as ENTERPRISE (400 naming party); the record stays unconfirmed", async () => {
    const service = await walkService(picc, enterprise, scheduleBody(withAccount.id), 'FOLLOWED_UP');
    await insurerSigns(service);
    const asEnterprise = await picc.post<ErrorBody>(`/services/${service.id}/confirm`, { party: 'ENTERPRISE', signerName: '李矿长', signedAt: new Date().toISOString() });
    expect(asEnterprise.status, JSON.stringify(asEnterprise.body)).toBe(400);
    expect(asEnterprise.body.error.details?.map((detail) => [detail.field, detail.rule])).toEqual([['party', 'SVC-9']]);
    const after = expectOk(await picc.get<SignedService>(`/services/${service.id}`));
    expect(after.status).toBe('FOLLOWED_UP');
    expect(after.confirmations.enterprise).toBeUndefined();
    expect((await picc.post<ErrorBody>(`/services/${service.id}/archive`, {})).status).toBe(409);
  });

  it('SVC-9 refuses an on-site signature for an enterprise with an account (409); its own login confirms, unflagged', async () => {
    const service = await walkService(picc, enterprise, scheduleBody(withAccount.id), 'FOLLOWED_UP');
    await insurerSigns(service);
    const onSite = await picc.post<ErrorBody>(`/services/${service.id}/on-site-signature`, { signerName: '李矿长', signedAt: new Date().toISOString(), location: XINZHOU });
    expect(onSite.status, JSON.stringify(onSite.body)).toBe(409);
    expect(onSite.body.error.details?.map((detail) => [detail.field, detail.rule])).toEqual([['enterprise.uscc', 'SVC-9']]);
    const own = expectOk(await enterprise.post<SignedService>(`/me/services/${service.id}/confirm`, { signerName: '李矿长', signedAt: new Date().toISOString() }));
    expect(own.status).toBe('CONFIRMED');
    expect(own.confirmations.enterprise?.onSite).toBeUndefined();
    expect(own.reviewFlags).toEqual([]);
  });

  it('SVC-9 SVC-13 captures the signature on site for an enterprise without an account, flagged through to the archive', async () => {
    const service = await walkService(picc, undefined, scheduleBody(withoutAccount.id), 'FOLLOWED_UP');
    await insurerSigns(service);
    const signed = expectOk(
      await picc.post<SignedService>(`/services/${service.id}/on-site-signature`, { signerName: '孙总经理', signerTitle: '总经理', signedAt: new Date().toISOString() }),
    );
    expect(signed.status).toBe('CONFIRMED');
    expect(signed.confirmations.enterprise).toMatchObject({ signerName: '孙总经理', onSite: {} });
    expect(signed.reviewFlags.map((flag) => [flag.rule, flag.code, flag.party])).toEqual([
      ['SVC-13', 'ENTERPRISE_SIGNED_ON_INSURER_DEVICE', 'ENTERPRISE'],
      ['SVC-13', 'LOCATION_MISSING', 'ENTERPRISE'],
    ]);
    const archived = expectOk(await picc.post<SignedService>(`/services/${service.id}/archive`, {}));
    expect(archived.status).toBe('ARCHIVED');
    expect(archived.reviewFlags.map((flag) => flag.code)).toEqual(['ENTERPRISE_SIGNED_ON_INSURER_DEVICE', 'LOCATION_MISSING']);
  });

  it('SVC-9 tells the insurer whether the served enterprise has an account, so the console offers the on-site capture only where it works', async () => {
    const own = await walkService(picc, undefined, scheduleBody(withAccount.id), 'SCHEDULED');
    const none = await walkService(picc, undefined, scheduleBody(withoutAccount.id), 'SCHEDULED');
    expect(expectOk(await picc.get(`/services/${own.id}/enterprise-account`))).toEqual({ uscc: XINDA.uscc, hasAccount: true });
    expect(expectOk(await picc.get(`/services/${none.id}/enterprise-account`))).toEqual({ uscc: XINGYUAN.uscc, hasAccount: false });
    expect((await enterprise.get(`/services/${own.id}/enterprise-account`)).status).toBe(403);
  });

  it('SVC-13 flags service evidence captured without a location', async () => {
    const scheduled = await walkService(picc, enterprise, scheduleBody(withAccount.id), 'SCHEDULE_CONFIRMED');
    const uploadId = await uploadEvidence(picc, `/services/${scheduled.id}/evidence-uploads`, new TextEncoder().encode(`无定位照片-${Date.now()}`));
    const completed = expectOk(
      await picc.post<SignedService>(`/services/${scheduled.id}/complete`, {
        performedAt: new Date(Date.now() - 60_000).toISOString(),
        place: '主井口',
        personnel: [{ name: '张工' }],
        items: ['主要危险源辨识'],
        measures: '现场查看',
        process: '现场检查',
        evidence: [{ uploadId, kind: 'PHOTO', capturedAt: new Date(Date.now() - 30_000).toISOString(), capturedBy: '张工' }],
      }),
    );
    expect(completed.reviewFlags.map((flag) => [flag.code, flag.evidenceId === completed.evidence[0]?.id])).toEqual([['LOCATION_MISSING', true]]);
  });
});

describe('SVC-7 the enterprise reports its rectification; the insurer verifies', () => {
  const hazardOf = async (policyId: string, enterpriseClient: ApiClient | undefined): Promise<string> => {
    const service = await walkService(picc, enterpriseClient, scheduleBody(policyId, { type: 'HAZARD_INSPECTION' }), 'COMPLETED', {
      hazards: [{ description: `储罐区可燃气体报警器失效-${Date.now()}`, grade: 'MAJOR', rectifyBy: '2099-01-31' }],
      principalName: '孙总经理',
    });
    return service.hazardIds[0] as string;
  };
  const PLAN = { plan: '更换报警探头并联调', dueOn: '2099-01-20', responsiblePerson: '设备科长' };

  it("SVC-7 refuses the insurer's rectification report for an enterprise with an account (409), and one not captured on site (400)", async () => {
    const hazardId = await hazardOf(withAccount.id, enterprise);
    const plain = await picc.post<ErrorBody>(`/hazards/${hazardId}/rectification`, PLAN);
    expect(plain.status, JSON.stringify(plain.body)).toBe(400);
    expect(plain.body.error.details?.map((detail) => detail.field)).toEqual(['onSite']);
    const onSite = await picc.post<ErrorBody>(`/hazards/${hazardId}/rectification`, {
      ...PLAN,
      onSite: { reporterName: '设备科长', reportedAt: new Date().toISOString(), location: XINZHOU },
    });
    expect(onSite.status, JSON.stringify(onSite.body)).toBe(409);
    expect(onSite.body.error.rule).toBe('SVC-7');
    expect(expectOk(await picc.get<Hazard>(`/hazards/${hazardId}`)).status).toBe('OPEN');
    expect(expectOk(await enterprise.post<Hazard>(`/me/hazards/${hazardId}/rectification`, PLAN)).rectification?.onSiteReports).toBeUndefined();
  });

  it('SVC-7 SVC-13 captures a rectification on site for an enterprise without an account; the regulators see the MAJOR hazard closed, with how it was reported', async () => {
    const hazardId = await hazardOf(withoutAccount.id, undefined);
    const onSite = (closed: boolean) => ({ reporterName: '设备科长', reportedAt: new Date().toISOString(), ...(closed ? {} : { location: XINZHOU }) });
    expectOk(await picc.post<Hazard>(`/hazards/${hazardId}/rectification`, { ...PLAN, onSite: onSite(false) }));
    const closure = await uploadEvidence(picc, `/hazards/${hazardId}/evidence-uploads`, new TextEncoder().encode(`整改照片-${Date.now()}`));
    const closed = expectOk(
      await picc.post<Hazard>(`/hazards/${hazardId}/rectification`, {
        closed: true,
        closureNote: '探头已更换',
        closureEvidence: [{ uploadId: closure, kind: 'PHOTO', capturedAt: new Date().toISOString(), capturedBy: '设备科长', location: XINZHOU }],
        onSite: onSite(true),
      }),
    );
    expect(closed.status).toBe('RECTIFIED');
    expectOk(await picc.post<Hazard>(`/hazards/${hazardId}/verify`, { accepted: true, comments: '现场复查合格' }));
    for (const regulator of [cityEmb, countyEmb]) {
      const seen = expectOk(await regulator.get<{ items: Hazard[] }>('/regulator/hazards?grade=MAJOR&status=VERIFIED&limit=100')).items.find((hazard) => hazard.id === hazardId);
      expect(seen?.status).toBe('VERIFIED');
      expect(seen?.rectification?.closedAt).toBeDefined();
      expect(seen?.verifications.map((verification) => verification.accepted)).toEqual([true]);
      expect(seen?.rectification?.onSiteReports?.map((report) => [report.reporterName, report.closed, report.location === undefined])).toEqual([
        ['设备科长', false, false],
        ['设备科长', true, true],
      ]);
    }
  });
});
