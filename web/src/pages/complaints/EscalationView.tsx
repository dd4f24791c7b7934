import { Descriptions, type DescriptionsProps } from 'antd';
import type { Complaint } from '../../api';
import { useI18n } from '../../i18n';
import { DateTime } from '../../kit';
import { LongText } from './ComplaintFacts';

/** CMP-6: where the complainant took the complaint, when and why. */
export function EscalationView({ escalation }: { readonly escalation: NonNullable<Complaint['escalation']> }) {
  const { t } = useI18n();
  const items: DescriptionsProps['items'] = [
    { key: 'to', label: t('complaint.escalate.to'), children: t(`complaint.targetOption.${escalation.to}`) },
    { key: 'at', label: t('complaint.escalate.at'), children: <DateTime value={escalation.at} /> },
    { key: 'reason', label: t('complaint.escalate.reason'), children: <LongText>{escalation.reason}</LongText> },
  ];
  return <Descriptions bordered size="small" column={1} styles={{ label: { width: 180 } }} items={items} />;
}
