import { Descriptions, type DescriptionsProps } from 'antd';
import type { ComplaintReply } from '../../api';
import { useI18n } from '../../i18n';
import { DateTime } from '../../kit';
import { LongText } from './ComplaintFacts';

/** The insurer's reply, its four parts (CMP-5) under their own labels. */
export function ComplaintReplyView({ reply }: { readonly reply: ComplaintReply }) {
  const { t } = useI18n();
  const items: DescriptionsProps['items'] = [
    { key: 'request', label: t('complaint.reply.request'), children: <LongText>{reply.request}</LongText> },
    { key: 'facts', label: t('complaint.reply.facts'), children: <LongText>{reply.facts}</LongText> },
    { key: 'basis', label: t('complaint.reply.basis'), children: <LongText>{reply.basis}</LongText> },
    { key: 'measures', label: t('complaint.reply.measures'), children: <LongText>{reply.measures}</LongText> },
    { key: 'repliedAt', label: t('complaint.reply.repliedAt'), children: <DateTime value={reply.repliedAt} /> },
  ];
  return <Descriptions bordered size="small" column={1} styles={{ label: { width: 180 } }} items={items} data-testid="complaint-reply" />;
}
