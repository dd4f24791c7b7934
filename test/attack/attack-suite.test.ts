import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowed } from '../../functions/http/access-matrix.js';
import { localKeyPair } from '../../functions/adapters/auth/local-tokens.js';
import { dynamoDbClientConfig } from '../../functions/adapters/dynamodb/client.js';
import { usccCheckCharacter } from '../../domain/kernel/uscc.js';
import type { Agency, Role } from '../../domain/identity/role.js';
import { startTestPlatform, OPERATOR_PASSWORD, type TestPlatform } from '../support/test-platform.js';
import { XINDA, fileQualification, policyBody, registerEnterprises } from '../support/underwriting-fixtures.js';
import { AttackClient, type AttackRequest, type AttackResponse, type Check } from './support/attack-client.js';
import { toJsonText } from './support/json-text.js';
import { NAVIGATION_SEGMENTS, RAW_SEGMENTS, STATIC_PATHS, decodedOrUndefined } from './support/path-attacks.js';
import { SchemaArbitraries, type JsonSchema } from './support/schema-arbitraries.js';
import { AUTHORIZATION_HEADERS, tokenAttacks } from './support/token-attacks.js';
import { signInWithTotp } from '../support/totp-sign-in.js';

/**
 * The standing attack suite (issue 12): what an attacker sends, generated from the OpenAPI document the platform
 * serves, against the real local platform (gateway → handlers → DynamoDB Local) on 127.0.0.1 only.
 *
 * 1. Every write route gets bodies with at least one violation its schema alone refuses (wrong type, missing
 *    or extra field, out of enum, too long, pattern or range broken, ill-formed date), decorated with hostile
 *    values elsewhere — huge and unicode strings, numbers at the edges, odd dates, prototype-pollution keys — plus
 *    malformed JSON and wrong content types: 400 with the envelope naming a field, never 5xx.
 * 2. Every route gets malformed path parameters, raw and encoded: 4xx, never 5xx.
 * 3. Every route that needs a token gets forged, tampered, expired and ill-shaped ones: 401.
 * 4. Nothing was written by 1–3: the items of both tables are counted before and after (the generators keep to
 *    invalid inputs, so no request in 1–3 may succeed, and a 2xx there is a finding in itself).
 * 5. Only then, bodies valid by the schema's keywords with hostile values in every free position (which the
 *    server may still refuse by its rules, or accept and write): never 5xx. These may write, so they run after
 *    the count and are excluded from it; their 2xx are counted in the summary.
 *
 * Every 5xx, reset connection, missing or repeated `x-request-id` and unexpected answer is reported with the
 * request that caused it (also written to test-results/attack-report.json). `ANZE_ATTACK_SCALE` (default 1)
 * scales the generated cases; `ANZE_ATTACK_SEED` replays a run.
 */

const SCALE = Number(process.env.ANZE_ATTACK_SCALE ?? 1);
const SEED = Number(process.env.ANZE_ATTACK_SEED ?? Date.now() % 2 ** 31);
const INVALID_BODIES_PER_ROUTE = Math.round(150 * SCALE);
const SHAPED_BODIES_PER_ROUTE = Math.round(25 * SCALE);
const MIN_REQUESTS = 20_000;
const DEMO_PASSWORD = 'Anze-demo-2026';
const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const PLACEHOLDER_ID = '01placeholder0000000000000';
const UNREGISTERED_USCC = `91140902100000003${usccCheckCharacter('91140902100000003')}`;
const VALID_PARAM: Record<string, string> = { uscc: UNREGISTERED_USCC, year: '2099' };

interface Caller {
  readonly username: string;
  readonly role: Role;
  readonly agency?: Agency;
  token?: string;
}

