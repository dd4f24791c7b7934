import { isLocalDate } from '../kernel/calendar/local-date.js';
import type { LocalDate } from '../kernel/calendar/local-date.js';
import { RuleViolation } from '../kernel/errors.js';
import type { Hazard, Rectification } from './hazard.js';
import type { Changed } from '../kernel/events.js';
import { hazardChanged, hazardRectificationReported, hazardRectified, hazardReopened, hazardVerified } from './events.js';
import type { OnSiteRectificationInput, RectificationInput, VerifyHazardInput } from './hazard.schema.js';
import type { HazardDraft } from './service-record.rules.js';
import { SERVICE_TYPE_NAMES_ZH } from './service.js';
import type { EvidenceItem, ServiceType } from './service.js';
import { instantOf } from '../kernel/calendar/instant.js';


function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/**
 * SVC-7: the enterprise reports on a hazard — its rectification plan, due date and responsible person (required
 * the first time, each may be revised later), and eventually that it is closed, with evidence. OPEN or
 * RECTIFYING → RECTIFYING, or → RECTIFIED when `closed` is true. Closure evidence accumulates across reports, so
 * evidence sent before a rejected verification is kept.
 *
 * @throws RuleViolation (SVC-7, `status`, 409) once RECTIFIED or VERIFIED; (SVC-7, `plan` / `dueOn` /
 * `responsiblePerson`, 400) when missing on the first report; (SVC-7, `dueOn`, 400) before the day the hazard
 * was found; (SVC-7, `closureEvidence`, 400) when reporting it closed without evidence.
 * @example
 * reportRectification(hazard, { plan: '更换防爆电机', dueOn: '2024-10-31', responsiblePerson: '赵六' },
 *   { now, by, closureEvidence: [] }).state.status; // 'RECTIFYING'
 */
export function reportRectification(
  hazard: Hazard,
  input: RectificationInput,
  ctx: {
    readonly now: Date;
    readonly by: string;
    readonly closureEvidence: readonly EvidenceItem[];
    /** Set only by {@link captureRectificationOnSite}: the report was made on the insurer staff's device. */
    readonly onSite?: OnSiteRectificationInput['onSite'];
  },
): Changed<Hazard> {
  if (hazard.status !== 'OPEN' && hazard.status !== 'RECTIFYING') {
    throw new RuleViolation('SVC-7', 'status', `SVC-7: hazard ${hazard.id} is ${hazard.status}; rectification is reported only while OPEN or RECTIFYING`, 409);
  }
  const previous = hazard.rectification;
  if (previous === undefined) {
    if (isBlank(input.plan)) throw new RuleViolation('SVC-7', 'plan', 'SVC-7: the first report states the rectification plan', 400);
    if (input.dueOn === undefined) throw new RuleViolation('SVC-7', 'dueOn', 'SVC-7: the first report states the rectification due date', 400);
    if (isBlank(input.responsiblePerson)) {
      throw new RuleViolation('SVC-7', 'responsiblePerson', 'SVC-7: the first report names the person responsible for the rectification', 400);
    }
  } else {
    if (input.plan !== undefined && isBlank(input.plan)) throw new RuleViolation('SVC-7', 'plan', 'SVC-7: a revised plan cannot be empty', 400);
    if (input.responsiblePerson !== undefined && isBlank(input.responsiblePerson)) {
      throw new RuleViolation('SVC-7', 'responsiblePerson', 'SVC-7: a revised responsible person cannot be empty', 400);
    }
  }
  if (input.dueOn !== undefined) {
    if (!isLocalDate(input.dueOn)) throw new RuleViolation('CAL-1', 'dueOn', 'CAL-1: dueOn must be a calendar date written YYYY-MM-DD', 400);
    if (input.dueOn < hazard.foundOn) {
      throw new RuleViolation('SVC-7', 'dueOn', `SVC-7: the rectification due date ${input.dueOn} is before the day the hazard was found (${hazard.foundOn})`, 400);
    }
  }
  const closed = input.closed === true;
  if (closed && ctx.closureEvidence.length === 0) {
    throw new RuleViolation('SVC-7', 'closureEvidence', 'SVC-7: a hazard is reported closed with at least one piece of closure evidence', 400);
  }

  const at = instantOf(ctx.now);
  const planChanged = input.plan !== undefined || input.dueOn !== undefined || input.responsiblePerson !== undefined;
  const base = {
    plan: input.plan ?? previous?.plan ?? '',
    dueOn: input.dueOn ?? previous?.dueOn ?? hazard.rectifyBy,
    responsiblePerson: input.responsiblePerson ?? previous?.responsiblePerson ?? '',
    reportedAt: planChanged || previous === undefined ? at : previous.reportedAt,
    reportedBy: planChanged || previous === undefined ? ctx.by : previous.reportedBy,
    closureEvidence: [...(previous?.closureEvidence ?? []), ...ctx.closureEvidence],
  };
  const note = input.closureNote ?? (closed ? undefined : previous?.closureNote);
  const onSiteReports = [
    ...(previous?.onSiteReports ?? []),
    ...(ctx.onSite === undefined ? [] : [{ ...ctx.onSite, closed, recordedAt: at, userId: ctx.by }]),
  ];
  const rectification: Rectification = {
    ...base,
    ...(closed ? { closedAt: at } : {}),
    ...(note === undefined ? {} : { closureNote: note }),
    ...(onSiteReports.length === 0 ? {} : { onSiteReports }),
  };
  const reported: Hazard = { ...hazard, status: closed ? 'RECTIFIED' : 'RECTIFYING', rectification, updatedAt: at, version: hazard.version + 1 };
  return hazardChanged(closed ? hazardRectified : hazardRectificationReported, reported);
}

