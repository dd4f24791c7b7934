import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { App, Button, Flex, Modal, Tabs, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type LocalDate, type PreventionService, type ServiceListRequest, type ServiceStatus } from '../../api';
import { SERVICE_STATUSES } from '../../reference/domain';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, PageHeading, dateTimeColumn, useUrlFilters, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { ScheduleServiceForm } from './ScheduleServiceForm';
import { ServiceCalendar } from './ServiceCalendar';
import { ServiceDueBadge, ServiceStatusTag } from './ServiceTags';
import { serviceDue } from './service-dates';
import { obligationsPath, serviceNumberText, servicePath, serviceStatusText, serviceTypeText, providerText } from './service-text';
import { policyOption } from '../underwriting/policy-option';

const FILTER_NAMES = ['policyId', 'status', 'dueBefore'] as const;
const POLICY_CHOICES = 100;
const VIEW_FILTER = ['view'] as const;
const isDate = (value: string): value is LocalDate => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The URL's filters as the list request's: the same for the list and the calendar. */
const serviceFilters = (values: Readonly<Partial<Record<(typeof FILTER_NAMES)[number], string>>>): Omit<ServiceListRequest, 'limit' | 'cursor'> => ({
  policyId: values.policyId || undefined,
  status: (values.status || undefined) as ServiceStatus | undefined,
  dueBefore: isDate(values.dueBefore ?? '') ? values.dueBefore : undefined,
});

/**
 * 服务日历与清单 (SVC-3..11): the insurer's services as a list — status, the follow-up (SVC-8) or archive (SVC-9)
 * deadline with 逾期 once past — or on a month calendar by scheduled day, both filtered by policy, status and
 * due date (in the URL); 新建服务 schedules one.
 */
export function ServicesPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { filters: viewFilter, setFilters: setViewFilter } = useUrlFilters(VIEW_FILTER);
  const view = viewFilter.view === 'calendar' ? 'calendar' : 'list';
  const [scheduling, setScheduling] = useState(false);
  const today = shanghaiToday();
  const { filters: values } = useUrlFilters(FILTER_NAMES);
  const policies = useQuery({ queryKey: [...queryKeys.underwriting, 'services:policies'], queryFn: ({ signal }) => api.policies.list({ limit: POLICY_CHOICES }, signal) });

  const filters = useMemo<FilterField[]>(
    () => [
      {
        kind: 'select',
        name: 'policyId',
        label: t('svc.field.policy'),
        options: (policies.data?.items ?? []).map(policyOption),
      },
      { kind: 'select', name: 'status', label: t('svc.field.status'), options: SERVICE_STATUSES.map((value) => ({ value, label: serviceStatusText(value, t) })) },
      { kind: 'text', name: 'dueBefore', label: t('svc.field.dueBefore'), placeholder: t('svc.field.dueBeforeHint') },
    ],
    [t, policies.data],
  );

  const columns = useMemo<DataColumn<PreventionService>[]>(
    () => [
      dateTimeColumn<PreventionService>('scheduledAt', t('svc.field.scheduledAt'), (service) => service.scheduledAt),
      {
        key: 'enterprise',
        title: t('svc.field.enterprise'),
        width: 200,
        ellipsis: true,
        value: (service) => service.enterprise.name,
        render: (service) => (
          <Link to={servicePath(service)} title={service.enterprise.name}>
            {service.enterprise.name}
          </Link>
        ),
      },
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
      { key: 'actions', title: t('table.actions'), width: 70, csv: false, render: (service) => <Link to={servicePath(service)}>{t('svc.handle')}</Link> },
    ],
    [t, today],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: current }: DataTablePageRequest, signal: AbortSignal) =>
      api.services.list({ cursor, limit, ...serviceFilters(current) }, signal),
    [api],
  );

  const calendarFilters = useMemo(() => serviceFilters(values), [values]);

  const onScheduled = useCallback(
    (service: PreventionService) => {
      setScheduling(false);
      void message.success(t('svc.schedule.done'));
      void navigate(servicePath(service));
    },
    [message, navigate, t],
  );

  const setView = (next: string) => setViewFilter({ view: next === 'calendar' ? 'calendar' : '' });

  const newButton = (
    <Button type="primary" onClick={() => setScheduling(true)}>
      {t('svc.list.new')}
    </Button>
  );

  return (
    <>
      <PageHeading
        title={t('svc.list.title')}
        extra={
          <Flex gap={12} align="center" wrap>
            <Typography.Text type="secondary">{t('svc.list.links')}</Typography.Text>
            <Link to="/insurer/hazards">{t('nav.insurer.hazards')}</Link>
            <Link to={obligationsPath(values.policyId || undefined)}>{t('nav.insurer.obligations')}</Link>
          </Flex>
        }
      />
      <Tabs
        activeKey={view}
        onChange={setView}
        items={[
          {
            key: 'list',
            label: t('svc.list.tabList'),
            children: (
              <DataTable<PreventionService>
queryKey={[...queryKeys.services, '/api/v1/services']}                 caption={t('svc.list.caption')}
                columns={columns}
                rowKey={(service) => service.id}
                fetchPage={fetchPage}
                filters={filters}
                exportName="services"
                toolbar={newButton}
              />
            ),
          },
          {
            key: 'calendar',
            label: t('svc.list.tabCalendar'),
            children: (
              <Flex vertical gap={8}>
                <Flex justify="flex-end">{newButton}</Flex>
                <ServiceCalendar filters={calendarFilters} />
              </Flex>
            ),
          },
        ]}
      />
      <Modal open={scheduling} title={t('svc.schedule.title')} footer={null} onCancel={() => setScheduling(false)} destroyOnHidden width={640}>
        <ScheduleServiceForm initialPolicyId={values.policyId || undefined} onScheduled={onScheduled} onCancel={() => setScheduling(false)} />
      </Modal>
    </>
  );
}
