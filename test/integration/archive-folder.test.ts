import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoDbClientConfig, toDocumentClient } from '../../functions/adapters/dynamodb/client.js';
import { keys } from '../../functions/adapters/dynamodb/keys.js';
import type { ApiClient } from '../support/api-client.js';
import { completeBody, expectOk, scheduleBody, uploadEvidence, walkService, type Service } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { HUTUO, XINDA, fileQualification, policyBody, registerEnterprises, year } from '../support/underwriting-fixtures.js';

/**
 * SVC-10 (issue 18): the enterprise's archive folder (档案夹) — per insured enterprise and policy year, every
 * archived document with its SHA-256, listable, downloadable and verifiable by its insurer and by the
 * regulators in scope, and by no one else.
 */

const DEMO = 'Anze-demo-2026';

interface FolderDocument {
  docId: string;
  kind: string;
  tenantId: string;
  policyId: string;
  fileName: string;
  sha256: string;
  retainUntil?: string;
}
interface Folder {
  uscc: string;
  enterpriseName: string;
  policies: { id: string; year: number }[];
  documents: FolderDocument[];
}
interface Verification {
  docId: string;
  sha256: string;
  actualSha256?: string;
  matches: boolean;
}

let test: TestPlatform;
let picc: ApiClient;
let pingan: ApiClient;
let cityEmb: ApiClient;
let countyEmb: ApiClient;
let nfra: ApiClient;
let piccPolicy: { id: string; tenantId: string };
let piccService: Service;
let piccNoticeId: string;
let pinganNoticeId: string;
const photo = new TextEncoder().encode('档案夹测试：现场照片');

/** A service of `insurer` on the (account-less) HUTUO policy, archived with a photo and a hazard. */
async function archivedService(insurer: ApiClient, policyId: string): Promise<Service> {
  const service = await walkService(insurer, undefined, scheduleBody(policyId), 'SCHEDULE_CONFIRMED');
  const uploadId = await uploadEvidence(insurer, `/services/${service.id}/evidence-uploads`, photo, '现场照片.jpg');
  expectOk(
    await insurer.post(
      `/services/${service.id}/complete`,
      completeBody({
        evidence: [{ uploadId, kind: 'PHOTO', capturedAt: new Date().toISOString(), capturedBy: '张工' }],
        hazards: [{ description: '档案夹测试：配电箱未接地', grade: 'GENERAL', rectifyBy: '2099-12-31' }],
      }),
    ),
  );
  expectOk(await insurer.post(`/services/${service.id}/follow-up`, { channel: 'PHONE', satisfaction: 5, comments: '满意' }));
  const signedAt = new Date().toISOString();
  expectOk(await insurer.post(`/services/${service.id}/confirm`, { party: 'INSURER', signerName: '王经理', signedAt }));
  expectOk(
    await insurer.post(`/services/${service.id}/on-site-signature`, { signerName: '李矿长', signerTitle: '矿长', signedAt, location: { latitude: 38.7, longitude: 112.7 } }),
  );
  return expectOk(await insurer.post<Service>(`/services/${service.id}/archive`, {}));
}

const noticeOf = async (insurer: ApiClient, hazardId: string) =>
  expectOk(await insurer.get<{ notice: { archiveId: string } }>(`/hazards/${hazardId}`)).notice.archiveId;

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  [picc, pingan, cityEmb, countyEmb, nfra] = await Promise.all(
    ['picc-admin', 'pingan-admin', 'emb-city', 'emb-xinfu', 'nfra-xinzhou'].map((username) => test.signIn(username, DEMO)),
  ) as [ApiClient, ApiClient, ApiClient, ApiClient, ApiClient];
  // HUTUO is a 原平市 (140981) enterprise: outside the 忻府区 EMB's view.
  await registerEnterprises(cityEmb, [HUTUO, XINDA]);
  expectOk(await fileQualification(picc));
  expectOk(await fileQualification(pingan));
  piccPolicy = expectOk(await picc.post<{ id: string; tenantId: string }>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff })), 201);
  const line = (type: string, count: number, deep = false) => ({ type, deep, count, items: ['主要危险源'], measures: '现场检查', provider: { kind: 'OWN' }, personnel: ['张工'] });
  expectOk(
    await picc.request('PUT', `/policies/${piccPolicy.id}/service-plan`, {
      goals: '消除重大隐患',
      support: '企业提供资料与陪同',
      basis: '近三年无死亡事故',
      agreedBy: '李矿长',
      agreedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
      items: [line('RISK_ASSESSMENT', 2), line('HAZARD_INSPECTION', 2), line('HAZARD_INSPECTION', 1, true)],
    }),
  );
  piccService = await archivedService(picc, piccPolicy.id);
  piccNoticeId = await noticeOf(picc, piccService.hazardIds[0] as string);
  const pinganPolicy = expectOk(await pingan.post<{ id: string }>('/policies', policyBody({ enterpriseUscc: HUTUO.uscc, employeesCovered: HUTUO.staff })), 201);
  const pinganService = await walkService(pingan, undefined, scheduleBody(pinganPolicy.id), 'COMPLETED', {
    hazards: [{ description: '档案夹测试：另一家承保机构发现的隐患', grade: 'GENERAL', rectifyBy: '2099-12-31' }],
  });
  pinganNoticeId = await noticeOf(pingan, pinganService.hazardIds[0] as string);
}, 120_000);

afterAll(async () => {
  await test?.stop();
});

const folderOf = async (client: ApiClient, query = `?year=${year}`) => client.get<Folder>(`/archive/enterprises/${HUTUO.uscc}${query}`);