/**
 * SVC-7 (投保单位应及时整改), SVC-13: the enterprise's report captured on the insurer staff's device — only for an
 * enterprise with no account of its own; one with an account reports through its own login, so the insurer
 * never both reports a rectification and verifies it. Kept in `rectification.onSiteReports` (who, when, where),
 * which every view of the hazard shows.
 *
 * @throws RuleViolation (SVC-7, `enterprise.uscc`, 409) when the enterprise has an active account; otherwise as
 * {@link reportRectification}.
 * @example
 * captureRectificationOnSite(hazard, { plan, dueOn, responsiblePerson, onSite: { reporterName: '赵六', reportedAt } },
 *   { now, by, closureEvidence: [], enterpriseHasAccount: false }).state.rectification?.onSiteReports?.length; // 1
 */
export function captureRectificationOnSite(
  hazard: Hazard,
  input: OnSiteRectificationInput,
  ctx: { readonly now: Date; readonly by: string; readonly closureEvidence: readonly EvidenceItem[]; readonly enterpriseHasAccount: boolean },
): Changed<Hazard> {
  if (ctx.enterpriseHasAccount) {
    throw new RuleViolation(
      'SVC-7',
      'enterprise.uscc',
      `SVC-7: ${hazard.enterprise.name} has an account on the platform; it reports its rectification itself (POST /me/hazards/{id}/rectification)`,
      409,
    );
  }
  const { onSite, ...report } = input;
  return reportRectification(hazard, report, { now: ctx.now, by: ctx.by, closureEvidence: ctx.closureEvidence, onSite });
}

/**
 * SVC-7: the insurer checks a hazard reported closed. Accepted → VERIFIED (tracking ends); not accepted → back to
 * RECTIFYING, the closure undone and the reasons required, so the enterprise knows what is still wrong. Every
 * verification is kept.
 *
 * @throws RuleViolation (SVC-7, `status`, 409) unless RECTIFIED; (SVC-7, `comments`, 400) when a rejection
 * gives no reasons.
 * @example
 * verifyHazard(rectified, { accepted: true, comments: '现场复查已整改' }, { now, by }).state.status; // 'VERIFIED'
 */
export function verifyHazard(hazard: Hazard, input: VerifyHazardInput, ctx: { readonly now: Date; readonly by: string }): Changed<Hazard> {
  if (hazard.status !== 'RECTIFIED') {
    throw new RuleViolation('SVC-7', 'status', `SVC-7: hazard ${hazard.id} is ${hazard.status}; only a hazard reported RECTIFIED can be verified`, 409);
  }
  if (!input.accepted && isBlank(input.comments)) {
    throw new RuleViolation('SVC-7', 'comments', 'SVC-7: a rejected verification says what is still to be rectified', 400);
  }
  const at = instantOf(ctx.now);
  const verifications = [...hazard.verifications, { accepted: input.accepted, comments: input.comments, at, by: ctx.by }];
  if (input.accepted) return hazardChanged(hazardVerified, { ...hazard, status: 'VERIFIED', verifications, updatedAt: at, version: hazard.version + 1 });
  const reopened = hazard.rectification === undefined ? undefined : withoutClosure(hazard.rectification);
  return hazardChanged(hazardReopened, {
    ...hazard,
    status: 'RECTIFYING',
    ...(reopened === undefined ? {} : { rectification: reopened }),
    verifications,
    updatedAt: at,
    version: hazard.version + 1,
  });
}

