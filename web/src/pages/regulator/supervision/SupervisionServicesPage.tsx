import { Button } from 'antd';
import { useCallback, useMemo } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ServiceStatus, SupervisedService } from '../../../api';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../app/ServicesContext';
import { useI18n } from '../../../i18n';
import { DataTable, PageHeading, dateTimeColumn, type DataColumn, type DataTablePageRequest, type FilterField } from '../../../kit';
import { SERVICE_STATUSES } from '../../../reference/domain';
import { asAreaCode, countyName, XINZHOU_COUNTIES } from '../../../reference/xinzhou-counties';
import { shanghaiToday } from '../../complaints/due-dates';
import { ServiceDueBadge, ServiceStatusTag } from '../../services/ServiceTags';
import { serviceDue } from '../../services/service-dates';
import { providerText, serviceNumberText, serviceStatusText, serviceTypeText } from '../../services/service-text';
import { useSessionUser } from '../../underwriting/session';
import { InsurerTabs } from './InsurerTabs';
import { supervisionPaths } from './paths';
import { useInsurerHeading } from './useInsurerHeading';

/**
 * One insurer's prevention services for the regulators (issue 14; ACL-2, ACL-4, SVC-8/SVC-9): by status and
 * county (a county EMB its own), or only those past their follow-up or archive deadline (逾期).
 */
export function SupervisionServicesPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const tenantId = useParams().tenantId ?? '';
  const countyWide = useSessionUser()?.agency !== 'EMB_COUNTY';
  const today = shanghaiToday();
  const { insurer, remember } = useInsurerHeading();

  const filters = useMemo<FilterField[]>(
    () => [
      { kind: 'select', name: 'overdue', label: t('sup.services.overdue'), options: [{ value: 'true', label: t('sup.services.overdueOnly') }] },
      { kind: 'select', name: 'status', label: t('svc.field.status'), options: SERVICE_STATUSES.map((value) => ({ value, label: serviceStatusText(value, t) })) },
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

  const columns = useMemo<DataColumn<SupervisedService>[]>(
    () => [
      dateTimeColumn<SupervisedService>('scheduledAt', t('svc.field.scheduledAt'), (service) => service.scheduledAt),
      {
        key: 'enterprise',
        title: t('svc.field.enterprise'),
        width: 220,
        ellipsis: true,
        value: (service) => service.enterprise.name,
        csv: (service) => `${service.enterprise.name}（${service.enterprise.uscc}）`,
        render: (service) => (
          <Link to={supervisionPaths.service(tenantId, service.id)} title={service.enterprise.name}>
            {service.enterprise.name}
          </Link>
        ),
      },
      { key: 'county', title: t('policy.county'), width: 90, value: (service) => countyName(service.enterprise.county, locale) },
      { key: 'number', title: t('svc.field.serviceNumber'), width: 190, value: (service) => serviceNumberText(service) },
      { key: 'policy', title: t('svc.field.policy'), width: 150, value: (service) => service.policyNumber },
      { key: 'type', title: t('svc.field.type'), width: 160, value: (service) => serviceTypeText(service, t) },
      { key: 'provider', title: t('svc.field.provider'), width: 150, ellipsis: true, value: (service) => providerText(service, t) },
      {
        key: 'status',
        title: t('svc.field.status'),
        width: 110,
        value: (service) => serviceStatusText(service.status, t),
        render: (service) => <ServiceStatusTag status={service.status} />,
      },
      {
        key: 'due',
        title: t('svc.field.due'),
        width: 250,
        value: (service) => serviceDue(service, today)?.dueOn,
        csv: (service) => {
          const due = serviceDue(service, today);
          return due ? `${t(`svc.due.${due.kind}`)} ${due.dueOn}${due.overdue ? ` ${t('svc.due.overdueBadge')}` : ''}` : '';
        },
        render: (service) => <ServiceDueBadge service={service} today={today} />,
      },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 70,
        csv: false,
        render: (service) => <Link to={supervisionPaths.service(tenantId, service.id)}>{t('sup.services.view')}</Link>,
      },
    ],
    [t, locale, today, tenantId],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.supervision
        .services(
          tenantId,
          {
            cursor,
            limit,
            status: (values.status || undefined) as ServiceStatus | undefined,
            overdue: values.overdue === 'true' ? 'true' : undefined,
            county: countyWide ? asAreaCode(values.county) : undefined,
          },
          signal,
        )
        .then(remember),
    [api, tenantId, countyWide, remember],
  );

  return (
    <>
      <PageHeading
        title={t('sup.services.title', { insurer: insurer?.name ?? t('sup.insurer.unknown') })}
        extra={<Button onClick={() => void navigate(supervisionPaths.insurers)}>{t('sup.insurer.back')}</Button>}
      />
      <InsurerTabs tenantId={tenantId} active="services" />
      <DataTable<SupervisedService>
        queryKey={[...queryKeys.supervision, '/api/v1/regulator/insurers/{tenantId}/services', tenantId]}
        caption={t('sup.services.caption')}
        columns={columns}
        rowKey={(service) => service.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="insurer-services"
      />
    </>
  );
}
