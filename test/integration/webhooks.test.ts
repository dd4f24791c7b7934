import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusEvent } from '../../functions/relay/bus-event.js';
import type { ApiClient } from '../support/api-client.js';
import { HUTUO, XINDA, fileQualification, policyBody, registerEnterprises } from '../support/underwriting-fixtures.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * Issue 17 acceptance, through the local gateway: subscriptions, Standard Webhooks signatures checked by the
 * independent `standardwebhooks` package, the retry schedule driven by the retry loop at a later time (no
 * waiting), isolation (ACL-1, ACL-4), 410, rotation and replay. Every receiver listens on 127.0.0.1.
 */
process.env.ANZE_WEBHOOKS_ALLOW_PRIVATE = 'true';
const DEMO = 'Anze-demo-2026';

interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

let test: TestPlatform;
let receiver: Server;
let base: string;
const received: Received[] = [];
/** Per path: the status to answer the n-th request of one webhook-id with (then 200). */
const script: Record<string, (attemptOfId: number) => number> = {};
let picc: ApiClient;
let pingan: ApiClient;
let countyEmb: ApiClient;
let piccSub: { id: string; secret: string };
let policyIds: string[] = [];

const at = (path: string) => received.filter((r) => r.path === path);
const headersOf = (r: Received) => ({
  'webhook-id': String(r.headers['webhook-id']),
  'webhook-timestamp': String(r.headers['webhook-timestamp']),
  'webhook-signature': String(r.headers['webhook-signature']),
});
async function until(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  for (let waited = 0; !check(); waited += 100) {
    if (waited > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
const later = (ms: number) => new Date(Date.now() + ms);

beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body });
      const sameId = received.filter((r) => r.path === path && r.headers['webhook-id'] === request.headers['webhook-id']).length;
      response.writeHead(script[path]?.(sameId) ?? 200, { 'content-type': 'text/plain' });
      response.end('ok '.repeat(600));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const address = receiver.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  test = await startTestPlatform({ demo: true });
  picc = await test.signIn('picc-admin', DEMO);
  pingan = await test.signIn('pingan-admin', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  const cityEmb = await test.signIn('emb-city', DEMO);
  await registerEnterprises(cityEmb, [XINDA, HUTUO]);
  expect((await fileQualification(picc)).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await test?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('subscriptions (issue 17, ACL-1, ACL-4)', () => {
  it('ACL-1 an insurer admin subscribes to underwriting.policy.*: the whsec_ secret is shown once, never read back', async () => {
    const created = await picc.post<{ id: string; secret: string; eventTypes: string[] }>('/webhooks/subscriptions', {
      url: `${base}/picc`,
      eventTypes: ['underwriting.policy.*'],
      description: '承保系统',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(created.body.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    piccSub = created.body;
    const read = await picc.get<Record<string, unknown>>(`/webhooks/subscriptions/${piccSub.id}`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(piccSub.secret);
    expect(read.body).not.toHaveProperty('secret');
    const listed = await picc.get<{ items: Record<string, unknown>[] }>('/webhooks/subscriptions');
    expect(listed.body.items.map((item) => item.id)).toEqual([piccSub.id]);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
  });

  it('ACL-1 ACL-4 another insurer and the 忻府区 EMB subscribe their own receivers', async () => {
    const other = await pingan.post('/webhooks/subscriptions', { url: `${base}/pingan`, eventTypes: ['underwriting.*', 'services.*'] });
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    const county = await countyEmb.post('/webhooks/subscriptions', { url: `${base}/county`, eventTypes: ['underwriting.policy.issued'] });
    expect(county.status, JSON.stringify(county.body)).toBe(201);
    // ACL-1: one organisation's endpoints are not another's (404 like a missing one).
    expect((await pingan.get(`/webhooks/subscriptions/${piccSub.id}`)).status).toBe(404);
    expect((await countyEmb.get('/webhooks/subscriptions')).body).toMatchObject({ items: [expect.objectContaining({ url: `${base}/county` })] });
  });

  it.each([
    [{ url: 'http://10.0.0.1/hook', eventTypes: ['services.*'] }, 'url'],
    [{ url: 'http://169.254.169.254/latest/meta-data', eventTypes: ['services.*'] }, 'url'],
    [{ url: 'http://[::ffff:192.168.1.1]/x', eventTypes: ['services.*'] }, 'url'],
    [{ url: 'ftp://example.com/x', eventTypes: ['services.*'] }, 'url'],
    [{ url: `${'http://127.0.0.1:1'}/x`, eventTypes: ['underwriting.polcy.*'] }, 'eventTypes[0]'],
    [{ url: `${'http://127.0.0.1:1'}/x`, eventTypes: ['underwriting.policy.issued', 'nope'] }, 'eventTypes[1]'],
    [{ url: `${'http://127.0.0.1:1'}/x`, eventTypes: [] }, 'eventTypes'],
  ])('SSRF and the catalogue: %j is refused with a 400 naming %s', async (body, field) => {
    const refused = await picc.post<{ error: { details?: { field?: string }[] } }>('/webhooks/subscriptions', body);
    expect(refused.status).toBe(400);
    expect(refused.body.error.details?.map((detail) => detail.field)).toContain(field);
  });

  it('ACL-1 insurer staff do not manage endpoints (403)', async () => {
    const staff = await test.signIn('picc-staff', DEMO);
    expect((await staff.get('/webhooks/subscriptions')).status).toBe(403);
  });
});

describe('delivery by the Standard Webhooks specification (issue 17 acceptance)', () => {
  it('a policy issued reaches the insurer’s receiver signed (standardwebhooks verifies it); after two 500s the third attempt delivers, same webhook-id', async () => {
    script['/picc'] = (attempt) => (attempt <= 2 ? 500 : 200);
    for (const enterprise of [XINDA, HUTUO]) {
      const issued = await picc.post<{ id: string }>('/policies', policyBody({ enterpriseUscc: enterprise.uscc, employeesCovered: enterprise.staff }));
      expect(issued.status, JSON.stringify(issued.body)).toBe(201);
      policyIds.push(issued.body.id);
    }
    await until('the first attempts', () => at('/picc').length >= 2);
    await test.platform.webhooks.idle();
    expect(at('/picc')).toHaveLength(2);
    // The schedule's second step is 5 s (±10 %), the third 5 min: the retry loop is run as if that time had come.
    expect(await test.platform.webhooks.deliverDue(later(6_000))).toBe(2);
    expect(at('/picc')).toHaveLength(4);
    expect(await test.platform.webhooks.deliverDue(later(6 * 60_000))).toBe(2);
    const attempts = at('/picc');
    expect(attempts).toHaveLength(6);
    const ids = new Set(attempts.map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(2);
    const verifier = new Webhook(piccSub.secret);
    for (const attempt of attempts) {
      const payload = verifier.verify(attempt.body, headersOf(attempt)) as { type: string; data: { id: string; link: string } };
      expect(payload.type).toBe('underwriting.policy.issued');
      expect(policyIds).toContain(payload.data.id);
      expect(payload.data.link).toBe(`/api/v1/policies/${payload.data.id}`);
      expect(Buffer.byteLength(attempt.body)).toBeLessThanOrEqual(20 * 1024);
    }
    // A wrong secret does not verify.
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(attempts[0]?.body ?? '', headersOf(attempts[0] as Received))).toThrow();
    const log = await picc.get<{ items: { status: string; messageId: string; attempts: { status?: number; latencyMs: number; response?: string }[] }[] }>(
      `/webhooks/deliveries?subscriptionId=${piccSub.id}&status=DELIVERED`,
    );
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(2);
    for (const item of log.body.items) {
      expect(item.attempts.map((attempt) => attempt.status)).toEqual([500, 500, 200]);
      expect(item.attempts.every((attempt) => (attempt.response ?? '').length <= 1024 && attempt.latencyMs >= 0)).toBe(true);
      expect(ids).toContain(item.messageId);
    }
  });

  it('ACL-1: another insurer’s receiver gets nothing of it; ACL-4: the county EMB’s only its county’s policy', async () => {
    await test.platform.webhooks.idle();
    expect(at('/pingan')).toEqual([]);
    const county = at('/county');
    expect(county).toHaveLength(1);
    const body = JSON.parse(county[0]?.body ?? '{}') as { data: { county: string; id: string; link: string } };
    expect(body.data.county).toBe(XINDA.county);
    expect(body.data.link).toMatch(/^\/api\/v1\/regulator\/insurers\/[^/]+\/policies\//);
  });
});

describe('410, rotation, test event and replay (issue 17)', () => {
  it('a test event is signed; after a rotation both secrets sign for 24 h (two signatures), each verifying', async () => {
    script['/picc'] = () => 200;
    const before = received.length;
    const tested = await picc.post<{ status: string; id: string }>(`/webhooks/subscriptions/${piccSub.id}/test`, undefined);
    expect(tested.status, JSON.stringify(tested.body)).toBe(201);
    expect(tested.body.status).toBe('DELIVERED');
    const first = received[before] as Received;
    expect(JSON.parse(first.body)).toMatchObject({ type: 'webhooks.endpoint.tested' });
    new Webhook(piccSub.secret).verify(first.body, headersOf(first));
    const rotated = await picc.post<{ secret: string; previousSecretRetiresAt: string }>(`/webhooks/subscriptions/${piccSub.id}/rotate-secret`, undefined);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(piccSub.secret);
    expect(Date.parse(rotated.body.previousSecretRetiresAt) - Date.now()).toBeGreaterThan(23.9 * 3_600_000);
    await picc.post(`/webhooks/subscriptions/${piccSub.id}/test`, undefined);
    const second = received.at(-1) as Received;
    expect(String(second.headers['webhook-signature']).split(' ')).toHaveLength(2);
    new Webhook(rotated.body.secret).verify(second.body, headersOf(second));
    new Webhook(piccSub.secret).verify(second.body, headersOf(second));
  });

  it('a replay sends the same message again with the same webhook-id', async () => {
    const log = await picc.get<{ items: { id: string; messageId: string }[] }>(`/webhooks/deliveries?subscriptionId=${piccSub.id}&status=DELIVERED&limit=1`);
    const one = log.body.items[0] as { id: string; messageId: string };
    const replayed = await picc.post<{ status: string }>(`/webhooks/deliveries/${one.id}/replay`, undefined);
    expect(replayed.status, JSON.stringify(replayed.body)).toBe(200);
    await until('the replay', () => received.at(-1)?.headers['webhook-id'] === one.messageId);
    await test.platform.webhooks.idle();
    // Another organisation cannot replay it (404 like a missing one).
    expect((await pingan.post(`/webhooks/deliveries/${one.id}/replay`, undefined)).status).toBe(404);
    const since = await picc.post<{ replayed: number }>(`/webhooks/subscriptions/${piccSub.id}/replay`, { since: new Date(Date.now() - 3_600_000).toISOString() });
    expect(since.status).toBe(200);
    expect(since.body.replayed).toBeGreaterThanOrEqual(3);
    await test.platform.webhooks.idle();
  });

  it('410 Gone disables the endpoint at once, with webhooks.subscription.disabled to its owner', async () => {
    script['/gone'] = () => 410;
    const gone = await picc.post<{ id: string }>('/webhooks/subscriptions', { url: `${base}/gone`, eventTypes: ['services.*'] });
    const tested = await picc.post<{ status: string }>(`/webhooks/subscriptions/${gone.body.id}/test`, undefined);
    expect(tested.body.status).toBe('DEAD_LETTERED');
    const read = await picc.get<{ enabled: boolean; disabledReason: string }>(`/webhooks/subscriptions/${gone.body.id}`);
    expect(read.body).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410') });
    await until('the disabled event', () =>
      test.platform.bus.recent().some((event: BusEvent) => event.type === 'webhooks.subscription.disabled' && event.data.subscriptionId === gone.body.id),
    );
    const disabled = test.platform.bus.recent().find((event: BusEvent) => event.type === 'webhooks.subscription.disabled');
    expect(disabled?.tenantId).toBeDefined();
  });

  it('PATCH edits with the version last read (412 on a stale one) and DELETE removes the endpoint', async () => {
    const read = await picc.get<{ version: number }>(`/webhooks/subscriptions/${piccSub.id}`);
    const edited = await picc.request<{ description: string; enabled: boolean }>('PATCH', `/webhooks/subscriptions/${piccSub.id}`, {
      version: read.body.version,
      description: '新描述',
      enabled: false,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ description: '新描述', enabled: false });
    const stale = await picc.request('PATCH', `/webhooks/subscriptions/${piccSub.id}`, { version: read.body.version, enabled: true });
    expect(stale.status).toBe(412);
    expect((await picc.request('DELETE', `/webhooks/subscriptions/${piccSub.id}`)).status).toBe(200);
    expect((await picc.get(`/webhooks/subscriptions/${piccSub.id}`)).status).toBe(404);
  });
});
