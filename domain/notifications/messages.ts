import * as z from 'zod/mini';
import { complaintEvents, complaintEventPayload } from '../complaints/events.js';
import type { BusEvent } from '../kernel/event-publisher.port.js';
import { reminderEvents, reminderPayload, type ReminderAudience, type ReminderPayload, type ReminderStep } from '../reminders/events.js';
import { serviceEventPayload, serviceFollowedUp, serviceScheduled } from '../services/events.js';
import { SERVICE_TYPE_NAMES_ZH } from '../services/service.js';
import { noticeEventPayload, supervisionEvents } from '../supervision/events.js';
import { alarmEventPayload, monitoringEvents } from '../monitoring/events.js';
import { MONITORING_KIND_NAMES_ZH, type MonitoringKind } from '../monitoring/kinds.js';
import { regulatorIdOf } from '../platform/regulator.js';
import { reportEvents, reportSubmittedPayload } from '../reports/events.js';
import { periodNameOf } from '../reports/period.js';
import { evaluationEvents, evaluationPublishedPayload } from '../evaluations/events.js';
import { evaluationPeriodNameOf } from '../evaluations/period.js';
import { webhookEvents } from '../webhooks/events.js';
import { shanghaiMinuteOf } from '../kernel/calendar/local-date.js';
import type { Agency } from '../identity/role.js';
import { sideOf, type Audience, type ConsoleSide } from './audience.js';
import type { NotificationDraft } from './notification.js';

/** One message for one audience: what the rules make of an event. */
export interface Addressed {
  readonly audience: Audience;
  readonly draft: NotificationDraft;
}

/** What the message rules may need besides the event: the enterprise's name, when the register knows it. */
export interface MessageContext {
  readonly enterpriseName?: string;
}

/** Each step in words a person understands (issue 15: no rule ids in Chinese texts). */
const STEP_NAMES_ZH: Record<ReminderStep, string> = {
  'SVC-2': '本季度首次事故预防服务',
  'SVC-4': '服务计划制定',
  'SVC-7': '隐患整改',
  'SVC-8': '服务回访',
  'SVC-9': '服务记录确认归档',
  'SVC-11': '年度服务义务',
  'CMP-2': '投诉答复',
  'QUAL-6': '年度资质材料报送',
  'RPT-1': '工作情况报告报送',
  'RPT-3': '年度考核评估',
  'CAL-2': '下一年度节假日安排录入',
};

/** Where the console's sides start; a reminder's link is used as is when it is already on the recipient's side. */
const SIDE_PREFIX: Record<ConsoleSide, string> = { insurer: '/insurer/', enterprise: '/my/', regulator: '/regulator/', operator: '/platform/' };

/**
 * The console page a recipient opens for a reminder's item: the reminder's own link when it is on the
 * recipient's side of the console, otherwise that side's page of the same item.
 */
export function reminderLinkFor(side: ConsoleSide, reminder: ReminderPayload, tenantId: string | undefined): string {
  if (reminder.link.startsWith(SIDE_PREFIX[side])) return reminder.link;
  const id = encodeURIComponent(reminder.subjectId);
  switch (side) {
    case 'insurer':
      return reminder.subject === 'service'
        ? `/insurer/services/${id}`
        : reminder.subject === 'hazard'
          ? '/insurer/hazards'
          : reminder.subject === 'complaint'
            ? `/insurer/complaints/${id}`
            : reminder.subject === 'policy'
              ? `/insurer/underwriting/${id}`
              : reminder.link;
    case 'enterprise':
      return reminder.subject === 'hazard'
        ? '/my/hazards'
        : reminder.subject === 'complaint'
          ? `/my/complaints/${id}`
          : reminder.subject === 'policy'
            ? '/my/policies'
            : '/my/services';
    case 'regulator':
      if (reminder.subject === 'hazard') return '/regulator/hazards';
      if (reminder.subject === 'complaint') return '/regulator/complaints';
      if (tenantId && reminder.subject === 'service') return `/regulator/insurers/${encodeURIComponent(tenantId)}/services/${id}`;
      if (tenantId && reminder.subject === 'policy') return `/regulator/insurers/${encodeURIComponent(tenantId)}/policies/${id}`;
      return '/regulator/insurers';
    case 'operator':
      return reminder.link.startsWith('/') ? reminder.link : '/platform/tenants';
  }
}

