import { Tag } from 'antd';
import type { ComplaintStatus } from '../../api';
import { useI18n } from '../../i18n';
import { complaintStatusText } from './complaint-text';

const COLORS: Readonly<Record<ComplaintStatus, string>> = {
  OPEN: 'blue',
  REPLIED: 'cyan',
  ACCEPTED: 'green',
  ESCALATED: 'volcano',
};

export function ComplaintStatusTag({ status }: { readonly status: ComplaintStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {complaintStatusText(status, t)}
    </Tag>
  );
}
