import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/api-client.js';
import { expectOk, scheduleBody, type Service } from '../support/services-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';
import { TAIXIN, XINDA, fileQualification, policyBody, registerEnterprises, today } from '../support/underwriting-fixtures.js';

/** SVC-5 (issue 15): every new service gets a 服务编号 from its insurer's per-year counter, in its own transaction. */
const DEMO = 'Anze-demo-2026';
type Numbered = Service & { serviceNumber?: string };

let test: TestPlatform;
let picc: ApiClient;
let pingan: ApiClient;
let piccPolicy: string;
let pinganPolicy: string;

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  await registerEnterprises(await test.signIn('emb-city', DEMO), [XINDA, TAIXIN]);
  expectOk(await fileQualification(picc));
  expectOk(await fileQualification(pingan));
  piccPolicy = expectOk(await picc.post<{ id: string }>('/policies', policyBody()), 201).id;
  pinganPolicy = expectOk(await pingan.post<{ id: string }>('/policies', policyBody({ enterpriseUscc: TAIXIN.uscc, employeesCovered: TAIXIN.staff })), 201).id;
});
afterAll(async () => test?.stop());

const sequenceOf = (number: string | undefined) => Number(number?.split('-')[3]);
const schedule = async (client: ApiClient, body: ReturnType<typeof scheduleBody>, key?: string) =>
  expectOk(await client.post<Numbered>('/services', body, key ? { 'Idempotency-Key': key } : {}), 201);

describe('service numbers through the local gateway (SVC-5, issue 15)', () => {
  it('SVC-5 two services of one insurer in one year get consecutive FW numbers; another insurer counts on its own; a retried create burns none', async () => {
    const year = today.slice(0, 4);
    const body = scheduleBody(piccPolicy);
    const first = await schedule(picc, body, 'svc-number-first');
    const retried = await schedule(picc, body, 'svc-number-first');
    const second = await schedule(picc, scheduleBody(piccPolicy));
    expect(first.serviceNumber).toMatch(new RegExp(`^FW-${year}-[0-9A-Z]{8}-\\d{6}$`));
    // The retry with the same Idempotency-Key answers the first service: same id, same number, no number taken.
    expect(retried.id).toBe(first.id);
    expect(retried.serviceNumber).toBe(first.serviceNumber);
    expect(sequenceOf(second.serviceNumber)).toBe(sequenceOf(first.serviceNumber) + 1);
    expect(second.serviceNumber?.slice(0, 17)).toBe(first.serviceNumber?.slice(0, 17));

    const other = await schedule(pingan, scheduleBody(pinganPolicy));
    expect(other.serviceNumber).toMatch(new RegExp(`^FW-${year}-[0-9A-Z]{8}-\\d{6}$`));
    expect(other.serviceNumber?.split('-')[2]).not.toBe(first.serviceNumber?.split('-')[2]);
    const pinganServices = expectOk(await pingan.get<{ items: Numbered[] }>('/services?limit=100')).items;
    const pinganNumbers = pinganServices.map((service) => sequenceOf(service.serviceNumber)).filter((n) => !Number.isNaN(n));
    // Another insurer's sequence is independent: the 平安 numbers run 1..n whatever 人保 took.
    expect(pinganNumbers.sort((a, b) => a - b)).toEqual(pinganNumbers.map((_, index) => index + 1));

    // The number is stored with the service: a read answers it too.
    expect(expectOk(await picc.get<Numbered>(`/services/${second.id}`)).serviceNumber).toBe(second.serviceNumber);
  });
});
