import { Descriptions, Table, Typography, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { DateTime, Money } from '../../kit';
import { countyName } from '../../reference/xinzhou-counties';
import type { Claim } from './claims-api';
import { ClaimStateTag } from './ClaimTags';

/** A claim as its readers see it: the accident, each person with claimed and payable, the decision's reason, the payouts. */
export function ClaimDetail({ claim, insurer }: { readonly claim: Claim; readonly insurer?: ReactNode }) {
  const { t, locale } = useI18n();
  const decision = claim.decision;
  const limitOf = (kind: Claim['casualties'][number]['kind']) => (kind === 'DEATH' ? claim.limits.deathFen : claim.limits.personFen);
  const items: DescriptionsProps['items'] = [
    { key: 'state', label: t('claim.status'), children: <ClaimStateTag claim={claim} /> },
    ...(insurer === undefined ? [] : [{ key: 'insurer', label: t('claim.insurer'), children: insurer }]),
    { key: 'enterprise', label: t('claim.enterprise'), children: claim.enterprise.name },
    { key: 'county', label: t('claim.county'), children: countyName(claim.enterprise.county, locale) },
    { key: 'policy', label: t('claim.policy'), children: claim.policyNumber },
    { key: 'accidentOn', label: t('claim.accidentOn'), children: claim.accidentOn },
    { key: 'place', label: t('claim.place'), children: <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{claim.place}</div> },
    { key: 'claimed', label: t('claim.claimed'), children: <Money fen={claim.claimedFen} /> },
    ...(decision
      ? [
          { key: 'payable', label: t('claim.payable'), children: <Money fen={decision.totalPayableFen} /> },
          { key: 'decidedOn', label: t('claim.decidedOn'), children: decision.decidedOn },
          ...(decision.reasonCode
            ? [
                {
                  key: 'reason',
                  label: t('claim.reason'),
                  children: (
                    <div style={{ overflowWrap: 'anywhere' }}>
                      <Typography.Text strong>{t(`claim.reason.${decision.reasonCode}`)}</Typography.Text>
                      {decision.reasonText && <div style={{ whiteSpace: 'pre-wrap' }}>{decision.reasonText}</div>}
                    </div>
                  ),
                },
              ]
            : []),
          { key: 'paid', label: t('claim.paid'), children: <Money fen={claim.paidFen} /> },
        ]
      : []),
    {
      key: 'documents',
      label: t('claim.documents'),
      children:
        claim.documents.length === 0 ? (
          <Typography.Text type="secondary">{t('claim.documents.none')}</Typography.Text>
        ) : (
          claim.documents.map((document) => (
            <div key={document.archiveId} style={{ overflowWrap: 'anywhere' }} title={`SHA-256 ${document.sha256}`}>
              {document.name}
            </div>
          ))
        ),
    },
    { key: 'registeredAt', label: t('claim.registeredAt'), children: <DateTime value={claim.registeredAt} /> },
  ];
  return (
    <>
      <Descriptions bordered size="small" column={1} styles={{ label: { width: 120 } }} items={items} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('claim.casualties')}
      </Typography.Title>
      <Table
        size="small"
        rowKey={(_, index) => String(index)}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={claim.casualties.map((casualty, index) => ({ ...casualty, payable: decision?.payableFen[index] }))}
        columns={[
          { key: 'name', title: t('claim.casualty.name'), dataIndex: 'name' },
          { key: 'kind', title: t('claim.casualty.kind'), render: (_, casualty) => t(`claim.kind.${casualty.kind}`) },
          { key: 'claimed', title: t('claim.claimed'), align: 'right', render: (_, casualty) => <Money fen={casualty.amountClaimedFen} /> },
          { key: 'limit', title: t('claim.casualty.limit'), align: 'right', render: (_, casualty) => <Money fen={limitOf(casualty.kind)} /> },
          ...(decision ? [{ key: 'payable', title: t('claim.payable'), align: 'right' as const, render: (_: unknown, casualty: { payable?: number }) => <Money fen={casualty.payable} /> }] : []),
        ]}
      />
      {decision && decision.outcome !== 'DECLINED' && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('claim.payouts')}
          </Typography.Title>
          {claim.payouts.length === 0 ? (
            <Typography.Text type="secondary">{t('claim.payout.none')}</Typography.Text>
          ) : (
            <Table
              size="small"
              rowKey={(payout) => payout.recordedAt}
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={claim.payouts}
              columns={[
                { key: 'paidOn', title: t('claim.payout.paidOn'), dataIndex: 'paidOn' },
                { key: 'amount', title: t('claim.payout.amount'), align: 'right', render: (_, payout) => <Money fen={payout.amountFen} /> },
                { key: 'note', title: t('claim.payout.note'), render: (_, payout) => payout.note ?? '' },
              ]}
            />
          )}
        </>
      )}
    </>
  );
}
