import { Flex, Tag, Typography } from 'antd';
import type { GeoLocation, Hazard, HazardGrade, HazardStatus, LocalDate, PreventionService, ServiceStatus } from '../../api';
import { useI18n, type Translate } from '../../i18n';
import { DUE_SOON_COLOR, OVERDUE_COLOR, ProvisionalMark } from '../complaints/DueDateBadge';
import { DUE_SOON_DAYS } from '../complaints/due-dates';
import { hazardDueOn, isHazardOverdue, serviceDue } from './service-dates';
import { hazardGradeText, hazardStatusText, serviceStatusText } from './service-text';

const STATUS_COLORS: Readonly<Record<ServiceStatus, string>> = {
  SCHEDULED: 'default',
  SCHEDULE_CONFIRMED: 'blue',
  COMPLETED: 'cyan',
  FOLLOWED_UP: 'geekblue',
  CONFIRMED: 'purple',
  ARCHIVED: 'green',
  CANCELLED: 'default',
};

export function ServiceStatusTag({ status }: { readonly status: ServiceStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} variant={status === 'CANCELLED' ? 'outlined' : undefined} style={{ marginInlineEnd: 0 }}>
      {serviceStatusText(status, t)}
    </Tag>
  );
}

const HAZARD_STATUS_COLORS: Readonly<Record<HazardStatus, string>> = { OPEN: 'orange', RECTIFYING: 'blue', RECTIFIED: 'cyan', VERIFIED: 'green' };

export function HazardStatusTag({ status }: { readonly status: HazardStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={HAZARD_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {hazardStatusText(status, t)}
    </Tag>
  );
}

/** SVC-7: a MAJOR hazard in solid red (white text keeps its contrast), a general one outlined. */
export function HazardGradeTag({ grade }: { readonly grade: HazardGrade }) {
  const { t } = useI18n();
  return grade === 'MAJOR' ? (
    <Tag color={OVERDUE_COLOR} variant="solid" style={{ marginInlineEnd: 0 }} data-grade="MAJOR">
      {hazardGradeText(grade, t)}
    </Tag>
  ) : (
    <Tag variant="outlined" style={{ marginInlineEnd: 0 }} data-grade="GENERAL">
      {hazardGradeText(grade, t)}
    </Tag>
  );
}

/**
 * The deadline a service works towards (SVC-8 follow-up, SVC-9 archive): its date, red with 逾期 once past,
 * orange within three days, 暂定 when counted without the year's holiday schedule (CAL-2).
 */
export function ServiceDueBadge({ service, today }: { readonly service: Pick<PreventionService, 'status' | 'deadlines'>; readonly today: string }) {
  const { t } = useI18n();
  const due = serviceDue(service, today);
  if (!due) return null;
  const soon = !due.overdue && due.daysLeft <= DUE_SOON_DAYS;
  const color = due.overdue ? OVERDUE_COLOR : soon ? DUE_SOON_COLOR : undefined;
  const note = due.overdue ? t('svc.due.overdue', { days: -due.daysLeft }) : soon ? (due.daysLeft === 0 ? t('svc.due.today') : t('svc.due.daysLeft', { days: due.daysLeft })) : undefined;
  return (
    <Flex wrap gap={4} align="center" data-due={due.overdue ? 'overdue' : soon ? 'soon' : 'open'}>
      <Typography.Text style={{ fontSize: 13 }}>{t(`svc.due.${due.kind}`)}</Typography.Text>
      <Tag color={color} variant={color ? 'solid' : 'outlined'} style={{ marginInlineEnd: 0, fontVariantNumeric: 'tabular-nums' }}>
        {due.dueOn}
      </Tag>
      {due.provisional && <ProvisionalMark />}
      {due.overdue && (
        <Tag color={OVERDUE_COLOR} variant="solid" style={{ marginInlineEnd: 0 }}>
          {t('svc.due.overdueBadge')}
        </Tag>
      )}
      {note && (
        <Typography.Text strong style={{ fontSize: 13, color }}>
          {note}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * SVC-7: the day a hazard must be rectified by, with 逾期 once past while still OPEN or RECTIFYING; nothing once
 * verified unless the caller names the day to show (`dueOn`).
 */
export function HazardDueCell({
  hazard,
  today,
  dueOn = hazardDueOn(hazard),
}: {
  readonly hazard: Pick<Hazard, 'status' | 'rectifyBy' | 'rectification'>;
  readonly today: LocalDate;
  readonly dueOn?: LocalDate;
}) {
  const { t } = useI18n();
  if (!dueOn) return null;
  return (
    <Flex gap={4} align="center">
      {dueOn}
      {isHazardOverdue(hazard, today) && (
        <Tag color={OVERDUE_COLOR} variant="solid">
          {t('hazard.overdue')}
        </Tag>
      )}
    </Flex>
  );
}

/** SVC-13: where a piece of evidence was captured, to four decimals, or that the device gave no position. */
export const locationText = (location: GeoLocation | undefined, t: Translate): string =>
  location ? `${location.latitude.toFixed(4)}, ${location.longitude.toFixed(4)}` : t('svc.evidence.noLocation');

/** A SHA-256 digest's first 16 hex digits, the whole digest on hover. */
export const ShortSha = ({ sha256 }: { readonly sha256: string }) => <code title={sha256}>{sha256.slice(0, 16)}…</code>;
