import { Flex, Tag, Typography } from 'antd';
import type { Complaint } from '../../api';
import { useI18n } from '../../i18n';
import { dueState, otherClock, type DueUrgency } from './due-dates';

/** Solid tags with white text: both keep ≥ 4.5:1 contrast (antd's orange preset does not). */
export const OVERDUE_COLOR = '#b91c1c';
export const DUE_SOON_COLOR = '#c2410c';

const TAG_COLOR: Partial<Record<DueUrgency, string>> = { overdue: OVERDUE_COLOR, soon: DUE_SOON_COLOR };

/** The "暂定" marker of a date computed without the year's published holiday schedule (CAL-2). */
export function ProvisionalMark() {
  const { t } = useI18n();
  return (
    <Tag variant="outlined" style={{ borderStyle: 'dashed', marginInlineEnd: 0 }} title={t('complaint.due.provisionalHint')}>
      {t('complaint.due.provisional')}
    </Tag>
  );
}

/**
 * A complaint's reply deadline, binding clock first (CMP-8): its due date (red when overdue, orange when
 * due within 3 days), which clock binds, "暂定" when provisional, how many days are left; below it, smaller,
 * the other clock's date.
 */
export function DueDateBadge({ complaint, today }: { readonly complaint: Complaint; readonly today: string }) {
  const { t } = useI18n();
  const { binding } = complaint.deadlines;
  const state = dueState(complaint, today);
  const other = otherClock(complaint.deadlines);
  const color = TAG_COLOR[state.urgency];
  const clock = t(`complaint.clock.${binding.clock}`);
  const note =
    state.urgency === 'overdue'
      ? t('complaint.due.overdue', { days: -state.daysLeft })
      : state.urgency === 'soon'
        ? state.daysLeft === 0
          ? t('complaint.due.today')
          : t('complaint.due.daysLeft', { days: state.daysLeft })
        : state.urgency === 'repliedLate'
          ? t('complaint.due.repliedLate')
          : undefined;
  const noteColor = state.urgency === 'soon' ? DUE_SOON_COLOR : OVERDUE_COLOR;
  return (
    <Flex vertical gap={2} role="group" aria-label={t('complaint.due.aria', { date: binding.dueOn, clock })} data-due={state.urgency}>
      <Flex wrap gap={4} align="center">
        <Tag
          color={color}
          variant={color ? 'solid' : 'outlined'}
          style={{ marginInlineEnd: 0, fontVariantNumeric: 'tabular-nums' }}
        >
          {binding.dueOn}
        </Tag>
        <Typography.Text style={{ fontSize: 13 }}>{clock}</Typography.Text>
        {binding.provisional && <ProvisionalMark />}
        {note && (
          <Typography.Text strong style={{ fontSize: 13, color: noteColor }}>
            {note}
          </Typography.Text>
        )}
        {state.urgency === 'replied' && complaint.reply && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('complaint.due.repliedOnTime')}
          </Typography.Text>
        )}
      </Flex>
      {other && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(other.provisional ? 'complaint.due.otherClockProvisional' : 'complaint.due.otherClock', {
            clock: t(`complaint.clock.${other.clock}`),
            date: other.dueOn,
          })}
        </Typography.Text>
      )}
    </Flex>
  );
}
