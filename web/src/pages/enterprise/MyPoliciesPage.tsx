import { queryKeys } from '../../api/query-keys';
import { Button, Drawer, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { Policy } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, moneyColumn, PageHeading, type DataColumn, type DataTablePageRequest } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { PolicyDetail } from '../underwriting/PolicyDetail';
import { PolicyStatusTag, policyPhase, policyPhaseKey } from '../underwriting/PolicyStatusTag';
import { useMyInsurers } from './insurer-names';

/** 我的保单 (ACL-5): the enterprise's policies across insurers, each openable in full, read-only. */
export function MyPoliciesPage() {
  const { t } = useI18n();
  const api = useApi();
  const { nameOf } = useMyInsurers();
  const [shown, setShown] = useState<Policy>();
  const today = shanghaiToday();

  const columns = useMemo<DataColumn<Policy>[]>(
    () => [
      {
        key: 'number',
        title: t('policy.number'),
        width: 200,
        value: (policy) => policy.policyNumber,
        render: (policy) => <Typography.Link onClick={() => setShown(policy)}>{policy.policyNumber}</Typography.Link>,
      },
      { key: 'insurer', title: t('policy.insurer'), value: (policy) => nameOf(policy.tenantId) },
      { key: 'period', title: t('policy.period'), width: 190, value: (policy) => `${policy.periodStart} ~ ${policy.periodEnd}` },
      { key: 'employees', title: t('policy.employeesCovered'), width: 90, align: 'right', value: (policy) => policy.employeesCovered },
      moneyColumn<Policy>('amount', t('policy.insuredAmount'), (policy) => policy.perPersonInsuredAmountFen),
      moneyColumn<Policy>('death', t('policy.deathLimit'), (policy) => policy.perPersonDeathLimitFen),
      moneyColumn<Policy>('premium', t('policy.premium'), (policy) => policy.premiumFen),
      {
        key: 'status',
        title: t('policy.status'),
        width: 90,
        value: (policy) => t(policyPhaseKey(policyPhase(policy, today))),
        render: (policy) => <PolicyStatusTag policy={policy} today={today} />,
      },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 70,
        csv: false,
        render: (policy) => (
          <Button size="small" type="link" onClick={() => setShown(policy)}>
            {t('policy.view')}
          </Button>
        ),
      },
    ],
    [t, nameOf, today],
  );

  const fetchPage = useCallback(({ cursor, limit }: DataTablePageRequest, signal: AbortSignal) => api.myPolicies.list({ cursor, limit }, signal), [api]);

  return (
    <>
      <PageHeading title={t('policy.my.title')} />
      <Typography.Paragraph type="secondary">{t('policy.my.intro')}</Typography.Paragraph>
      <DataTable<Policy> queryKey={[...queryKeys.underwriting, '/api/v1/me/policies']} caption={t('policy.my.title')} columns={columns} rowKey={(policy) => policy.id} fetchPage={fetchPage} exportName="my-policies" />
      <Drawer
        open={Boolean(shown)}
        title={shown ? t('policy.detailTitleNumber', { number: shown.policyNumber }) : t('policy.detailTitle')}
        size={880}
        onClose={() => setShown(undefined)}
        destroyOnHidden
      >
        {shown && <PolicyDetail policy={shown} today={today} insurer={nameOf(shown.tenantId)} memberName={nameOf} />}
      </Drawer>
    </>
  );
}