function reminderAudiences(audience: ReminderAudience, reminder: ReminderPayload, tenantId: string | undefined): Audience[] {
  switch (audience) {
    case 'INSURER':
      return [tenantId ? { kind: 'insurer', tenantId } : { kind: 'every-insurer' }];
    case 'ENTERPRISE':
      return reminder.enterpriseUscc ? [{ kind: 'enterprise', uscc: reminder.enterpriseUscc }] : [];
    case 'REGULATOR':
      return [reminder.county ? { kind: 'regulators', county: reminder.county } : { kind: 'regulators' }];
    case 'OPERATOR':
      return [{ kind: 'operators' }];
  }
}

function reminderMessages(event: BusEvent, overdue: boolean): Addressed[] {
  const parsed = reminderPayload.safeParse(event.data);
  if (!parsed.success) return [];
  const reminder = parsed.data;
  const step = STEP_NAMES_ZH[reminder.step];
  const draft = (side: ConsoleSide): NotificationDraft => ({
    kind: overdue ? 'REMINDER_OVERDUE' : 'REMINDER_DUE',
    title: overdue ? `逾期提醒：${reminder.title}` : `到期提醒：${reminder.title}`,
    body: overdue
      ? `${reminder.title}：${step}已于${reminder.dueOn}到期，尚未完成，请尽快办理。`
      : `${reminder.title}：${step}将于${reminder.dueOn}到期，请在期限前办理。`,
    link: reminderLinkFor(side, reminder, event.tenantId),
    dueOn: reminder.dueOn,
  });
  return [...new Set(reminder.audience)].flatMap((who) =>
    reminderAudiences(who, reminder, event.tenantId).map((audience) => ({ audience, draft: draft(sideOf(audience)) })),
  );
}

function complaintReceived(event: BusEvent, context: MessageContext): Addressed[] {
  const parsed = complaintEventPayload.safeParse(event.data);
  if (!parsed.success || !event.tenantId) return [];
  const complaint = parsed.data;
  const who = context.enterpriseName ?? `企业（${complaint.enterpriseUscc}）`;
  return [
    {
      audience: { kind: 'insurer', tenantId: event.tenantId },
      draft: {
        kind: 'COMPLAINT',
        title: `新投诉：${who}`,
        body: `收到${who}的投诉，请于${complaint.bindingDueOn}前答复${complaint.provisional ? '（期限暂按预估节假日计算）' : ''}。`,
        link: `/insurer/complaints/${encodeURIComponent(complaint.complaintId)}`,
        dueOn: complaint.bindingDueOn,
      },
    },
  ];
}

/**
 * SVC-5: a scheduled service waits for the enterprise to agree its items, measures and time; SVC-9: a record
 * followed up (回访) waits for both parties' signatures — the enterprise is told of both.
 */
function serviceAwaitingEnterprise(event: BusEvent, context: MessageContext, step: 'schedule' | 'signature'): Addressed[] {
  const parsed = serviceEventPayload.safeParse(event.data);
  if (!parsed.success) return [];
  const service = parsed.data;
  const name = `${context.enterpriseName ? `${context.enterpriseName}` : ''}${SERVICE_TYPE_NAMES_ZH[service.type]}服务`;
  const draft: NotificationDraft =
    step === 'schedule'
      ? {
          kind: 'SERVICE',
          title: `服务待确认：${name}`,
          body: `保险机构安排了${name}，计划于${service.scheduledOn}进行，请确认服务事项、措施和时间。`,
          link: '/my/services',
          dueOn: service.scheduledOn,
        }
      : {
          kind: 'SERVICE',
          title: `服务记录待签字：${name}`,
          body: `${name}（${service.performedOn ?? service.scheduledOn}）的记录已完成回访，请核对后签字确认${service.nextDueOn ? `，归档期限为${service.nextDueOn}` : ''}。`,
          link: '/my/services',
          ...(service.nextDueOn ? { dueOn: service.nextDueOn } : {}),
        };
  return [{ audience: { kind: 'enterprise', uscc: service.enterpriseUscc }, draft }];
}