describe('SVC-10 the enterprise’s archive folder', () => {
  it('SVC-10 ACL-1 the insurer’s folder holds its plan, record, evidence and hazard notice — never another insurer’s', async () => {
    const folder = expectOk(await folderOf(picc));
    expect(folder).toMatchObject({ uscc: HUTUO.uscc, enterpriseName: HUTUO.name, policies: [{ id: piccPolicy.id, year }] });
    const kinds = folder.documents.map((document) => document.kind);
    expect(kinds).toEqual(expect.arrayContaining(['SERVICE_PLAN', 'SERVICE_RECORD', 'SERVICE_EVIDENCE', 'HAZARD_NOTICE']));
    expect(new Set(folder.documents.map((document) => document.tenantId))).toEqual(new Set([piccPolicy.tenantId]));
    const ids = folder.documents.map((document) => document.docId);
    expect(ids).toContain(piccService.archive?.archiveId);
    expect(ids).toContain(piccNoticeId);
    expect(ids).not.toContain(pinganNoticeId);
    // SVC-10: kept five years from archiving — the record and, from then on, the evidence it cites.
    const record = folder.documents.find((document) => document.kind === 'SERVICE_RECORD');
    const evidence = folder.documents.find((document) => document.kind === 'SERVICE_EVIDENCE');
    expect(new Date(record?.retainUntil ?? 0).getUTCFullYear()).toBeGreaterThanOrEqual(new Date().getUTCFullYear() + 5);
    expect(evidence?.retainUntil).toBe(record?.retainUntil);
    // Another policy year holds nothing of this policy.
    expect(expectOk(await folderOf(picc, `?year=${year - 1}`))).toMatchObject({ policies: [], documents: [] });
  });

  it('SVC-10 lists a document archived before the folder’s index existed (read from the aggregate that cites it)', async () => {
    // The notice's record as written before issue 18: without its policy index entry.
    const doc = toDocumentClient(new DynamoDBClient({ ...dynamoDbClientConfig(), endpoint: test.platform.dynamoDbEndpoint }));
    await doc.send(
      new UpdateCommand({ TableName: test.platform.tables.main, Key: keys.archiveRecord(piccPolicy.tenantId, piccNoticeId), UpdateExpression: 'REMOVE GSI1PK, GSI1SK' }),
    );
    expect(expectOk(await folderOf(picc)).documents.map((document) => document.docId)).toContain(piccNoticeId);
  });

  it('ACL-1 another insurer: the enterprise it never insured answers 404, and another insurer’s document under its own is 404', async () => {
    const never = await pingan.get<{ error: { code: string } }>(`/archive/enterprises/${XINDA.uscc}`);
    expect(never.status).toBe(404);
    const foreign = await pingan.get<{ error: { code: string } }>(`/archive/enterprises/${HUTUO.uscc}/documents/${piccNoticeId}`);
    expect(foreign.status).toBe(404);
    expect((await pingan.post(`/archive/enterprises/${HUTUO.uscc}/documents/${piccNoticeId}/verify`, undefined)).status).toBe(404);
    // Its own folder of the same enterprise has its own notice only.
    const own = expectOk(await folderOf(pingan)).documents.map((document) => document.docId);
    expect(own).toContain(pinganNoticeId);
    expect(own).not.toContain(piccNoticeId);
  });

  it('ACL-2 ACL-4 the city EMB and the NFRA read every insurer’s documents; the 忻府区 EMB does not see a 原平市 enterprise (404)', async () => {
    for (const regulator of [cityEmb, nfra]) {
      const ids = expectOk(await folderOf(regulator)).documents.map((document) => document.docId);
      expect(ids).toEqual(expect.arrayContaining([piccNoticeId, pinganNoticeId]));
    }
    expect((await folderOf(countyEmb)).status).toBe(404);
    expect((await countyEmb.get(`/archive/enterprises/${HUTUO.uscc}/documents/${piccNoticeId}`)).status).toBe(404);
  });

  it('SVC-10 a document downloads by a short-lived link, verifies, and a tampered local object is detected', async () => {
    const folder = expectOk(await folderOf(cityEmb));
    const evidence = folder.documents.find((document) => document.kind === 'SERVICE_EVIDENCE') as FolderDocument;
    const link = expectOk(await cityEmb.get<{ url: string; method: string; fileName: string }>(`/archive/enterprises/${HUTUO.uscc}/documents/${evidence.docId}`));
    expect(link).toMatchObject({ method: 'GET', fileName: '现场照片.jpg' });
    const file = await fetch(link.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(photo);

    const verifyPath = `/archive/enterprises/${HUTUO.uscc}/documents/${evidence.docId}/verify`;
    expect(expectOk(await picc.post<Verification>(verifyPath, undefined))).toMatchObject({ docId: evidence.docId, sha256: evidence.sha256, actualSha256: evidence.sha256, matches: true });

    // Someone with the disk edits the file: the digest recorded in the table no longer matches.
    const key = new URL(link.url).pathname.replace(/^\/local-archive\//, '');
    const path = join(process.env.ANZE_ARCHIVE_DIR as string, decodeURIComponent(key));
    chmodSync(path, 0o644);
    writeFileSync(path, '改过的照片');
    const tampered = expectOk(await cityEmb.post<Verification>(verifyPath, undefined));
    expect(tampered.matches).toBe(false);
    expect(tampered.sha256).toBe(evidence.sha256);
    expect(tampered.actualSha256).not.toBe(evidence.sha256);
  });
});
