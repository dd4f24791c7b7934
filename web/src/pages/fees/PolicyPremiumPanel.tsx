import { useQuery } from '@tanstack/react-query';
import { Button, Flex, Tag, Typography } from 'antd';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { Money } from '../../kit';

/**
 * FEE-1..3 on the policy page (issue 15: issuing did not lead on to recording the premium, so the ledger stayed at
 * 0): whether the policy's premium (this insurer's share when co-insured) has been received, and 录入保费到账 while
 * some is outstanding. Receipts accrue the prevention fee, so this is where the fee ledger starts.
 */
export function PolicyPremiumPanel({ policyId, onRecord }: { readonly policyId: string; readonly onRecord: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  // The same key as the receipt form's figures: a booking refreshes both.
  const premium = useQuery({ queryKey: [...queryKeys.fees, `fees:receipts:${policyId}`], queryFn: ({ signal }) => api.fees.receipts(policyId, signal) });
  const data = premium.data;
  if (!data) {
    return premium.isError ? <Typography.Text type="secondary">{t('fee.policy.unknown')}</Typography.Text> : null;
  }
  const status =
    data.outstandingFen === 0 && data.receivablePremiumFen > 0
      ? { color: 'success', text: t('fee.policy.full') }
      : data.receivedFen > 0
        ? { color: 'warning', text: t('fee.policy.partial') }
        : { color: 'default', text: t('fee.policy.none') };
  return (
    <Flex vertical gap={6} data-testid="policy-premium">
      <div>
        <Typography.Text strong>{t('fee.policy.title')}</Typography.Text>{' '}
        <Tag color={status.color} data-testid="policy-premium-status">
          {status.text}
        </Tag>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('fee.receipt.outstanding')} <Money fen={data.receivablePremiumFen} /> · {t('fee.receipt.receivedSoFar')} <Money fen={data.receivedFen} /> ·{' '}
        {t('fee.receipt.left')} <Money fen={data.outstandingFen} />
      </Typography.Text>
      {data.outstandingFen > 0 && (
        <Button block type={data.receivedFen === 0 ? 'primary' : 'default'} onClick={onRecord}>
          {t('fee.policy.record')}
        </Button>
      )}
    </Flex>
  );
}