/** One caller of each kind, from the demo data; each route is attacked as a caller it admits, so input reaches validation. */
const CALLERS: Caller[] = [
  { role: 'platform-operator', username: 'operator' },
  { role: 'insurer-admin', username: 'picc-admin' },
  { role: 'insurer-staff', username: 'picc-staff' },
  { role: 'regulator-admin', agency: 'EMB_CITY', username: 'emb-city' },
  { role: 'regulator', agency: 'EMB_COUNTY', username: 'emb-xinfu' },
  { role: 'regulator', agency: 'NFRA', username: 'nfra-xinzhou' },
  { role: 'enterprise', username: 'ent-demo' },
];

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly routeKey: string;
  readonly isPublic: boolean;
  readonly params: readonly string[];
  readonly query: readonly { name: string; schema: JsonSchema }[];
  readonly body?: JsonSchema;
  /** The authorization header of a caller the route admits (none for public routes). */
  readonly auth: Record<string, string>;
}

let test: TestPlatform;
let client: AttackClient;
let arbitraries: SchemaArbitraries;
let operations: Operation[];
let insurerToken: string;
let itemsBefore: { main: number; idempotency: number };
let startedAt: number;
let shapedSuccesses = 0;

const fill = (operation: Operation, values: Record<string, string> = {}): string =>
  operation.path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? VALID_PARAM[name] ?? PLACEHOLDER_ID);

async function countItems(table: string): Promise<number> {
  const dynamo = new DynamoDBClient(dynamoDbClientConfig());
  try {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await dynamo.send(new ScanCommand({ TableName: table, Select: 'COUNT', ExclusiveStartKey: start as never }));
      count += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return count;
  } finally {
    dynamo.destroy();
  }
}

/** Both tables' item counts once the relay and projections have settled (two equal readings in a row). */
async function settledCounts(): Promise<{ main: number; idempotency: number }> {
  let last = '';
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const counts = { main: await countItems(test.platform.tables.main), idempotency: await countItems(test.platform.tables.idempotency) };
    const reading = JSON.stringify(counts);
    if (reading === last) return counts;
    last = reading;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return JSON.parse(last) as { main: number; idempotency: number };
}

const envelope = (response: AttackResponse): { code?: string; message?: string; details?: { field?: string }[] } | undefined => {
  try {
    return (JSON.parse(response.body) as { error?: { code?: string; message?: string; details?: { field?: string }[] } }).error;
  } catch {
    return undefined;
  }
};

/** 400 with the error envelope, every problem naming its field (413 for a body over the 6 MB limit). */
const refusedAsInvalid: Check = (response, request) => {
  // Near API Gateway's 6 MB payload limit (a string at its schema's 6,000,000 maximum, plus one) 413 is the answer.
  if ((request.body?.length ?? 0) > 5_900_000) return response.status === 413 || response.status === 400 ? undefined : `expected 413, got ${response.status}`;
  if (response.status !== 400) return `expected 400, got ${response.status}`;
  const error = envelope(response);
  if (!error?.code || !error.message) return '400 without the error envelope';
  if (!error.details?.length || error.details.some((detail) => !detail.field)) return '400 without details naming the field';
  return undefined;
};

/** Any 4xx with the error envelope. */
const refusedWithEnvelope: Check = (response) => {
  if (response.status < 400 || response.status >= 500) return `expected 4xx, got ${response.status}`;
  if (!envelope(response)?.code) return `${response.status} without the error envelope`;
  return undefined;
};

const unauthorized: Check = (response) => {
  if (response.status !== 401) return `expected 401, got ${response.status}`;
  if (!envelope(response)?.code) return '401 without the error envelope';
  return undefined;
};

function findingsOf(prefix: string) {
  return client.report().filter((finding) => finding.attack.startsWith(prefix));
}