const AGENCY_NAMES_ZH: Record<Agency, string> = {
  EMB_CITY: '忻州市应急管理局',
  EMB_COUNTY: '县（市、区）应急管理局',
  NFRA: '国家金融监督管理总局忻州监管分局',
};

/**
 * SUP-1: a 督办 notice issued is the insurer's to answer (its users are told, with the day it is due); SUP-3: the
 * answer is the issuing agency's to read and close (its users are told; a county EMB's is its county's, ACL-4).
 */
function supervisionNotice(event: BusEvent, step: 'issued' | 'answered'): Addressed[] {
  const parsed = noticeEventPayload.safeParse(event.data);
  if (!parsed.success) return [];
  const notice = parsed.data;
  if (step === 'issued') {
    return [
      {
        audience: { kind: 'insurer', tenantId: notice.tenantId },
        draft: {
          kind: 'SUPERVISION',
          title: `督办通知：${notice.subject.label}`,
          body: `${AGENCY_NAMES_ZH[notice.agency]}就“${notice.subject.label}”发出督办通知，请于${notice.dueOn}前答复。`,
          link: '/insurer/notices',
          dueOn: notice.dueOn,
        },
      },
    ];
  }
  if (notice.agency === 'EMB_COUNTY' && !notice.county) return [];
  return [
    {
      audience: { kind: 'agency', regulatorId: regulatorIdOf(notice.agency, notice.agency === 'EMB_COUNTY' ? notice.county : undefined) },
      draft: {
        kind: 'SUPERVISION',
        title: `督办已答复：${notice.insurerName}`,
        body: `${notice.insurerName}已答复关于“${notice.subject.label}”的督办通知（答复期限${notice.dueOn}），请审阅后办结。`,
        link: '/regulator/notices',
        dueOn: notice.dueOn,
      },
    },
  ];
}

/**
 * MON-2: an alarm opened at a mine warns the enterprise's users at once (remote warning, 远程预警) — what was
 * measured, how far, since when; the insurer sees it on its duty board.
 */
function alarmOpened(event: BusEvent): Addressed[] {
  const parsed = alarmEventPayload.safeParse(event.data);
  if (!parsed.success) return [];
  const alarm = parsed.data;
  const what = MONITORING_KIND_NAMES_ZH[alarm.kind as MonitoringKind] ?? alarm.kind;
  const level = alarm.severity === 'MAJOR' ? '重大' : '一般';
  const peak = alarm.peak === undefined ? '' : `，峰值${alarm.peak}${alarm.unit}`;
  return [
    {
      audience: { kind: 'enterprise', uscc: alarm.enterpriseUscc },
      draft: {
        kind: 'MONITORING',
        title: `${level}报警：${what}（测点${alarm.sensorId}）`,
        body: `保险机构远程监测发现${alarm.enterpriseName}测点${alarm.sensorId}的${what}超限${peak}（${shanghaiMinuteOf(alarm.openedAt)}起），请立即核查处置。`,
        link: '/my/alarms',
      },
    },
  ];
}

/**
 * RPT-1: a submitted report (报送) tells its addressees — the city EMB and the NFRA — that it is there to read,
 * a late one saying so.
 */
function reportSubmitted(event: BusEvent): Addressed[] {
  const parsed = reportSubmittedPayload.safeParse(event.data);
  if (!parsed.success) return [];
  const report = parsed.data;
  const period = periodNameOf({ year: report.year, kind: report.kind });
  const draft = {
    kind: 'SUPERVISION' as const,
    title: `报告已报送：${report.insurerName}${period}`,
    body: `${report.insurerName}报送了${period}${report.kind === 'SELF_EVALUATION' ? '事故预防服务质量评估报告' : '安责险承保、事故预防服务及费用使用情况报告'}（第${report.version}版${report.late ? `，逾期：应于${report.dueOn}前报送` : ''}），请查阅。`,
    link: `/regulator/reports/${encodeURIComponent(report.reportId)}`,
  };
  return (['EMB_CITY', 'NFRA'] as const).map((agency) => ({ audience: { kind: 'agency' as const, regulatorId: regulatorIdOf(agency, undefined) }, draft }));
}

