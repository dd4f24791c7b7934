import { App, Button, Drawer, Flex, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, dateTimeColumn, moneyColumn, PageHeading, useInvalidate, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { ClaimDetail } from './ClaimDetail';
import { DecideClaimModal, PayoutModal, RegisterClaimModal } from './ClaimForms';
import { ClaimStateTag } from './ClaimTags';
import { CLAIM_OUTCOMES, CLAIM_STATUSES, ClaimsApi, type Claim, type ClaimOutcome, type ClaimStatus } from './claims-api';

const NO_COLUMNS: readonly never[] = [];

/** The columns every claims list shares: the accident, the enterprise and policy, the amounts, the state. */
export function useClaimColumns<Row extends Claim>(view: (claim: Row) => void, extra: readonly DataColumn<Row>[] = NO_COLUMNS): DataColumn<Row>[] {
  const { t } = useI18n();
  return useMemo<DataColumn<Row>[]>(
    () => [
      { key: 'accidentOn', title: t('claim.accidentOn'), width: 110, value: (claim) => claim.accidentOn },
      {
        key: 'enterprise',
        title: t('claim.enterprise'),
        width: 220,
        ellipsis: true,
        value: (claim) => claim.enterprise.name,
        render: (claim) => (
          <Typography.Link onClick={() => view(claim)} title={claim.enterprise.name}>
            {claim.enterprise.name}
          </Typography.Link>
        ),
      },
      { key: 'policy', title: t('claim.policy'), width: 170, value: (claim) => claim.policyNumber },
      ...extra,
      moneyColumn<Row>('claimed', t('claim.claimed'), (claim) => claim.claimedFen),
      moneyColumn<Row>('payable', t('claim.payable'), (claim) => claim.decision?.totalPayableFen),
      moneyColumn<Row>('paid', t('claim.paid'), (claim) => claim.paidFen),
      {
        key: 'state',
        title: t('claim.outcome'),
        width: 100,
        value: (claim) => (claim.decision ? t(`claim.outcome.${claim.decision.outcome}`) : t(`claim.status.${claim.status}`)),
        render: (claim) => <ClaimStateTag claim={claim} />,
      },
      {
        key: 'reason',
        title: t('claim.reason'),
        width: 180,
        ellipsis: true,
        value: (claim) => (claim.decision?.reasonCode ? `${t(`claim.reason.${claim.decision.reasonCode}`)}：${claim.decision.reasonText ?? ''}` : ''),
      },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 70,
        csv: false,
        render: (claim) => (
          <Button size="small" type="link" onClick={() => view(claim)}>
            {t('claim.view')}
          </Button>
        ),
      },
    ],
    [t, view, extra],
  );
}

type Dialog = { kind: 'register' } | { kind: 'decide'; claim: Claim } | { kind: 'payout'; claim: Claim };

/**
 * 理赔管理 (CLM-1): the insurer's claims with their totals; register a claim picking the policy by the enterprise's
 * name or the policy number, decide it per person (a cut or a decline with its reason), record the payouts.
 */
export function ClaimsPage() {
  const { t } = useI18n();
  const api = useApi();
  const claims = useMemo(() => new ClaimsApi(api.client), [api]);
  const { message } = App.useApp();
  const invalidate = useInvalidate('claims');
  const [shown, setShown] = useState<Claim>();
  const [dialog, setDialog] = useState<Dialog>();
  const registered = useMemo(() => [dateTimeColumn<Claim>('registeredAt', t('claim.registeredAt'), (claim) => claim.registeredAt)], [t]);
  const columns = useClaimColumns<Claim>(setShown, registered);

  const filters = useMemo<FilterField[]>(
    () => [
      { kind: 'text', name: 'q', label: t('claim.search') },
      { kind: 'select', name: 'status', label: t('claim.status'), options: CLAIM_STATUSES.map((value) => ({ value, label: t(`claim.status.${value}`) })) },
      { kind: 'select', name: 'outcome', label: t('claim.outcome'), options: CLAIM_OUTCOMES.map((value) => ({ value, label: t(`claim.outcome.${value}`) })) },
    ],
    [t],
  );
  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      claims.list(
        {
          cursor,
          limit,
          q: values.q?.trim() || undefined,
          status: (values.status || undefined) as ClaimStatus | undefined,
          outcome: (values.outcome || undefined) as ClaimOutcome | undefined,
        },
        signal,
      ),
    [claims],
  );
  const done = (claim: Claim) => {
    void message.success(t('claim.saved'));
    setDialog(undefined);
    setShown(claim);
    invalidate();
  };
  const payable = shown?.decision && shown.decision.outcome !== 'DECLINED' && shown.paidFen < shown.decision.totalPayableFen;

  return (
    <>
      <PageHeading title={t('claim.list.title')} />
      <Typography.Paragraph type="secondary">{t('claim.list.intro')}</Typography.Paragraph>
      <DataTable<Claim>
        queryKey={[...queryKeys.claims, '/api/v1/claims']}
        caption={t('claim.list.title')}
        columns={columns}
        rowKey={(claim) => claim.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="claims"
        toolbar={
          <Button type="primary" onClick={() => setDialog({ kind: 'register' })}>
            {t('claim.register')}
          </Button>
        }
      />
      <Drawer open={Boolean(shown)} title={t('claim.detailTitle')} size={720} onClose={() => setShown(undefined)} destroyOnHidden>
        {shown && (
          <>
            <Flex gap={8} wrap style={{ marginBottom: 12 }}>
              {shown.status === 'REGISTERED' && (
                <Button type="primary" onClick={() => setDialog({ kind: 'decide', claim: shown })}>
                  {t('claim.decide')}
                </Button>
              )}
              {payable && <Button onClick={() => setDialog({ kind: 'payout', claim: shown })}>{t('claim.payout')}</Button>}
            </Flex>
            <ClaimDetail claim={shown} />
          </>
        )}
      </Drawer>
      {dialog?.kind === 'register' && <RegisterClaimModal onClose={() => setDialog(undefined)} onDone={done} />}
      {dialog?.kind === 'decide' && <DecideClaimModal claim={dialog.claim} onClose={() => setDialog(undefined)} onDone={done} />}
      {dialog?.kind === 'payout' && <PayoutModal claim={dialog.claim} onClose={() => setDialog(undefined)} onDone={done} />}
    </>
  );
}
