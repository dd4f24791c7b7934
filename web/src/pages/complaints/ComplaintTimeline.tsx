import { Timeline, Typography, type TimelineProps } from 'antd';
import type { ReactNode } from 'react';
import type { Complaint, ComplaintTimelineKind } from '../../api';
import { useI18n } from '../../i18n';
import { DateTime } from '../../kit';

const COLORS: Readonly<Record<ComplaintTimelineKind, string>> = {
  RECEIVED: 'blue',
  VERIFICATION_REQUIRED: 'gray',
  EXTENDED: 'orange',
  REPLIED: 'green',
  ACCEPTED: 'green',
  ESCALATED: 'red',
};

/**
 * What happened to the complaint, oldest first: received, verification, extension (days, approver,
 * reason), reply, acceptance, escalation (where, why). Details come from the complaint's own fields.
 */
export function ComplaintTimeline({ complaint }: { readonly complaint: Complaint }) {
  const { t } = useI18n();
  const details = (kind: ComplaintTimelineKind): ReactNode => {
    if (kind === 'EXTENDED' && complaint.extension) {
      return (
        <>
          <div>{t('complaint.timeline.extension', { days: complaint.extension.days, approvedBy: complaint.extension.approvedBy })}</div>
          <div>{t('complaint.timeline.reason', { reason: complaint.extension.reason })}</div>
        </>
      );
    }
    if (kind === 'ESCALATED' && complaint.escalation) {
      return <div>{t('complaint.timeline.reason', { reason: complaint.escalation.reason })}</div>;
    }
    return null;
  };
  const headline = (kind: ComplaintTimelineKind): string => {
    if (kind === 'RECEIVED') return t('complaint.timeline.RECEIVED', { channel: t(`complaint.channel.${complaint.channel}`) });
    if (kind === 'ESCALATED') {
      return t('complaint.timeline.ESCALATED', { to: complaint.escalation ? t(`complaint.target.${complaint.escalation.to}`) : '' });
    }
    return t(`complaint.timeline.${kind}`);
  };
  const items: TimelineProps['items'] = complaint.timeline.map((entry, index) => ({
    key: `${entry.kind}-${index}`,
    color: COLORS[entry.kind],
    content: (
      <div data-kind={entry.kind}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <DateTime value={entry.at} />
        </Typography.Text>
        <div style={{ fontWeight: 500 }}>{headline(entry.kind)}</div>
        <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{details(entry.kind)}</div>
      </div>
    ),
  }));
  return (
    <section aria-label={t('complaint.section.timeline')}>
      <Timeline items={items} />
    </section>
  );
}
