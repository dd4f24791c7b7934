import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { shanghaiDateOf } from '../../domain/kernel/calendar/local-date.js';

/**
 * SYNC-1: a simulated Shanxi provincial 安责险 platform on loopback, which `npm start` runs so that the sync
 * works end to end on one machine (the real interface is not public; domain/sync/MAPPING.md is our model of it).
 *
 * - `POST /records`: one record. Well-formed → 200 `{ receipt }`; malformed → 422 `{ reason }` naming the field
 *   in the province's words; while down → 503; slow → answers after `delayMs`.
 * - `GET /records?insurer=&date=`: what it accepted from an insurer that day (Asia/Shanghai), newest version each.
 * - `GET|POST /_control`: the behaviour — `down`, `delayMs`, and "sometimes" as `downEvery` / `slowEvery` (every
 *   n-th submission fails or is slow: deterministic, so tests and demos repeat), and a provincial rule our own
 *   rules do not have, `minPerPersonInsuredAmountFen`, to produce rejections of well-formed records.
 * State is in memory: a restart empties it, as if the province had been reset.
 */
export interface SimulatorBehaviour {
  down: boolean;
  delayMs: number;
  downEvery: number;
  slowEvery: number;
  minPerPersonInsuredAmountFen: number;
}

export interface ProvincialSimulator {
  readonly url: string;
  readonly behaviour: SimulatorBehaviour;
  /** Every submission received, accepted or not (tests count sends). */
  readonly received: readonly { readonly recordId: string; readonly recordVersion: number; readonly outcome: 'accepted' | 'rejected' | 'down' }[];
  stop(): Promise<void>;
}

interface Held {
  readonly kind: string;
  readonly recordId: string;
  readonly recordVersion: number;
  readonly insurerRef: string;
  readonly acceptedOn: string;
}

const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNTY = /^(\d{6}|XZ-[A-Z]+)$/;

type Json = Record<string, unknown>;
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isFen = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;

/** The province's checks, in its words: the first problem found is the reason. */
export function provincialReasonOf(record: Json, behaviour: Pick<SimulatorBehaviour, 'minPerPersonInsuredAmountFen'>): string | undefined {
  if (!isText(record['recordId'])) return 'recordId 缺失';
  if (!Number.isSafeInteger(record['recordVersion']) || (record['recordVersion'] as number) < 1) return 'recordVersion 应为正整数';
  if (!isText(record['insurerRef'])) return 'insurerRef（承保机构）缺失';
  switch (record['kind']) {
    case 'POLICY': {
      const policy = (record['policy'] ?? {}) as Json;
      if (!isText(policy['policyNo'])) return 'policy.policyNo（保单号）缺失';
      if (!isText(policy['insuredName'])) return 'policy.insuredName（投保企业名称）缺失';
      if (typeof policy['insuredUscc'] !== 'string' || !USCC.test(policy['insuredUscc'])) return 'policy.insuredUscc（统一社会信用代码）格式不正确';
      if (typeof policy['countyCode'] !== 'string' || !COUNTY.test(policy['countyCode'])) return 'policy.countyCode（所属县区）不正确';
      for (const field of ['periodStart', 'periodEnd']) {
        if (typeof policy[field] !== 'string' || !DATE.test(policy[field] as string)) return `policy.${field}（保险期间）应为 YYYY-MM-DD`;
      }
      for (const field of ['perPersonInsuredAmountFen', 'perPersonDeathLimitFen', 'premiumFen']) {
        if (!isFen(policy[field])) return `policy.${field} 应为以分计的非负整数`;
      }
      if (!Number.isSafeInteger(policy['employeesCovered']) || (policy['employeesCovered'] as number) < 1) return 'policy.employeesCovered（参保人数）应为正整数';
      if ((policy['perPersonInsuredAmountFen'] as number) < behaviour.minPerPersonInsuredAmountFen) {
        return `policy.perPersonInsuredAmountFen（每人保险金额）低于省平台要求的 ${behaviour.minPerPersonInsuredAmountFen / 100} 元`;
      }
      if (!Array.isArray(policy['insurers']) || policy['insurers'].length === 0) return 'policy.insurers（承保机构份额）缺失';
      return undefined;
    }
    case 'SERVICE': {
      const service = (record['service'] ?? {}) as Json;
      if (!isText(service['policyNo'])) return 'service.policyNo（保单号）缺失';
      if (typeof service['insuredUscc'] !== 'string' || !USCC.test(service['insuredUscc'])) return 'service.insuredUscc（统一社会信用代码）格式不正确';
      if (typeof service['performedOn'] !== 'string' || !DATE.test(service['performedOn'])) return 'service.performedOn（服务日期）应为 YYYY-MM-DD';
      if (!isText(service['serviceType'])) return 'service.serviceType（服务类型）缺失';
      if (!isText(service['place'])) return 'service.place（服务地点）缺失';
      return undefined;
    }
    case 'SERVICE_ORG': {
      const org = (record['serviceOrg'] ?? {}) as Json;
      if (!isText(org['name'])) return 'serviceOrg.name（机构名称）缺失';
      if (!isText(org['registrationNumber'])) return 'serviceOrg.registrationNumber（备案编号）缺失';
      return undefined;
    }
    case 'CLAIM': {
      const claim = (record['claim'] ?? {}) as Json;
      if (!isText(claim['policyNo'])) return 'claim.policyNo（保单号）缺失';
      if (typeof claim['accidentOn'] !== 'string' || !DATE.test(claim['accidentOn'])) return 'claim.accidentOn（出险日期）应为 YYYY-MM-DD';
      for (const field of ['claimedFen', 'payableFen', 'paidFen']) {
        if (!isFen(claim[field])) return `claim.${field} 应为以分计的非负整数`;
      }
      // CLM-1: 无正当理由不得拒赔 — a decline without its reason is not a record the province takes.
      if (claim['decision'] === 'DECLINED' && !isText(claim['reason'])) return 'claim.reason（拒赔理由）缺失';
      return undefined;
    }
    default:
      return 'kind（记录类型）不正确';
  }
}