function expectNoFindings(prefix: string) {
  const findings = findingsOf(prefix);
  const summary = findings.slice(0, 30).map((f) => `${f.count}× ${f.problem} — ${f.attack} on ${f.route}\n    e.g. ${JSON.stringify(f.examples[0])}`);
  expect(findings.length, `${findings.reduce((n, f) => n + f.count, 0)} bad answers in ${findings.length} groups:\n${summary.join('\n')}`).toBe(0);
}

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  for (const caller of CALLERS) {
    const password = caller.username === 'operator' ? OPERATOR_PASSWORD : DEMO_PASSWORD;
    const response = await signInWithTotp(test.url, caller.username, password);
    expect(response.status, `sign-in of ${caller.username}`).toBe(200);
    caller.token = response.body.accessToken as string;
  }
  insurerToken = CALLERS.find((caller) => caller.role === 'insurer-admin')?.token as string;
  // MON-2: the data-source routes are fuzzed with a real API key, that of a source on one of the insurer's policies.
  const asInsurer = test.anonymous.withToken(insurerToken);
  await registerEnterprises(await test.signIn('emb-city', DEMO_PASSWORD), [XINDA]);
  expect((await fileQualification(asInsurer)).status).toBe(200);
  const policyId = (await asInsurer.post<{ id: string }>('/policies', policyBody())).body.id;
  const source = await asInsurer.post<{ apiKey: string }>('/monitoring/sources', { policyId, name: '攻击测试数据源' });
  expect(source.status, JSON.stringify(source.body)).toBe(201);
  const apiKey = source.body.apiKey;
  const document = (await (await fetch(`${test.url}/api/v1/openapi.json`)).json()) as JsonSchema & { paths: Record<string, Record<string, JsonSchema>> };
  arbitraries = new SchemaArbitraries(document);
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]): Operation => {
      const routeKey = `${method.toUpperCase()} ${path}`;
      const roles = (operation['x-anze-roles'] ?? []) as string[];
      const keyed = roles.includes('api-key');
      // MON-2: a data source's routes take its API key, never a token: no token attacks, the key on every other.
      const isPublic = roles.includes('public') || keyed;
      const caller = CALLERS.find((candidate) => isAllowed(routeKey, candidate.role, candidate.agency));
      if (!isPublic && !caller) throw new Error(`no demo caller may call ${routeKey}`);
      const parameters = ((operation.parameters ?? []) as JsonSchema[]).map((parameter) => arbitraries.resolve(parameter));
      const requestBody = operation.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined;
      return {
        method: method.toUpperCase(),
        path,
        routeKey,
        isPublic,
        params: parameters.filter((p) => p.in === 'path').map((p) => p.name as string),
        query: parameters.filter((p) => p.in === 'query').map((p) => ({ name: p.name as string, schema: p.schema as JsonSchema })),
        body: requestBody?.content?.['application/json']?.schema,
        auth: keyed ? { 'x-api-key': apiKey } : isPublic ? {} : { authorization: `Bearer ${caller?.token ?? ''}` },
      };
    }),
  );
  client = new AttackClient(test.platform.port);
  itemsBefore = await settledCounts();
  startedAt = performance.now();
}, 180_000);

afterAll(async () => {
  if (client) {
    const seconds = (performance.now() - startedAt) / 1000;
    const report = {
      seed: SEED,
      scale: SCALE,
      requests: client.sent,
      seconds: Math.round(seconds * 10) / 10,
      perSecond: Math.round(client.sent / seconds),
      statuses: Object.fromEntries([...client.statuses].sort(([a], [b]) => a - b)),
      statusesByAttack: Object.fromEntries([...client.statusesByFamily].map(([family, statuses]) => [family, Object.fromEntries(statuses)])),
      shapedSuccesses,
      findings: client.report(),
    };
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/attack-report.json', JSON.stringify(report, null, 2));
    console.log(
      `attack suite: ${report.requests} requests in ${report.seconds} s (${report.perSecond}/s), seed ${SEED}; statuses ${JSON.stringify(report.statuses)}; ` +
        `${client.count((s) => s >= 500 || s === 0)} 5xx or resets; ${report.findings.length} finding groups (test-results/attack-report.json)`,
    );
    client.close();
  }
  await test?.stop();
});

