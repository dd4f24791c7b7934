import { queryKeys } from '../../api/query-keys';
import { Typography } from 'antd';
import { asAreaCode } from '../../reference/xinzhou-counties';
import { useCallback, useMemo } from 'react';
import { type Hazard, type HazardGrade, type HazardStatus } from '../../api';
import { HAZARD_GRADES, HAZARD_STATUSES } from '../../reference/domain';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { countyName, XINZHOU_COUNTIES } from '../../reference/xinzhou-counties';
import { shanghaiToday } from '../complaints/due-dates';
import { HazardDueCell, HazardGradeTag, HazardStatusTag } from '../services/ServiceTags';
import { HazardClosure } from '../services/HazardClosure';
import { hazardDueOn } from '../services/service-dates';
import { hazardGradeText, hazardStatusText } from '../services/service-text';
import { useSessionUser } from '../underwriting/session';

/**
 * 隐患监管 (SVC-7, ACL-2, ACL-4): the hazards every insurer's services found, read-only, MAJOR in red. A county
 * EMB sees its county only (the API enforces it), so only the city EMB and the NFRA get the county filter.
 */
export function RegulatorHazardsPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const agency = useSessionUser()?.agency;
  const countyWide = agency !== 'EMB_COUNTY';
  const today = shanghaiToday();

  const filters = useMemo<FilterField[]>(
    () => [
      ...(countyWide
        ? [
            {
              kind: 'select' as const,
              name: 'county',
              label: t('hazard.regulator.county'),
              options: XINZHOU_COUNTIES.map((county) => ({ value: county.code, label: countyName(county.code, locale) })),
            },
          ]
        : []),
      { kind: 'select', name: 'grade', label: t('hazard.grade'), options: HAZARD_GRADES.map((value) => ({ value, label: hazardGradeText(value, t) })) },
      { kind: 'select', name: 'status', label: t('hazard.status'), options: HAZARD_STATUSES.map((value) => ({ value, label: hazardStatusText(value, t) })) },
    ],
    [t, locale, countyWide],
  );

  const columns = useMemo<DataColumn<Hazard>[]>(
    () => [
      { key: 'foundOn', title: t('hazard.foundOn'), width: 110, value: (hazard) => hazard.foundOn },
      { key: 'county', title: t('hazard.regulator.county'), width: 100, value: (hazard) => countyName(hazard.enterprise.county, locale) },
      { key: 'enterprise', title: t('hazard.enterprise'), width: 220, ellipsis: true, value: (hazard) => hazard.enterprise.name },
      { key: 'description', title: t('hazard.description'), ellipsis: true, value: (hazard) => hazard.description },
      { key: 'grade', title: t('hazard.grade'), width: 100, value: (hazard) => hazardGradeText(hazard.grade, t), render: (hazard) => <HazardGradeTag grade={hazard.grade} /> },
      { key: 'status', title: t('hazard.status'), width: 120, value: (hazard) => hazardStatusText(hazard.status, t), render: (hazard) => <HazardStatusTag status={hazard.status} /> },
      {
        key: 'due',
        title: t('hazard.dueOn'),
        width: 150,
        // The enterprise's own due date once it reported a plan, the inspector's before (and none once verified).
        value: (hazard) => hazardDueOn(hazard) ?? hazard.rectifyBy,
        render: (hazard) => <HazardDueCell hazard={hazard} today={today} dueOn={hazardDueOn(hazard) ?? hazard.rectifyBy} />,
      },
      {
        // SVC-7: a MAJOR hazard's closure (reported, verified), and how the enterprise's reports were made (SVC-13).
        key: 'closure',
        title: t('hazard.closure'),
        width: 210,
        value: (hazard) => hazard.rectification?.closedAt ?? '',
        render: (hazard) => <HazardClosure hazard={hazard} />,
      },
    ],
    [t, locale, today],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.regulator.listHazards(
        {
          cursor,
          limit,
          county: countyWide ? asAreaCode(values.county) : undefined,
          grade: (values.grade || undefined) as HazardGrade | undefined,
          status: (values.status || undefined) as HazardStatus | undefined,
        },
        signal,
      ),
    [api, countyWide],
  );

  return (
    <>
      <PageHeading title={t('hazard.regulator.title')} />
      <Typography.Paragraph type="secondary">{t('hazard.regulator.intro')}</Typography.Paragraph>
      <DataTable<Hazard>
queryKey={[...queryKeys.services, '/api/v1/regulator/hazards']}         caption={t('hazard.regulator.title')}
        columns={columns}
        rowKey={(hazard) => hazard.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="regulator-hazards"
      />
    </>
  );
}
