import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileQualification, HUTUO, policyBody, TAIXIN, XINDA } from '../support/underwriting-fixtures.js';
import type { ApiClient } from '../support/api-client.js';
import { startTestPlatform, type TestPlatform } from '../support/test-platform.js';

/**
 * Issues 14/15: every list answers the number of rows matching its filters with its first page, and the register
 * and the policy lists are searched server-side by enterprise name, USCC and policy number — across pages, not
 * within the page shown. Against the demo (the shared 5,000-enterprise register, the demo insurers' policies)
 * through the real local gateway and DynamoDB Local.
 */

// Webhook endpoints on this machine (never called here: their event is not raised), as the webhooks tests allow.
process.env.ANZE_WEBHOOKS_ALLOW_PRIVATE = 'true';

const DEMO = 'Anze-demo-2026';
const XINFU = '140902';
const REGISTER_ROWS = 1500;

interface Page<T> {
  items: T[];
  nextCursor?: string;
  total?: number;
}
interface Entry {
  uscc: string;
  name: string;
  county: string;
  industry: string;
}
interface PolicyRow {
  id: string;
  policyNumber: string;
  enterprise: { uscc: string; name: string; county: string };
}
interface ErrorBody {
  error: { code: string; details?: { field?: string; message: string }[] };
}

let test: TestPlatform;
let cityEmb: ApiClient;
let countyEmb: ApiClient;
let picc: ApiClient;
let piccId: string;