function withoutClosure(rectification: Rectification): Rectification {
  const { closedAt: _closedAt, closureNote: _closureNote, ...open } = rectification;
  return open;
}

/**
 * SVC-7: whom the written notice is addressed to — a MAJOR hazard to the enterprise's principal responsible
 * person (主要负责人), a GENERAL one to the enterprise.
 *
 * @throws RuleViolation (SVC-7, `principalName`, 400) for a MAJOR hazard without a principal's name.
 * @example
 * hazardNoticeAddressee({ ...draft, grade: 'MAJOR', principalName: '张三' }); // '张三'
 */
export function hazardNoticeAddressee(draft: Pick<HazardDraft, 'grade' | 'principalName' | 'enterprise'>): string {
  if (draft.grade !== 'MAJOR') return draft.enterprise.name;
  if (draft.principalName === undefined || draft.principalName.trim() === '') {
    throw new RuleViolation('SVC-7', 'principalName', "SVC-7: a MAJOR hazard's notice is addressed to the enterprise's principal responsible person (主要负责人)", 400);
  }
  return draft.principalName;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

const GRADE_NAMES_ZH = { GENERAL: '一般隐患', MAJOR: '重大隐患' } as const;

/**
 * SVC-7: the written hazard notice (隐患整改通知书) as a self-contained HTML page, archived write-once before the
 * hazard is issued. A MAJOR hazard is addressed to the principal responsible person (主要负责人) by name. The
 * page is a pure function of its inputs — no clock, no ids made up — so the same draft always gives the same
 * bytes and the same digest. Everything the enterprise or inspector typed is escaped.
 *
 * @throws RuleViolation (SVC-7, `principalName`, 400) for a MAJOR hazard without a principal's name.
 * @example
 * hazardNoticeDocument(draft, { insurerName: '某财险忻州中支', serviceType: 'HAZARD_INSPECTION', performedOn: '2024-09-27' }).fileName;
 * // 'hazard-notice.html'
 */
export function hazardNoticeDocument(
  draft: HazardDraft,
  facts: { readonly insurerName: string; readonly serviceType: ServiceType; readonly performedOn: LocalDate },
): { fileName: 'hazard-notice.html'; contentType: 'text/html; charset=utf-8'; body: string } {
  const addressee = hazardNoticeAddressee(draft);
  const salutation = draft.grade === 'MAJOR' ? `${draft.enterprise.name} 主要负责人 ${addressee}` : addressee;
  const rows: readonly [string, string][] = [
    ['编号', draft.id],
    ['企业名称', draft.enterprise.name],
    ['统一社会信用代码', draft.enterprise.uscc],
    ['服务类型', SERVICE_TYPE_NAMES_ZH[facts.serviceType]],
    ['发现日期', facts.performedOn],
    ['隐患等级', GRADE_NAMES_ZH[draft.grade]],
    ['隐患描述', draft.description],
    ['整改期限', draft.rectifyBy],
  ];
  const body = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head><meta charset="utf-8"><title>隐患整改通知书</title></head>',
    '<body>',
    '<h1>隐患整改通知书</h1>',
    `<p>${escapeHtml(salutation)}：</p>`,
    `<p>${escapeHtml(facts.insurerName)}于 ${escapeHtml(facts.performedOn)} 开展${escapeHtml(SERVICE_TYPE_NAMES_ZH[facts.serviceType])}服务时发现下列隐患，请于整改期限前完成整改并报送整改方案、责任人及整改完成的证明材料。</p>`,
    '<table>',
    ...rows.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`),
    '</table>',
    ...(draft.grade === 'MAJOR' ? ['<p><strong>本隐患为重大隐患，已同时报告负有安全生产监督管理职责的部门。</strong></p>'] : []),
    `<p>${escapeHtml(facts.insurerName)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { fileName: 'hazard-notice.html', contentType: 'text/html; charset=utf-8', body };
}
