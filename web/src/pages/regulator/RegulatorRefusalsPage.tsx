import { Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import type { RegulatorRefusal } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { asAreaCode, countyName, XINZHOU_COUNTIES } from '../../reference/xinzhou-counties';
import { industryName } from '../../reference/underwriting';
import { reasonKey } from '../insurer/RefusalsPage';
import { useSessionUser } from '../underwriting/session';

/**
 * 拒保情况 (UW-12): every insurer's refusals to insure with their reasons, newest first — a county EMB its own
 * county's enterprises only (ACL-4), the city EMB and the NFRA every county.
 */
export function RegulatorRefusalsPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const user = useSessionUser();
  const countyEmb = user?.agency === 'EMB_COUNTY';

  const filters = useMemo<FilterField[]>(
    () =>
      countyEmb
        ? []
        : [{ kind: 'select', name: 'county', label: t('refusal.county'), options: XINZHOU_COUNTIES.map((county) => ({ value: county.code, label: countyName(county.code, locale) })) }],
    [t, locale, countyEmb],
  );

  const columns = useMemo<DataColumn<RegulatorRefusal>[]>(
    () => [
      { key: 'refusedOn', title: t('refusal.refusedOn'), width: 110, value: (refusal) => refusal.refusedOn },
      { key: 'insurer', title: t('refusal.insurer'), width: 180, value: (refusal) => refusal.insurerName },
      { key: 'enterprise', title: t('refusal.enterprise'), value: (refusal) => `${refusal.enterprise.name}（${refusal.enterprise.uscc}）` },
      { key: 'county', title: t('refusal.county'), width: 110, value: (refusal) => countyName(refusal.enterprise.county, locale) },
      { key: 'industry', title: t('refusal.industry'), width: 140, value: (refusal) => industryName(refusal.enterprise.industry, locale) },
      { key: 'reason', title: t('refusal.reason'), width: 200, value: (refusal) => t(reasonKey(refusal.reason)) },
      { key: 'explanation', title: t('refusal.explanation'), value: (refusal) => refusal.explanation },
    ],
    [t, locale],
  );

  const fetchPage = useCallback(
    ({ filters: values }: DataTablePageRequest, signal: AbortSignal) => api.refusals.regulatorList({ county: asAreaCode(values.county) }, signal),
    [api],
  );

  return (
    <>
      <PageHeading title={t('refusal.regulator.title')} />
      <Typography.Paragraph type="secondary">{t(countyEmb ? 'refusal.regulator.introCounty' : 'refusal.regulator.intro')}</Typography.Paragraph>
      <DataTable<RegulatorRefusal>
        queryKey={[...queryKeys.underwriting, '/api/v1/regulator/refusals']}
        caption={t('refusal.regulator.title')}
        columns={columns}
        rowKey={(refusal) => `${refusal.tenantId}/${refusal.id}`}
        fetchPage={fetchPage}
        filters={filters}
        exportName="refusals"
      />
    </>
  );
}