describe('issue 12 standing attack suite (OWASP API8, API4; ARCHITECTURE.md §5)', () => {
  it('every write route answers generated bodies its schema refuses with 400 naming the field, never 5xx', async () => {
    const writes = operations.filter((operation) => WRITE_METHODS.has(operation.method.toLowerCase()) && operation.body);
    expect(writes.length).toBeGreaterThan(30);
    const requests: AttackRequest[] = [];
    writes.forEach((operation, index) => {
      const invalid = arbitraries.invalid(operation.body as JsonSchema);
      if (!invalid) throw new Error(`${operation.routeKey}: the body schema refuses nothing`);
      const cases = fc.sample(fc.tuple(invalid, fc.boolean(), fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain')), {
        numRuns: INVALID_BODIES_PER_ROUTE,
        seed: SEED + index,
      });
      for (const [body, withIdempotencyKey, contentType] of cases) {
        requests.push({
          attack: 'body:invalid',
          route: operation.routeKey,
          method: operation.method,
          path: fill(operation),
          headers: {
            ...operation.auth,
            'content-type': contentType,
            ...(withIdempotencyKey && operation.method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
          },
          body: toJsonText(body),
        });
      }
    });
    await client.run(requests, refusedAsInvalid);
    expectNoFindings('body:');
  }, 180_000);

  it('every write route answers malformed JSON, wrong content types and an over-limit body with a 4xx envelope, never 5xx', async () => {
    const writes = operations.filter((operation) => WRITE_METHODS.has(operation.method.toLowerCase()));
    const malformed: [string, string | Buffer, string][] = [
      ['truncated', '{"a":', 'application/json'],
      ['open brace', '{', 'application/json'],
      ['single quotes', "{'a':1}", 'application/json'],
      ['NaN', '{"a":NaN}', 'application/json'],
      ['Infinity', '{"a":Infinity}', 'application/json'],
      ['trailing comma', '{"a":1,}', 'application/json'],
      ['comment', '{"a":1 /* x */}', 'application/json'],
      ['duplicate keys', '{"username":"a","username":{"$ne":1}}', 'application/json'],
      ['BOM', '\ufeff{}', 'application/json'],
      ['NUL', '\u0000', 'application/json'],
      ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'application/json'],
      ['deep objects', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`, 'application/json'],
      ['array', '[{}]', 'application/json'],
      ['string', '"x"', 'application/json'],
      ['number', '1e400', 'application/json'],
      ['null', 'null', 'application/json'],
      ['prototype pollution', '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}', 'application/json'],
      ['form', 'a=1&b=2&__proto__[isAdmin]=true', 'application/x-www-form-urlencoded'],
      ['multipart', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', 'multipart/form-data; boundary=x'],
      ['xml', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>', 'application/xml'],
      ['binary', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0xc0, 0xaf]), 'application/octet-stream'],
      ['UTF-16', Buffer.from('{"a":1}', 'utf16le'), 'application/json; charset=utf-16'],
      ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), 'application/json'],
      ['no content type', '{"a":', ''],
      ['HTML', '<script>alert(1)</script>', 'text/html'],
    ];
    const requests: AttackRequest[] = writes.flatMap((operation) =>
      malformed.map(([name, body, contentType]) => ({
        attack: `json:${name}`,
        route: operation.routeKey,
        method: operation.method,
        path: fill(operation),
        headers: { ...operation.auth, ...(contentType ? { 'content-type': contentType } : {}) },
        body,
      })),
    );
    // Issue 12 #6: over API Gateway's 6 MB limit, the answer is 413 with the envelope and a clean close.
    const complaints = writes.find((operation) => operation.routeKey === 'POST /api/v1/complaints') as Operation;
    requests.push({
      attack: 'json:body over 6 MB',
      route: complaints.routeKey,
      method: 'POST',
      path: fill(complaints),
      headers: { ...complaints.auth, 'content-type': 'application/json' },
      body: `{"request":"${'x'.repeat(7 * 1024 * 1024)}"}`,
    });
    // Bodiless write routes take no JSON: whatever is sent, nothing goes wrong (400, or 404 for the placeholder).
    await client.run(requests, (response, request) =>
      request.attack === 'json:body over 6 MB' ? (response.status === 413 ? undefined : `expected 413, got ${response.status}`) : refusedWithEnvelope(response, request),
    );
    expectNoFindings('json:');
  }, 180_000);

  it('every route answers malformed path parameters, raw and encoded, with 400 or 404 — never 5xx (issue 12 #4)', async () => {
    const segments = [...new Set([...RAW_SEGMENTS, ...RAW_SEGMENTS.map(decodedOrUndefined).filter((d): d is string => d !== undefined).map(encodeURIComponent), ...NAVIGATION_SEGMENTS])];
    const requests: AttackRequest[] = operations
      .filter((operation) => operation.params.length > 0)
      .flatMap((operation) =>
        operation.params.flatMap((param) =>
          segments.map((segment) => ({
            attack: `path:${segment.slice(0, 40)}`,
            route: operation.routeKey,
            method: operation.method,
            path: fill(operation, { [param]: segment }),
            headers: { ...operation.auth, ...(operation.body ? { 'content-type': 'application/json' } : {}) },
            body: operation.body ? '{}' : undefined,
          })),
        ),
      );
    const statics: AttackRequest[] = STATIC_PATHS.map((path) => ({ attack: `static:${path.slice(0, 40)}`, route: path.slice(0, 60), method: 'GET', path }));
    // `.` and `..` are path navigation: `/users/.` is `/users/`, a list — any answer but a 5xx is right there.
    const navigation = new Set(NAVIGATION_SEGMENTS);
    await client.run(requests, (response, request) =>
      (response.status >= 400 && response.status < 500) || navigation.has(request.attack.slice('path:'.length)) ? undefined : `expected 4xx, got ${response.status}`,
    );
    await client.run(statics, (response) =>
      /privateJwk|"devDependencies"|root:x:0/.test(response.body) ? 'served a file outside the console' : undefined,
    );
    expectNoFindings('path:');
    expectNoFindings('static:');
  }, 180_000);

  it('issue 12 (found by this suite), UW-11/ACL-4: a ?county= that is no area code on /regulator/uninsured and /regulator/coverage → 400 naming query.county, was 500', async () => {
    const cityEmb = CALLERS.find((caller) => caller.username === 'emb-city')?.token as string;
    for (const path of ['/api/v1/regulator/uninsured', '/api/v1/regulator/coverage']) {
      for (const county of ['%ZZ', '%00', '[]', 'T%23x%23', '140902,1']) {
        const response = await client.send({ attack: 'regression', route: path, method: 'GET', path: `${path}?county=${county}`, headers: { authorization: `Bearer ${cityEmb}` } });
        expect(response.status, `${path}?county=${county}: ${response.body}`).toBe(400);
        expect(envelope(response)?.details?.[0]?.field).toMatch(/county$/);
      }
    }
  });

  it('issue 12 (found by this suite), FEE-2: an expense dated 0000-01-01 → 400 naming spentOn, was 500 (no ledger year 0 to key)', async () => {
    const insurer = { authorization: `Bearer ${insurerToken}`, 'content-type': 'application/json' };
    const body = { spentOn: '0000-01-01', category: 'OFFLINE_SERVICE', amountFen: 100, description: '年份为零', serviceId: 'svc-attack' };
    const response = await client.send({ attack: 'regression', route: 'POST /api/v1/fees/expenses', method: 'POST', path: '/api/v1/fees/expenses', headers: insurer, body: JSON.stringify(body) });
    expect(response.status, response.body).toBe(400);
    expect(envelope(response)?.details?.[0]?.field).toMatch(/spentOn$/);
  });

  it('every route answers hostile query parameters with 2xx or 4xx, never 5xx (forged cursors included)', async () => {
    const hostile = ['%ZZ', '%', '%C0%AF', 'x'.repeat(5000), '[]', '{}', '__proto__', '-1', '1e308', '%00', 'eyJwayI6IlQjb3RoZXIjIn0', Buffer.from('{"pk":"T#other#x","sk":"x"}').toString('base64url')];
    const requests: AttackRequest[] = operations.flatMap((operation) =>
      operation.query.flatMap(({ name }) =>
        hostile.flatMap((value) => [
          { attack: `query:${name}=${value.slice(0, 20)}`, route: operation.routeKey, method: operation.method, path: `${fill(operation)}?${name}=${value}`, headers: operation.auth },
          { attack: `query:${name} repeated`, route: operation.routeKey, method: operation.method, path: `${fill(operation)}?${name}=${value}&${name}=1&__proto__=x`, headers: operation.auth },
        ]),
      ),
    );
    await client.run(requests, (response) => (response.status < 500 ? undefined : `got ${response.status}`));
    expectNoFindings('query:');
  }, 180_000);

  it('every route that needs a token answers forged, tampered, expired and ill-shaped tokens with 401 (issue 12 #8, OWASP API2)', async () => {
    const pair = localKeyPair();
    if (!pair) throw new Error('the local platform has no key pair');
    const attacks = await tokenAttacks(pair, insurerToken);
    const requests: AttackRequest[] = operations
      .filter((operation) => !operation.isPublic)
      .flatMap((operation) => [
        ...attacks.map(({ name, token }) => ({ name, authorization: `Bearer ${token}` })),
        ...AUTHORIZATION_HEADERS(insurerToken).map(([name, authorization]) => ({ name, authorization })),
      ].map(({ name, authorization }) => ({
        attack: `token:${name}`,
        route: operation.routeKey,
        method: operation.method,
        path: fill(operation),
        headers: { authorization, ...(operation.body ? { 'content-type': 'application/json' } : {}) },
        body: operation.body ? '{}' : undefined,
      })));
    await client.run(requests, unauthorized);
    expectNoFindings('token:');
  }, 180_000);

  it('nothing was written by any refused request: both tables hold as many items as before', async () => {
    for (const family of ['body', 'json', 'token']) expect(client.count((status) => status >= 200 && status < 300, family), `2xx answers to ${family} attacks`).toBe(0);
    expect(await settledCounts()).toEqual(itemsBefore);
  }, 60_000);

  it('every write route answers bodies valid by its schema but hostile in every free field without a 5xx', async () => {
    const writes = operations.filter((operation) => WRITE_METHODS.has(operation.method.toLowerCase()) && operation.body);
    const idempotencyKeys = fc.oneof(fc.uuid(), fc.constantFrom('x'.repeat(3000), 'T#P#LOGIN#x', '%ZZ', ' ', '\u00e9\u00ff'));
    const requests: AttackRequest[] = writes.flatMap((operation, index) =>
      fc
        .sample(fc.tuple(arbitraries.valid(operation.body as JsonSchema), fc.option(idempotencyKeys)), { numRuns: SHAPED_BODIES_PER_ROUTE, seed: SEED + 1000 + index })
        .map(([body, idempotencyKey]) => ({
          attack: 'shape:hostile values',
          route: operation.routeKey,
          method: operation.method,
          path: fill(operation),
          headers: {
            ...operation.auth,
            'content-type': 'application/json',
            ...(idempotencyKey !== null && operation.method === 'POST' ? { 'idempotency-key': idempotencyKey } : {}),
          },
          body: toJsonText(body),
        })),
    );
    await client.run(requests, (response) => (response.status < 500 && response.status !== 0 ? undefined : `got ${response.status}`));
    shapedSuccesses = client.count((status) => status >= 200 && status < 300, 'shape');
    expectNoFindings('shape:');
  }, 180_000);

  it(`sent at least ${MIN_REQUESTS} requests with no 5xx and no reset connection, each answered with its own x-request-id`, () => {
    const seconds = (performance.now() - startedAt) / 1000;
    console.log(`attack suite: ${client.sent} requests, ${Math.round(client.sent / seconds)}/s`);
    expect(client.sent).toBeGreaterThanOrEqual(MIN_REQUESTS * Math.min(1, SCALE));
    expect(client.count((status) => status >= 500 || status === 0)).toBe(0);
    expect(client.report().filter((finding) => /x-request-id/.test(finding.problem))).toEqual([]);
  });
});
