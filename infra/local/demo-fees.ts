import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';

/** What the demo seeding calls the API with (demo-business.ts's client). */
export interface DemoApi {
  call(token: string | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }>;
  signIn(username: string): Promise<string>;
}

interface ListedPolicy {
  readonly id: string;
  readonly policyNumber: string;
  readonly status: string;
}

interface ListedService {
  readonly id: string;
  readonly status: string;
  readonly enterprise: { readonly name: string };
}

/**
 * Per insurer: the share of its policies paid in full, the policy paid by half (a receipt still outstanding, as
 * the policy page shows), and the share of what it accrued that it has spent on prevention so far.
 */
const PLAN = [
  { username: 'picc-admin', spentShareOfAccrualPercent: 60 },
  { username: 'pingan-admin', spentShareOfAccrualPercent: 35 },
  { username: 'cpic-admin', spentShareOfAccrualPercent: 15 },
] as const;

/** What a prevention service on the ledger paid for (FEE-3's allowed uses), cycled through the services. */
const EXPENSES = [
  { category: 'OFFLINE_SERVICE', what: '现场隐患排查服务费' },
  { category: 'THIRD_PARTY_SERVICE', what: '委托第三方服务机构开展风险评估' },
  { category: 'TRAINING_MATERIALS', what: '安全生产培训教材及宣传资料' },
] as const;

async function allPages<T>(api: DemoApi, token: string, path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.call(token, 'GET', `${path}${path.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (page.status !== 200) throw new Error(`demo fees: GET ${path} failed: ${JSON.stringify(page.body)}`);
    items.push(...(page.body.items as T[]));
    cursor = page.body.nextCursor as string | undefined;
  } while (cursor);
  return items;
}

/**
 * FEE-1..3 demo data, made through the API as an insurer's staff would (issue 15: a demo insurer with 26
 * policies showed a fee ledger of 0.00 元): every issued policy's premium received today — all but the last one
 * in full, the last by half — each receipt accruing the prevention fee on its premium ex-tax (FEE-1), then
 * prevention expenses linked to the insurer's services, up to a share of what it accrued (FEE-2: never more than
 * the balance, so no advance). Receipts and expenses are appended to the ledger like any other (events, counters).
 */
export async function seedDemoFees(api: DemoApi, now: Date): Promise<void> {
  const today = shanghaiDateOf(now);
  for (const insurer of PLAN) {
    const token = await api.signIn(insurer.username);
    const policies = (await allPages<ListedPolicy>(api, token, '/policies')).filter((policy) => policy.status !== 'CANCELLED');
    let accruedFen = 0;
    for (const [index, policy] of policies.entries()) {
      const premium = await api.call(token, 'GET', `/fees/premium-receipts?policyId=${encodeURIComponent(policy.id)}`);
      if (premium.status !== 200) throw new Error(`demo fees: premium of ${policy.policyNumber} failed: ${JSON.stringify(premium.body)}`);
      const outstandingFen = premium.body.outstandingFen as number;
      const amountFen = index === policies.length - 1 ? Math.floor(outstandingFen / 2) : outstandingFen;
      if (amountFen <= 0) continue;
      const received = await api.call(token, 'POST', '/fees/premium-receipts', { policyId: policy.id, receivedOn: today, amountFen });
      if (received.status !== 201) throw new Error(`demo fees: receipt on ${policy.policyNumber} failed: ${JSON.stringify(received.body)}`);
      accruedFen += (received.body.receipt as { accrualFen: number }).accrualFen;
    }
    const services = await allPages<ListedService>(api, token, '/services');
    if (services.length === 0 || accruedFen === 0) continue;
    // FEE-2: spend a share of the accrual, split over at most six services, in whole yuan.
    const paid = services.slice(0, 6);
    const eachFen = Math.floor((accruedFen * insurer.spentShareOfAccrualPercent) / 100 / paid.length / 100) * 100;
    if (eachFen <= 0) continue;
    for (const [index, service] of paid.entries()) {
      const expense = EXPENSES[index % EXPENSES.length] ?? EXPENSES[0];
      const booked = await api.call(token, 'POST', '/fees/expenses', {
        spentOn: today,
        category: expense.category,
        amountFen: eachFen,
        description: `${expense.what}（${service.enterprise.name}，演示数据）`,
        serviceId: service.id,
      });
      if (booked.status !== 201) throw new Error(`demo fees: expense of ${insurer.username} failed: ${JSON.stringify(booked.body)}`);
    }
  }
}