/**
 * RPT-3: a published evaluation tells its insurer's users its result (a fail saying so), linking to 考核结果.
 */
function evaluationPublished(event: BusEvent): Addressed[] {
  const parsed = evaluationPublishedPayload.safeParse(event.data);
  if (!parsed.success) return [];
  const evaluation = parsed.data;
  const period = evaluationPeriodNameOf({ year: evaluation.year, term: evaluation.term });
  return [
    {
      audience: { kind: 'insurer', tenantId: evaluation.tenantId },
      draft: {
        kind: 'SUPERVISION',
        title: `考核评估结果已发布：${period}`,
        body: `市应急管理局会同忻州金融监管分局发布了贵机构${period}安责险考核评估结果（第${evaluation.revision}版）：总分${evaluation.total}分，合格分数线${evaluation.passMark}分，${evaluation.passed ? '合格' : '不合格'}。请查阅。`,
        link: `/insurer/evaluations/${encodeURIComponent(evaluation.evaluationId)}`,
      },
    },
  ];
}

/**
 * Issue 17: the platform disabled a webhook endpoint (410 Gone, or 5 days failing) — its owner learns of it in the
 * console, not only from the event: an insurer's admins (who alone may open 事件订阅), or the owning agency's users.
 */
function webhookDisabled(event: BusEvent): Addressed[] {
  const parsed = webhookEvents.subscriptionDisabled.payload.safeParse(event.data);
  if (!parsed.success) return [];
  const { url, reason, agency, county } = parsed.data;
  const draft = {
    kind: 'WEBHOOK' as const,
    title: '事件订阅已被停用',
    body: `平台已停用事件订阅地址 ${url}（${reason.includes('410') ? '对方返回 410，表示不再接收' : '连续 5 天投递失败'}）。修复接收端后，可在事件订阅中重新启用并重放未送达的消息。`,
  };
  if (agency) {
    // An event raised before it carried the county cannot name a county EMB's users: nobody to tell, not an error.
    if (agency === 'EMB_COUNTY' && !county) return [];
    return [{ audience: { kind: 'agency', regulatorId: regulatorIdOf(agency as Agency, agency === 'EMB_COUNTY' ? county : undefined) }, draft: { ...draft, link: '/regulator/webhooks' } }];
  }
  return event.tenantId ? [{ audience: { kind: 'insurer', tenantId: event.tenantId, adminsOnly: true }, draft: { ...draft, link: '/insurer/webhooks' } }] : [];
}

/** The event names the rules answer; the subscription table lists exactly these for the notifications function. */
export const MESSAGE_RULES: Readonly<Record<string, (event: BusEvent, context: MessageContext) => Addressed[]>> = {
  [reminderEvents.due.name]: (event) => reminderMessages(event, false),
  [reminderEvents.overdue.name]: (event) => reminderMessages(event, true),
  [complaintEvents.received.name]: complaintReceived,
  [serviceScheduled.name]: (event, context) => serviceAwaitingEnterprise(event, context, 'schedule'),
  [serviceFollowedUp.name]: (event, context) => serviceAwaitingEnterprise(event, context, 'signature'),
  [supervisionEvents.noticeIssued.name]: (event) => supervisionNotice(event, 'issued'),
  [supervisionEvents.noticeAnswered.name]: (event) => supervisionNotice(event, 'answered'),
  [monitoringEvents.opened.name]: alarmOpened,
  [reportEvents.reportSubmitted.name]: reportSubmitted,
  [evaluationEvents.published.name]: evaluationPublished,
  [webhookEvents.subscriptionDisabled.name]: webhookDisabled,
};

/** The enterprise an event is about, so its name can be looked up before the messages are made. */
export function enterpriseOf(event: BusEvent): string | undefined {
  const uscc = z.object({ enterpriseUscc: z.optional(z.string()) }).safeParse(event.data);
  return uscc.success ? uscc.data.enterpriseUscc : undefined;
}

/** The messages one event makes, one per audience; none for an event the rules do not know. */
export function messagesOf(event: BusEvent, context: MessageContext = {}): Addressed[] {
  const rule = Object.hasOwn(MESSAGE_RULES, event.type) ? MESSAGE_RULES[event.type] : undefined;
  return rule ? rule(event, context) : [];
}
