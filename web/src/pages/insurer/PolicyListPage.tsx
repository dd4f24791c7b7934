import { queryKeys } from '../../api/query-keys';
import { Button, Tabs, Typography } from 'antd';
import { asAreaCode } from '../../reference/xinzhou-counties';
import { useCallback, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Industry, Policy, PolicyStatus } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, moneyColumn, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { industryName, INDUSTRIES, POLICY_STATUSES } from '../../reference/underwriting';
import { countyName, XINZHOU_COUNTIES } from '../../reference/xinzhou-counties';
import { shanghaiToday } from '../complaints/due-dates';
import { PolicyStatusTag, policyPhase, policyPhaseKey } from '../underwriting/PolicyStatusTag';
import { policyPagePath } from '../underwriting/paths';
import { percentText } from '../underwriting/rates';
import { useSessionUser } from '../underwriting/session';

/**
 * 承保管理 (UW-1..10): the insurer's policies, filtered by status, industry and county in the URL, and a
 * second tab (`?shared=true`) for the co-insured policies another insurer leads — readable, not writable.
 */
export function PolicyListPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const user = useSessionUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const shared = searchParams.get('shared') === 'true';
  const today = shanghaiToday();

  const filters = useMemo<FilterField[]>(
    () => [
      // Issue 15: a USCC, part of an enterprise's name or of a policy number, searched by the API over every page.
      { kind: 'text', name: 'q', label: t('table.q'), placeholder: t('table.qPolicy') },
      { kind: 'select', name: 'status', label: t('policy.status'), options: POLICY_STATUSES.map((value) => ({ value, label: t(`policy.status.${value}`) })) },
      { kind: 'select', name: 'industry', label: t('policy.industry'), options: INDUSTRIES.map((industry) => ({ value: industry.code, label: industryName(industry.code, locale) })) },
      { kind: 'select', name: 'county', label: t('policy.county'), options: XINZHOU_COUNTIES.map((county) => ({ value: county.code, label: countyName(county.code, locale) })) },
    ],
    [t, locale],
  );

  const columns = useMemo<DataColumn<Policy>[]>(
    () => [
      {
        key: 'number',
        title: t('policy.number'),
        width: 190,
        value: (policy) => policy.policyNumber,
        render: (policy) => <Link to={policyPagePath(policy)}>{policy.policyNumber}</Link>,
      },
      {
        key: 'enterprise',
        title: t('policy.enterprise'),
        value: (policy) => policy.enterprise.name,
        render: (policy) => (
          <>
            <div>{policy.enterprise.name}</div>
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {policy.enterprise.uscc}
            </Typography.Text>
          </>
        ),
      },
      { key: 'industry', title: t('policy.industry'), width: 110, value: (policy) => industryName(policy.enterprise.industry, locale) },
      { key: 'county', title: t('policy.county'), width: 90, value: (policy) => countyName(policy.enterprise.county, locale) },
      { key: 'period', title: t('policy.period'), width: 190, value: (policy) => `${policy.periodStart} ~ ${policy.periodEnd}` },
      { key: 'employees', title: t('policy.employeesCovered'), width: 80, align: 'right', value: (policy) => policy.employeesCovered },
      moneyColumn<Policy>('premium', t('policy.premium'), (policy) => policy.premiumFen),
      ...(shared
        ? [
            {
              key: 'share',
              title: t('policy.myShare'),
              width: 90,
              align: 'right' as const,
              value: (policy: Policy) => percentText(policy.members.find((member) => member.tenantId === user?.tenantId)?.shareBasisPoints),
            },
          ]
        : []),
      {
        key: 'status',
        title: t('policy.status'),
        width: 90,
        value: (policy) => t(policyPhaseKey(policyPhase(policy, today))),
        render: (policy) => <PolicyStatusTag policy={policy} today={today} />,
      },
    ],
    [t, locale, shared, today, user?.tenantId],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.policies.list(
        {
          cursor,
          limit,
          status: (values.status || undefined) as PolicyStatus | undefined,
          industry: (values.industry || undefined) as Industry | undefined,
          county: asAreaCode(values.county),
          q: values.q?.trim() || undefined,
          shared,
        },
        signal,
      ),
    [api, shared],
  );

  const caption = shared ? t('policy.tab.shared') : t('policy.listTitle');
  return (
    <>
      <PageHeading title={t('policy.listTitle')} />
      <Tabs
        activeKey={shared ? 'shared' : 'own'}
        onChange={(key) =>
          setSearchParams((current) => {
            const params = new URLSearchParams(current);
            if (key === 'shared') params.set('shared', 'true');
            else params.delete('shared');
            return params;
          })
        }
        items={[
          { key: 'own', label: t('policy.tab.own') },
          { key: 'shared', label: t('policy.tab.shared') },
        ]}
      />
      {shared && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('policy.sharedHint')}
        </Typography.Paragraph>
      )}
      <DataTable<Policy>
queryKey={[...queryKeys.underwriting, '/api/v1/policies']}         key={shared ? 'shared' : 'own'}
        caption={caption}
        columns={columns}
        rowKey={(policy) => policy.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName={shared ? 'coinsured-policies' : 'policies'}
        toolbar={
          shared ? undefined : (
            <Button type="primary" onClick={() => void navigate('/insurer/underwriting/new')}>
              {t('policy.create.title')}
            </Button>
          )
        }
      />
    </>
  );
}
