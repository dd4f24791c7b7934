import { useInvalidate } from '../../kit/useInvalidate';
import { queryKeys } from '../../api/query-keys';
import { App, Button, Drawer, Flex, Modal, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { type PreventionService, type ServiceStatus } from '../../api';
import { SERVICE_STATUSES } from '../../reference/domain';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, dateTimeColumn, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { ConfirmRecordForm, ConfirmScheduleForm } from '../services/ServiceActionForms';
import { ServiceStatusTag } from '../services/ServiceTags';
import { RecordView, ReviewFlags, ServiceCard, ServiceOverview, ServiceSteps, SignatureLine } from '../services/ServiceView';
import { providerText, serviceNumberText, serviceStatusText, serviceTypeText } from '../services/service-text';
import { useMyInsurers } from './insurer-names';

type Dialog = { readonly kind: 'schedule' | 'record' | 'view'; readonly service: PreventionService } | undefined;

/** The enterprise may sign the record once it is followed up and it has not signed yet (SVC-9). */
const awaitsOurSignature = (service: PreventionService): boolean => service.status === 'FOLLOWED_UP' && !service.confirmations.enterprise;

/**
 * 服务记录 (我的服务): the services insurers provide to the enterprise (ACL-5): it confirms a schedule (SVC-5) and
 * signs a followed-up record by a named person, dated now (SVC-9, SVC-13).
 */
export function MyServicesPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const { nameOf } = useMyInsurers();
  const [dialog, setDialog] = useState<Dialog>();
  const invalidate = useInvalidate('services');

  const filters = useMemo<FilterField[]>(
    () => [{ kind: 'select', name: 'status', label: t('svc.field.status'), options: SERVICE_STATUSES.map((value) => ({ value, label: serviceStatusText(value, t) })) }],
    [t],
  );

  const columns = useMemo<DataColumn<PreventionService>[]>(
    () => [
      dateTimeColumn<PreventionService>('scheduledAt', t('svc.field.scheduledAt'), (service) => service.scheduledAt),
      // The insurer serving the enterprise, not a complaint's 被投诉保险机构 (issue 15 copy bug).
      { key: 'insurer', title: t('policy.insurer'), width: 180, value: (service) => nameOf(service.tenantId) },
      { key: 'number', title: t('svc.field.serviceNumber'), width: 190, value: (service) => serviceNumberText(service) },
      { key: 'type', title: t('svc.field.type'), width: 190, value: (service) => serviceTypeText(service, t) },
      { key: 'provider', title: t('svc.field.provider'), ellipsis: true, value: (service) => providerText(service, t) },
      { key: 'status', title: t('svc.field.status'), width: 110, value: (service) => serviceStatusText(service.status, t), render: (service) => <ServiceStatusTag status={service.status} /> },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 190,
        csv: false,
        render: (service) => (
          <Flex gap={4} wrap>
            <Button size="small" type="link" onClick={() => setDialog({ kind: 'view', service })}>
              {t('svc.view')}
            </Button>
            {service.status === 'SCHEDULED' && (
              <Button size="small" type="primary" onClick={() => setDialog({ kind: 'schedule', service })}>
                {t('svc.my.confirmSchedule')}
              </Button>
            )}
            {awaitsOurSignature(service) && (
              <Button size="small" type="primary" onClick={() => setDialog({ kind: 'record', service })}>
                {t('svc.my.confirmRecord')}
              </Button>
            )}
          </Flex>
        ),
      },
    ],
    [t, nameOf],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.myServices.list({ cursor, limit, status: (values.status || undefined) as ServiceStatus | undefined }, signal),
    [api],
  );

  const done = (text: string) => () => {
    setDialog(undefined);
    void message.success(text);
    invalidate();
  };

  const service = dialog?.service;
  return (
    <>
      <PageHeading title={t('svc.my.title')} />
      <Typography.Paragraph type="secondary">{t('svc.my.intro')}</Typography.Paragraph>
      <DataTable<PreventionService>
queryKey={[...queryKeys.services, '/api/v1/me/services']}         caption={t('svc.my.title')}
        columns={columns}
        rowKey={(row) => row.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="my-services"
      />
      <Modal open={dialog?.kind === 'schedule'} title={t('svc.confirmSchedule.title')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden>
        {service && dialog?.kind === 'schedule' && (
          <ConfirmScheduleForm
            submit={(body, key) => api.myServices.confirmSchedule(service.id, body, key)}
            onDone={done(t('svc.confirmSchedule.done'))}
            onCancel={() => setDialog(undefined)}
          />
        )}
      </Modal>
      <Modal open={dialog?.kind === 'record'} title={t('svc.confirm.title')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden width={560}>
        {service && dialog?.kind === 'record' && (
          <ConfirmRecordForm
            askTime={false}
            submit={(body, key) => api.myServices.confirm(service.id, { ...body, party: 'ENTERPRISE' }, key)}
            onDone={done(t('svc.confirm.done'))}
            onCancel={() => setDialog(undefined)}
          />
        )}
      </Modal>
      <Drawer open={dialog?.kind === 'view'} title={t('svc.my.detail')} size={720} onClose={() => setDialog(undefined)} destroyOnHidden>
        {service && dialog?.kind === 'view' && (
          <Flex vertical gap={16}>
            <ServiceSteps service={service} />
            <ReviewFlags service={service} />
            <ServiceCard title={t('svc.section.overview')}>
              <ServiceOverview service={service} />
            </ServiceCard>
            {service.record && (
              <ServiceCard title={t('svc.section.record')}>
                <RecordView service={service} />
              </ServiceCard>
            )}
            {service.record && (
              <ServiceCard title={t('svc.section.confirmations')}>
                <SignatureLine party="INSURER" signature={service.confirmations.insurer} />
                <SignatureLine party="ENTERPRISE" signature={service.confirmations.enterprise} />
              </ServiceCard>
            )}
          </Flex>
        )}
      </Drawer>
    </>
  );
}