export async function startProvincialSimulator(options: { port?: number; behaviour?: Partial<SimulatorBehaviour> } = {}): Promise<ProvincialSimulator> {
  const behaviour: SimulatorBehaviour = { down: false, delayMs: 0, downEvery: 0, slowEvery: 0, minPerPersonInsuredAmountFen: 0, ...options.behaviour };
  const held = new Map<string, Held>();
  const received: { recordId: string; recordVersion: number; outcome: 'accepted' | 'rejected' | 'down' }[] = [];
  let submissions = 0;
  let receipts = 0;

  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://province.local');
    const body = request.method === 'POST' ? await readJson(request) : undefined;
    if (url.pathname === '/_control') {
      if (request.method === 'POST' && body && typeof body === 'object') Object.assign(behaviour, pick(body as Json));
      return send(response, 200, behaviour);
    }
    if (url.pathname !== '/records') return send(response, 404, { reason: 'not found' });
    if (request.method === 'GET') {
      const insurer = url.searchParams.get('insurer');
      const date = url.searchParams.get('date');
      const items = [...held.values()]
        .filter((item) => item.insurerRef === insurer && item.acceptedOn === date)
        .map(({ kind, recordId, recordVersion }) => ({ kind, recordId, recordVersion }));
      return send(response, 200, { items });
    }
    if (request.method !== 'POST') return send(response, 405, { reason: 'method' });
    submissions += 1;
    const record = (body ?? {}) as Json;
    const slow = behaviour.delayMs > 0 && (behaviour.slowEvery === 0 || submissions % behaviour.slowEvery === 0);
    if (slow) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
    const down = behaviour.down || (behaviour.downEvery > 0 && submissions % behaviour.downEvery === 0);
    const recordId = String(record['recordId'] ?? '');
    const recordVersion = Number(record['recordVersion'] ?? 0);
    if (down) {
      received.push({ recordId, recordVersion, outcome: 'down' });
      return send(response, 503, { reason: '省平台维护中' });
    }
    const reason = provincialReasonOf(record, behaviour);
    if (reason) {
      received.push({ recordId, recordVersion, outcome: 'rejected' });
      return send(response, 422, { reason });
    }
    received.push({ recordId, recordVersion, outcome: 'accepted' });
    const known = held.get(recordId);
    // The newest version wins at the province too; an older one arriving late is acknowledged, not kept.
    if (!known || known.recordVersion <= recordVersion) {
      held.set(recordId, { kind: String(record['kind']), recordId, recordVersion, insurerRef: String(record['insurerRef']), acceptedOn: shanghaiDateOf(new Date()) });
    }
    receipts += 1;
    return send(response, 200, { receipt: `SX-${String(receipts).padStart(8, '0')}` });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => send(response, 400, { reason: '请求无法解析' }));
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: the simulated province is never reachable from elsewhere.
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    behaviour,
    received,
    stop: () => stopServer(server),
  };
}

function pick(body: Json): Partial<SimulatorBehaviour> {
  const out: Partial<SimulatorBehaviour> = {};
  if (typeof body['down'] === 'boolean') out.down = body['down'];
  for (const name of ['delayMs', 'downEvery', 'slowEvery', 'minPerPersonInsuredAmountFen'] as const) {
    const value = body[name];
    if (Number.isSafeInteger(value) && (value as number) >= 0) out[name] = value as number;
  }
  return out;
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 256 * 1024) request.destroy(new Error('too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        resolve(chunks.length === 0 ? undefined : JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error as Error);
      }
    });
    request.on('error', reject);
  });
}

function stopServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
