import { Button, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { PolicyStatus, SupervisedPolicy } from '../../../api';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../app/ServicesContext';
import { useI18n } from '../../../i18n';
import { DataTable, moneyColumn, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../../kit';
import { industryName, POLICY_STATUSES } from '../../../reference/underwriting';
import { asAreaCode, countyName, XINZHOU_COUNTIES } from '../../../reference/xinzhou-counties';
import { shanghaiToday } from '../../complaints/due-dates';
import { PolicyStatusTag, policyPhase, policyPhaseKey } from '../../underwriting/PolicyStatusTag';
import { useSessionUser } from '../../underwriting/session';
import { InsurerTabs } from './InsurerTabs';
import { supervisionPaths } from './paths';
import { useInsurerHeading } from './useInsurerHeading';

/**
 * One insurer's policies for the regulators (issue 14; ACL-2, ACL-4, UW-1): by status and county (a county EMB
 * its own, which the API enforces), or found (one search box, issue 15) by the enterprise's USCC, the policy
 * number or part of its name; the total and the XLSX export cover every matching policy.
 */
export function SupervisionPoliciesPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const tenantId = useParams().tenantId ?? '';
  const countyWide = useSessionUser()?.agency !== 'EMB_COUNTY';
  const today = shanghaiToday();
  const { insurer, remember } = useInsurerHeading();

  const filters = useMemo<FilterField[]>(
    () => [
      // Issue 15: one box — the API reads a USCC by key, anything else as part of a name or policy number.
      { kind: 'text', name: 'q', label: t('table.q'), placeholder: t('table.qPolicy') },
      { kind: 'select', name: 'status', label: t('policy.status'), options: POLICY_STATUSES.map((value) => ({ value, label: t(`policy.status.${value}`) })) },
      ...(countyWide
        ? [
            {
              kind: 'select' as const,
              name: 'county',
              label: t('policy.county'),
              options: XINZHOU_COUNTIES.map((county) => ({ value: county.code, label: countyName(county.code, locale) })),
            },
          ]
        : []),
    ],
    [t, locale, countyWide],
  );

  const columns = useMemo<DataColumn<SupervisedPolicy>[]>(
    () => [
      {
        key: 'number',
        title: t('policy.number'),
        width: 190,
        value: (policy) => policy.policyNumber,
        render: (policy) => <Link to={supervisionPaths.policy(tenantId, policy.id)}>{policy.policyNumber}</Link>,
      },
      {
        key: 'enterprise',
        title: t('policy.enterprise'),
        value: (policy) => policy.enterprise.name,
        csv: (policy) => `${policy.enterprise.name}（${policy.enterprise.uscc}）`,
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
      moneyColumn<SupervisedPolicy>('premium', t('policy.premium'), (policy) => policy.premiumFen),
      {
        key: 'status',
        title: t('policy.status'),
        width: 90,
        value: (policy) => t(policyPhaseKey(policyPhase(policy, today))),
        render: (policy) => <PolicyStatusTag policy={policy} today={today} />,
      },
    ],
    [t, locale, today, tenantId],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.supervision
        .policies(
          tenantId,
          {
            cursor,
            limit,
            status: (values.status || undefined) as PolicyStatus | undefined,
            county: countyWide ? asAreaCode(values.county) : undefined,
            q: values.q?.trim() || undefined,
          },
          signal,
        )
        .then(remember),
    [api, tenantId, countyWide, remember],
  );

  return (
    <>
      <PageHeading
        title={t('sup.policies.title', { insurer: insurer?.name ?? t('sup.insurer.unknown') })}
        extra={<Button onClick={() => void navigate(supervisionPaths.insurers)}>{t('sup.insurer.back')}</Button>}
      />
      <InsurerTabs tenantId={tenantId} active="policies" />
      <DataTable<SupervisedPolicy>
        queryKey={[...queryKeys.supervision, '/api/v1/regulator/insurers/{tenantId}/policies', tenantId]}
        caption={t('sup.policies.caption')}
        columns={columns}
        rowKey={(policy) => policy.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="insurer-policies"
      />
    </>
  );
}
