import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { retainUntilFor, tenantArchive } from '../../domain/archive/archive-store.js';
import type { ArchiveRecord } from '../../domain/services/archive-record.schema.js';
import { archiveStoreFor } from '../../functions/adapters/archive/archive-store-from-env.js';
import { sha256Hex } from '../../functions/adapters/archive/sha256.js';
import { DynamoArchiveRecordRepository } from '../../functions/adapters/dynamodb/archive-records.repository.js';
import { mainTableName, sharedDynamoDb } from '../../functions/adapters/dynamodb/client.js';
import { DynamoComplaintRepository } from '../../functions/adapters/dynamodb/complaint.repository.js';
import { DynamoServiceRepository } from '../../functions/adapters/dynamodb/services.repository.js';
import { Store } from '../../functions/adapters/dynamodb/store.js';
import { systemClock } from '../../functions/adapters/clock.js';
import type { ApiClient } from '../support/api-client.js';
import { unique } from '../support/fixtures.js';
import { insureXinda } from '../support/insure-enterprise.js';
import { scheduleBody, walkService, type Service } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * Issue 21, isolation layer 2 (ARCHITECTURE.md §3) on the paths the first twin left open: the archive acts with
 * the CALLER's session (not one picked from the key it is about to check), and an enterprise's writes go to the
 * insurer of its own policy — never to a tenant the body or a record's view names. Each case is a deliberate
 * layer-1 bug or a forged id, refused as IAM would refuse it.
 */

const DEMO = 'Anze-demo-2026';

interface Page<T> {
  readonly items: readonly T[];
}
interface ErrorBody {
  readonly error: { readonly code: string };
}

let test: TestPlatform;
let piccStaff: ApiClient;
let enterprise: ApiClient;
let piccId: string;
let pinganId: string;
let policyId: string;

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  piccStaff = await test.signIn('picc-staff', DEMO);
  enterprise = await test.signIn('ent-demo', DEMO);
  const insurers = (await enterprise.get<Page<{ id: string; branchName: string }>>('/me/insurers')).body.items;
  piccId = insurers.find((insurer) => insurer.branchName.startsWith('人保'))?.id as string;
  pinganId = insurers.find((insurer) => insurer.branchName.startsWith('平安'))?.id as string;
  // ent-demo's enterprise insured by 人保 (its only insurer here).
  policyId = (await insureXinda(await test.signIn('picc-admin', DEMO), await test.signIn('emb-city', DEMO))).id;
});
afterAll(() => test?.stop());
afterEach(() => {
  vi.restoreAllMocks();
});

describe('issue 21: layer 2 on the archive and on enterprise writes', () => {
  it('ACL-1 SVC-10 a handler handed another tenant’s archive key is refused by the archive’s layer 2 (AccessDenied, as S3 would), never answered with that tenant’s document', async () => {
    // 平安's own archived record, written through 平安's session.
    const now = new Date();
    const secret = `平安的服务记录-${unique('s')}`;
    const body = new TextEncoder().encode(JSON.stringify({ secret }));
    const otherKey = `tenants/${pinganId}/archives/${unique('a')}/service-record.json`;
    await archiveStoreFor(tenantArchive(pinganId)).put({ key: otherKey, body, contentType: 'application/json', retainUntil: retainUntilFor(now, 5), now });

    // 人保's archived service record (the enterprise confirming and signing for itself on the way), read as it is …
    const archived = await walkService(piccStaff, enterprise, scheduleBody(policyId), 'ARCHIVED');
    const archiveId = archived.archive?.archiveId as string;
    expect((await piccStaff.get(`/archives/${archiveId}`)).status).toBe(200);

    // … and with the layer-1 bug: its record names 平安's key (with 平安's digest, so nothing else would stop it).
    const read = DynamoArchiveRecordRepository.prototype.getArchiveRecord;
    vi.spyOn(DynamoArchiveRecordRepository.prototype, 'getArchiveRecord').mockImplementation(async function (this: DynamoArchiveRecordRepository, tenantId, id) {
      const record = await read.call(this, tenantId, id);
      return record && ({ ...record, key: otherKey, sha256: sha256Hex(body) } satisfies ArchiveRecord);
    });
    const buggy = await piccStaff.get<ErrorBody>(`/archives/${archiveId}`);
    // Refused like an AccessDenied from AWS: a 500 INTERNAL (a bug of ours, logged), never 平安's bytes.
    expect(buggy.status).toBe(500);
    expect(buggy.body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(buggy.body)).not.toContain(secret);
  });

  it('CMP-1 ACL-5 an enterprise’s complaint against an insurer it holds no policy with (a forged insurerId) is refused 404 and nothing is written', async () => {
    const request = `伪造的投诉-${unique('c')}`;
    const forged = await enterprise.post<ErrorBody>('/me/complaints', { insurerId: pinganId, request });
    expect(forged.status).toBe(404);
    const pingan = new DynamoComplaintRepository(new Store(sharedDynamoDb().doc, mainTableName(), systemClock));
    const written = await pingan.listByTenant(pinganId, { limit: 100 });
    expect(written.items.filter((complaint) => complaint.request === request)).toEqual([]);
    // Its own insurer's is accepted as before.
    expect((await enterprise.post('/me/complaints', { insurerId: piccId, request: `${request}-人保` })).status).toBe(201);
  });

  it('SVC-5 ACL-5 an enterprise’s write on a record whose view names another tenant goes nowhere: 404, and the record is unchanged', async () => {
    const scheduled = await walkService(piccStaff, undefined, scheduleBody(policyId), 'SCHEDULED');
    const path = `/me/services/${scheduled.id}/confirm-schedule`;

    // The enterprise view (GSI3) says the service is 平安's: a forged tenant id in the data.
    const view = DynamoServiceRepository.prototype.serviceOf;
    vi.spyOn(DynamoServiceRepository.prototype, 'serviceOf').mockImplementation(async function (this: DynamoServiceRepository, uscc, id) {
      const found = await view.call(this, uscc, id);
      return found && { ...found, tenantId: pinganId };
    });
    const forged = await enterprise.post<ErrorBody>(path, { confirmedByName: '李矿长' });
    expect(forged.status).toBe(404);
    expect((await piccStaff.get<Service>(`/services/${scheduled.id}`)).body).toMatchObject({ status: 'SCHEDULED', version: scheduled.version });

    vi.restoreAllMocks();
    expect((await enterprise.post<Service>(path, { confirmedByName: '李矿长' })).body.status).toBe('SCHEDULE_CONFIRMED');
  });
});
