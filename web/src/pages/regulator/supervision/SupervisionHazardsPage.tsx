import { Button } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { HazardStatus, SupervisedHazard } from '../../../api';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../app/ServicesContext';
import { useI18n } from '../../../i18n';
import { DataTable, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../../kit';
import { asAreaCode, countyName, XINZHOU_COUNTIES } from '../../../reference/xinzhou-counties';
import { HazardGradeTag, HazardStatusTag } from '../../services/ServiceTags';
import { useSessionUser } from '../../underwriting/session';
import { InsurerTabs } from './InsurerTabs';
import { IssueNoticeButton } from './IssueNoticeButton';
import { supervisionPaths } from './paths';
import { useInsurerHeading } from './useInsurerHeading';

const STATUSES: readonly HazardStatus[] = ['OPEN', 'RECTIFYING', 'RECTIFIED', 'VERIFIED'];

/**
 * One insurer's hazards for the regulators (issue 14; SVC-7, ACL-2, ACL-4): major first, then general, each newest
 * first, by status and county (a county EMB its own); 督办 on any of them.
 */
export function SupervisionHazardsPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const tenantId = useParams().tenantId ?? '';
  const countyWide = useSessionUser()?.agency !== 'EMB_COUNTY';
  const { insurer, remember } = useInsurerHeading();

  const filters = useMemo<FilterField[]>(
    () => [
      { kind: 'select', name: 'status', label: t('hazard.status'), options: STATUSES.map((value) => ({ value, label: t(`hazard.status.${value}`) })) },
      ...(countyWide
        ? [{ kind: 'select' as const, name: 'county', label: t('policy.county'), options: XINZHOU_COUNTIES.map((county) => ({ value: county.code, label: countyName(county.code, locale) })) }]
        : []),
    ],
    [t, locale, countyWide],
  );

  const columns = useMemo<DataColumn<SupervisedHazard>[]>(
    () => [
      { key: 'grade', title: t('hazard.grade'), width: 100, value: (hazard) => t(`hazard.grade.${hazard.grade}`), render: (hazard) => <HazardGradeTag grade={hazard.grade} /> },
      { key: 'foundOn', title: t('sup.hazards.foundOn'), width: 110, value: (hazard) => hazard.foundOn },
      { key: 'enterprise', title: t('svc.field.enterprise'), width: 220, ellipsis: true, value: (hazard) => hazard.enterprise.name, csv: (hazard) => `${hazard.enterprise.name}（${hazard.enterprise.uscc}）` },
      { key: 'county', title: t('policy.county'), width: 90, value: (hazard) => countyName(hazard.enterprise.county, locale) },
      { key: 'description', title: t('sup.hazards.description'), width: 260, ellipsis: true, value: (hazard) => hazard.description },
      { key: 'rectifyBy', title: t('sup.hazards.rectifyBy'), width: 110, value: (hazard) => hazard.rectifyBy },
      { key: 'status', title: t('hazard.status'), width: 120, value: (hazard) => t(`hazard.status.${hazard.status}`), render: (hazard) => <HazardStatusTag status={hazard.status} /> },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 90,
        csv: false,
        render: (hazard) => <IssueNoticeButton size="small" tenantId={tenantId} kind="HAZARD" subjectId={hazard.id} label={`${hazard.enterprise.name} · ${hazard.foundOn}`} />,
      },
    ],
    [t, locale, tenantId],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.supervisionRecords
        .hazards(tenantId, { cursor, limit, status: (values.status || undefined) as HazardStatus | undefined, county: countyWide ? asAreaCode(values.county) : undefined }, signal)
        .then(remember),
    [api, tenantId, countyWide, remember],
  );

  return (
    <>
      <PageHeading
        title={t('sup.hazards.title', { insurer: insurer?.name ?? t('sup.insurer.unknown') })}
        extra={<Button onClick={() => void navigate(supervisionPaths.insurers)}>{t('sup.insurer.back')}</Button>}
      />
      <InsurerTabs tenantId={tenantId} active="hazards" />
      <DataTable<SupervisedHazard>
        queryKey={[...queryKeys.supervision, '/api/v1/regulator/insurers/{tenantId}/hazards', tenantId]}
        caption={t('sup.hazards.caption')}
        columns={columns}
        rowKey={(hazard) => hazard.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="insurer-hazards"
      />
    </>
  );
}