/** Every row of a list, following its cursors, and the total its first page answered. */
async function everyRow<T>(client: ApiClient, path: string, limit = 100): Promise<{ rows: T[]; total: number | undefined; pages: number }> {
  const rows: T[] = [];
  let cursor: string | undefined;
  let total: number | undefined;
  let pages = 0;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const response = await client.get<Page<T>>(`${path}${separator}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    if (pages === 0) total = response.body.total;
    else expect(response.body.total).toBeUndefined();
    rows.push(...response.body.items);
    cursor = response.body.nextCursor;
    pages += 1;
  } while (cursor);
  return { rows, total, pages };
}

beforeAll(async () => {
  test = await startTestPlatform({ demo: true });
  cityEmb = await test.signIn('emb-city', DEMO);
  countyEmb = await test.signIn('emb-xinfu', DEMO);
  picc = await test.signIn('picc-admin', DEMO);
  // The first REGISTER_ROWS of the shared register (every county), imported as the demo imports it: enough for many
  // pages in every listing, and quick on a loaded CI machine.
  const csv = readFileSync(join(import.meta.dirname, '../../infra/local/seed/enterprises-xinzhou-5000.csv'), 'utf8').split('\n');
  const imported = await cityEmb.post('/regulator/enterprise-imports', {
    fileName: 'enterprises-xinzhou.csv',
    contentBase64: Buffer.from(`${csv.slice(0, REGISTER_ROWS + 1).join('\n')}\n`, 'utf8').toString('base64'),
  });
  expect([200, 201], JSON.stringify(imported.body)).toContain(imported.status);
  await fileQualification(picc, cityEmb);
  // Three policies: two 忻府区 coal mines and a 原平市 one.
  for (const [enterprise, number] of [[XINDA, 'LST-A-001'], [TAIXIN, 'LST-A-002'], [HUTUO, 'LST-B-003']] as const) {
    const issued = await picc.post<PolicyRow>(
      '/policies',
      policyBody({ enterpriseUscc: enterprise.uscc, employeesCovered: enterprise.staff, policyNumber: `PZAA${Date.now()}${number}` }),
    );
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    piccId = (issued.body as unknown as { tenantId: string }).tenantId;
  }
}, 240_000);

afterAll(async () => test?.stop());

describe('register (REG-1, ACL-4): total and search', () => {
  it('issue 15 (REG-1): the first page carries the total of the filters, equal to the rows the cursors lead through', async () => {
    const all = await cityEmb.get<Page<Entry>>('/regulator/enterprises?limit=20');
    expect(all.body.total).toBe(REGISTER_ROWS);
    const county = await everyRow<Entry>(cityEmb, `/regulator/enterprises?county=${XINFU}&industry=COAL_MINE`);
    expect(county.rows.length).toBeGreaterThan(0);
    expect(county.total).toBe(county.rows.length);
    expect(county.rows.every((entry) => entry.county === XINFU && entry.industry === 'COAL_MINE')).toBe(true);
  });

  it('issue 15 (REG-1): q finds part of a name across the whole register, and a USCC by key', async () => {
    const sample = (await cityEmb.get<Page<Entry>>(`/regulator/enterprises?county=${XINFU}&limit=1`)).body.items[0] as Entry;
    const byUscc = await cityEmb.get<Page<Entry>>(`/regulator/enterprises?q=${sample.uscc}`);
    expect(byUscc.body).toEqual({ items: [sample], total: 1 });

    // A fragment of a name: every match, across pages and counties, and nothing else.
    const fragment = '煤业';
    const found = await everyRow<Entry>(cityEmb, `/regulator/enterprises?q=${encodeURIComponent(fragment)}`);
    expect(found.rows.length).toBeGreaterThan(100);
    expect(found.rows.length).toBeLessThan(REGISTER_ROWS);
    expect(found.total).toBe(found.rows.length);
    expect(found.rows.every((entry) => entry.name.includes(fragment))).toBe(true);
    expect(new Set(found.rows.map((entry) => entry.uscc)).size).toBe(found.rows.length);
  }, 60_000);

  it('issue 15 (ACL-4): a county EMB searching finds its own county only, even by another county’s USCC', async () => {
    const other = (await cityEmb.get<Page<Entry>>('/regulator/enterprises?county=140981&limit=1')).body.items[0] as Entry;
    const byUscc = await countyEmb.get<Page<Entry>>(`/regulator/enterprises?q=${other.uscc}`);
    expect(byUscc.body).toEqual({ items: [], total: 0 });
    const found = await everyRow<Entry>(countyEmb, `/regulator/enterprises?q=${encodeURIComponent('有限')}`);
    expect(found.rows.length).toBeGreaterThan(0);
    expect(found.rows.every((entry) => entry.county === XINFU)).toBe(true);
    expect(found.total).toBe(found.rows.length);
  }, 60_000);

  it('issue 15: a blank or over-long q is a 400 naming q', async () => {
    for (const q of ['%20%20', 'x'.repeat(101), '%01abc']) {
      const response = await cityEmb.get<ErrorBody>(`/regulator/enterprises?q=${q}`);
      expect(response.status).toBe(400);
      expect(response.body.error.details?.some((detail) => detail.field === 'q')).toBe(true);
    }
  });
});

describe('policies (UW-1, ACL-1, ACL-2): total and search', () => {
  it('issue 15 (UW-1): the insurer finds a policy by number, by USCC and by part of the name, with totals', async () => {
    const every = await everyRow<PolicyRow>(picc, '/policies');
    expect(every.rows.length).toBeGreaterThan(1);
    expect(every.total).toBe(every.rows.length);
    const target = every.rows[every.rows.length - 1] as PolicyRow;

    const byNumber = await picc.get<Page<PolicyRow>>(`/policies?q=${encodeURIComponent(target.policyNumber)}`);
    expect(byNumber.body.items.map((policy) => policy.id)).toContain(target.id);
    expect(byNumber.body.total).toBe(byNumber.body.items.length);

    const byUscc = await everyRow<PolicyRow>(picc, `/policies?q=${target.enterprise.uscc}`);
    expect(byUscc.rows.map((policy) => policy.id)).toContain(target.id);
    expect(byUscc.rows.every((policy) => policy.enterprise.uscc === target.enterprise.uscc)).toBe(true);
    expect(byUscc.total).toBe(byUscc.rows.length);

    const part = target.enterprise.name.slice(0, 4);
    const byName = await everyRow<PolicyRow>(picc, `/policies?q=${encodeURIComponent(part)}`);
    expect(byName.rows.map((policy) => policy.id)).toContain(target.id);
    expect(byName.total).toBe(byName.rows.length);
    expect(byName.rows.length).toBe(every.rows.filter((policy) => policy.enterprise.name.includes(part) || policy.policyNumber.includes(part)).length);
  });

  it('issue 14 (ACL-2): the regulator’s per-insurer policy list answers the same search and total', async () => {
    const own = await everyRow<PolicyRow>(picc, '/policies');
    const target = own.rows[0] as PolicyRow;
    const base = `/regulator/insurers/${piccId}/policies`;
    const every = await everyRow<PolicyRow>(cityEmb, base);
    expect(every.total).toBe(own.total);
    const byNumber = await cityEmb.get<Page<PolicyRow>>(`${base}?q=${encodeURIComponent(target.policyNumber)}`);
    expect(byNumber.body.items.map((policy) => policy.id)).toContain(target.id);
    const byUscc = await everyRow<PolicyRow>(cityEmb, `${base}?q=${target.enterprise.uscc}`);
    expect(byUscc.rows.every((policy) => policy.enterprise.uscc === target.enterprise.uscc)).toBe(true);
    expect(byUscc.total).toBe(byUscc.rows.length);
  });
});

describe('issue 14: every list answers its total with its first page', () => {
  it('issue 14 (ACL-1): the insurer’s services, hazards, complaints, fee ledger, notices and access log', async () => {
    for (const path of ['/services', '/hazards', '/complaints', '/fees/ledger', '/notices', '/access-log']) {
      const listed = await everyRow<unknown>(picc, path);
      expect(listed.total, path).toBe(listed.rows.length);
    }
  });

  it('issue 14 (ACL-2, ACL-4): the regulators’ supervision lists, notices and hazards', async () => {
    const paths = [
      '/regulator/insurers',
      `/regulator/insurers/${piccId}/services`,
      `/regulator/insurers/${piccId}/hazards`,
      `/regulator/insurers/${piccId}/complaints`,
      `/regulator/insurers/${piccId}/fees/ledger`,
      '/regulator/notices',
      '/regulator/hazards',
    ];
    for (const path of paths) {
      const listed = await everyRow<unknown>(cityEmb, path);
      expect(listed.total, path).toBe(listed.rows.length);
    }
    const county = await everyRow<PolicyRow>(countyEmb, `/regulator/insurers/${piccId}/policies`);
    expect(county.total).toBe(county.rows.length);
    expect(county.rows.every((policy) => policy.enterprise.county === XINFU)).toBe(true);
  });
});

describe('issue 15: the remaining lists answer their total the same way', () => {
  /** Small pages, so every list with a few rows is followed through its cursors. */
  const SMALL = 2;

  it('issue 15 (UW-12, ACL-1, ACL-4): the insurer’s refusals page by page, the regulators’ one-answer list by its rows', async () => {
    for (const [enterprise, reason, explanation] of [
      [XINDA, 'PREMIUM_NOT_AGREED', '企业要求的费率低于备案费率下限'],
      [TAIXIN, 'APPLICATION_WITHDRAWN', '企业撤回投保申请'],
      [HUTUO, 'APPLICATION_WITHDRAWN', '企业撤回投保申请'],
    ] as const) {
      const refused = await picc.post('/refusals', { enterpriseUscc: enterprise.uscc, reason, explanation });
      expect(refused.status, JSON.stringify(refused.body)).toBe(201);
    }
    const own = await everyRow<unknown>(picc, '/refusals', SMALL);
    expect(own.pages).toBeGreaterThan(1);
    expect(own.total).toBe(own.rows.length);
    expect(own.rows.length).toBeGreaterThanOrEqual(3);
    // Never paged (every insurer's refusals in one answer): its total is the rows it lists.
    for (const [client, path] of [[cityEmb, '/regulator/refusals'], [countyEmb, '/regulator/refusals']] as const) {
      const listed = await client.get<Page<unknown> & { truncated: boolean }>(path);
      expect(listed.status, JSON.stringify(listed.body)).toBe(200);
      expect(listed.body.nextCursor).toBeUndefined();
      expect(listed.body.items.length).toBeGreaterThan(0);
      expect(listed.body.total, path).toBe(listed.body.items.length);
    }
  });

  it('issue 15 (BLK-1, REG-2, REG-3, SYNC-1, ACL-4): the blacklist, service organisations, experts and upload states', async () => {
    for (const path of ['/regulator/blacklist', '/regulator/service-orgs', '/regulator/experts', '/regulator/sync/records']) {
      const listed = await everyRow<unknown>(cityEmb, path, SMALL);
      expect(listed.total, path).toBe(listed.rows.length);
    }
    const county = await everyRow<unknown>(countyEmb, '/regulator/sync/records', SMALL);
    expect(county.total).toBe(county.rows.length);
    // A filter is counted with the rows it keeps.
    const active = await everyRow<unknown>(cityEmb, '/regulator/service-orgs?status=ACTIVE', SMALL);
    expect(active.total).toBe(active.rows.length);
  });

  it('issue 15 (ACL-1, SYNC-1, SVC-11): the team, the inbox, webhook endpoints and deliveries, upload states and obligations', async () => {
    for (const url of ['http://127.0.0.1:1/totals-a', 'http://127.0.0.1:1/totals-b', 'http://127.0.0.1:1/totals-c']) {
      const created = await picc.post('/webhooks/subscriptions', { url, eventTypes: ['webhooks.subscription.disabled'] });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    for (const path of ['/users', '/me/notifications', '/webhooks/subscriptions', '/webhooks/deliveries', '/sync/records']) {
      const listed = await everyRow<unknown>(picc, path, SMALL);
      expect(listed.total, path).toBe(listed.rows.length);
    }
    expect((await everyRow<unknown>(picc, '/webhooks/subscriptions', SMALL)).total).toBeGreaterThanOrEqual(3);
    // SVC-11's list evaluates every row before paging, so each page carries the same total.
    const obligations: unknown[] = [];
    let cursor: string | undefined;
    let total: number | undefined;
    do {
      const page = await picc.get<Page<unknown>>(`/obligations?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      total ??= page.body.total;
      obligations.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(total).toBe(obligations.length);
  });

  it('issue 15 (ACL-3, ACL-5): the operator’s regulators and a tenant’s users; the enterprise’s own lists', async () => {
    const operator = await test.operator();
    for (const path of ['/platform/regulators', `/platform/tenants/${piccId}/users`]) {
      const listed = await everyRow<unknown>(operator, path, SMALL);
      expect(listed.pages, path).toBeGreaterThan(1);
      expect(listed.total, path).toBe(listed.rows.length);
    }
    const enterprise = await test.signIn('ent-demo', DEMO);
    for (const path of ['/me/policies', '/me/services', '/me/hazards', '/me/complaints']) {
      const listed = await everyRow<unknown>(enterprise, path, SMALL);
      expect(listed.total, path).toBe(listed.rows.length);
    }
  });
});
