import { Descriptions, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import type { Complaint } from '../../api';
import { useI18n } from '../../i18n';
import { DateTime } from '../../kit';
import { countyName } from '../../reference/xinzhou-counties';
import { ComplaintStatusTag } from './ComplaintStatusTag';
import { useEnterpriseNames } from '../../kit/useEnterpriseNames';
import { ruleSetName } from '../../kit/rule-set-name';

/** Multi-line text as the complainant or the insurer typed it (line breaks kept). */
export function LongText({ children }: { readonly children: string }) {
  return <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{children}</div>;
}

/** What was received: when, how, from whom, what is asked; the insurer's name when the reader needs it. */
export function ComplaintFacts({ complaint, insurer }: { readonly complaint: Complaint; readonly insurer?: ReactNode }) {
  const { t, locale } = useI18n();
  const enterpriseName = useEnterpriseNames([complaint.enterpriseUscc])(complaint.enterpriseUscc);
  const items: DescriptionsProps['items'] = [
    { key: 'status', label: t('complaint.status'), children: <ComplaintStatusTag status={complaint.status} /> },
    { key: 'receivedAt', label: t('complaint.receivedAt'), children: <DateTime value={complaint.receivedAt} /> },
    { key: 'channel', label: t('complaint.channel'), children: t(`complaint.channel.${complaint.channel}`) },
    ...(insurer === undefined ? [] : [{ key: 'insurer', label: t('complaint.insurer'), children: insurer }]),
    {
      key: 'enterprise',
      label: t('complaint.enterpriseUscc'),
      // Issue 15: the enterprise by its register name, the USCC beside it.
      children: (
        <>
          {enterpriseName && <>{enterpriseName} </>}
          <Typography.Text style={{ fontFamily: 'monospace' }}>{complaint.enterpriseUscc}</Typography.Text>
        </>
      ),
    },
    { key: 'county', label: t('complaint.county'), children: countyName(complaint.county, locale) || t('complaint.unknown') },
    ...(complaint.policyId ? [{ key: 'policy', label: t('complaint.policyId'), children: complaint.policyId }] : []),
    ...(complaint.serviceId ? [{ key: 'service', label: t('complaint.serviceId'), children: complaint.serviceId }] : []),
    { key: 'request', label: t('complaint.request'), children: <LongText>{complaint.request}</LongText> },
    {
      key: 'ruleSet',
      label: t('complaint.ruleSet'),
      children: <span title={complaint.ruleSetId}>{t('complaint.ruleSetVersion', { id: ruleSetName(complaint.ruleSetId, t), version: complaint.ruleSetVersion })}</span>,
    },
    { key: 'id', label: t('complaint.id'), children: <Typography.Text copyable>{complaint.id}</Typography.Text> },
  ];
  return <Descriptions bordered size="small" column={1} styles={{ label: { width: 180 } }} items={items} />;
}
