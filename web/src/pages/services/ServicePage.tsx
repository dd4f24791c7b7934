import { useQuery } from '@tanstack/react-query';
import { useInvalidate } from '../../kit/useInvalidate';
import { queryKeys } from '../../api/query-keys';
import { Alert, App, Button, Col, Flex, Form, Input, Modal, Popconfirm, Row, Skeleton, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { newIdempotencyKey } from '../../api/idempotency-key';
import type { PreventionService } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { formatInstant, useI18n } from '../../i18n';
import { describeApiError, FormFailureAlert, PageHeading, useApiForm, FormButtons } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { requiredRule } from '../platform/account-rules';
import { CompleteServiceForm } from './CompleteServiceForm';
import { ConfirmRecordForm, ConfirmScheduleForm, FollowUpForm, OnSiteSignatureForm } from './ServiceActionForms';
import { ArchiveView, DeadlinesView, HazardList, RecordView, ReviewFlags, ServiceCard, ServiceOverview, ServiceSteps, SignatureLine } from './ServiceView';
import { archivePath, serviceTypeText } from './service-text';
import { useProviderChoices } from './useProviderChoices';
import { OutsourcingContractUpload } from '../archive/OutsourcingContractUpload';

/** A refusal by state (409) or a stale copy (412): shown at the top, and the service reloaded. */
const isStateConflict = (error: unknown): boolean => error instanceof ApiError && (error.status === 409 || error.status === 412);

/**
 * 服务详情: the lifecycle as steps (SVC-5 confirm the schedule → SVC-9 the record with hazards and evidence →
 * SVC-8 follow-up → SVC-9 both parties' signatures → SVC-10 archive), the one form the current step needs, the
 * record as written, SVC-13's review flags as warnings, the deadlines, and the archive with its verification.
 */
export function ServicePage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const serviceId = useParams().serviceId ?? '';
  const query = useQuery({ queryKey: [...queryKeys.services, `service:${serviceId}`], queryFn: ({ signal }) => api.services.get(serviceId, signal) });
  const service = query.data;
  const hazardIds = service?.hazardIds.join(',') ?? '';
  const hazards = useQuery({ queryKey: [...queryKeys.services, `service:${serviceId}:hazards:${hazardIds}`], queryFn: async ({ signal }) =>
    hazardIds ? (await api.services.listHazards({ serviceId, limit: 100 }, signal)).items : [] });
  // SVC-9: whether the enterprise signs for itself decides what the insurer is offered for its signature.
  const awaitingEnterprise = service?.status === 'FOLLOWED_UP' && service.confirmations.enterprise === undefined;
  const account = useQuery({
    queryKey: [...queryKeys.services, `service:${serviceId}:enterprise-account`],
    queryFn: ({ signal }) => api.services.enterpriseAccount(serviceId, signal),
    enabled: awaitingEnterprise,
  });
  const providers = useProviderChoices();
  const [failure, setFailure] = useState<string>();
  const [archiving, setArchiving] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const today = shanghaiToday();
  const reload = useInvalidate('services');

  const done = useCallback(
    (text: string) => () => {
      setFailure(undefined);
      void message.success(text);
      reload();
    },
    [message, reload],
  );
  const failed = useCallback(
    (error: unknown) => {
      if (!isStateConflict(error)) return;
      setFailure(describeApiError(error, t));
      reload();
    },
    [reload, t],
  );

  const archive = useCallback(async () => {
    setArchiving(true);
    setFailure(undefined);
    try {
      await api.services.archive(serviceId, newIdempotencyKey());
      void message.success(t('svc.archive.done'));
    } catch (error) {
      setFailure(describeApiError(error, t));
    } finally {
      setArchiving(false);
      reload();
    }
  }, [api, serviceId, message, reload, t]);

  const back = <Button onClick={() => void navigate('/insurer/services')}>{t('svc.detail.back')}</Button>;
  if (!service) {
    return (
      <>
        <PageHeading title={t('svc.detail.title')} extra={back} />
        {Boolean(query.error) && (
          <Alert type="error" showIcon title={describeApiError(query.error, t)} action={<Button size="small" onClick={() => void query.refetch()}>{t('table.retry')}</Button>} />
        )}
        {query.isFetching && <Skeleton active />}
      </>
    );
  }

  const cancellable = service.status === 'SCHEDULED' || service.status === 'SCHEDULE_CONFIRMED';

  const action = (() => {
    switch (service.status) {
      case 'SCHEDULED':
        return (
          <ConfirmScheduleForm
            submit={(body, key) => api.services.confirmSchedule(service.id, body, key)}
            onDone={done(t('svc.confirmSchedule.done'))}
            onFailure={failed}
          />
        );
      case 'SCHEDULE_CONFIRMED':
        return <CompleteServiceForm service={service} providers={providers} onCompleted={done(t('svc.record.done'))} onFailure={failed} />;
      case 'COMPLETED':
        return <FollowUpForm service={service} onDone={done(t('svc.followUp.done'))} onFailure={failed} />;
      case 'FOLLOWED_UP':
        // SVC-9: the insurer signs for itself only. The enterprise signs through its own login; only one without an
        // account signs here, on this device, and that signature is marked (SVC-13).
        return (
          <Flex vertical gap={20}>
            {!service.confirmations.insurer && (
              <section aria-label={t('svc.confirm.insurerTitle')}>
                <Typography.Title level={5}>{t('svc.confirm.insurerTitle')}</Typography.Title>
                <ConfirmRecordForm
                  askTime
                  submit={(body, key) => api.services.confirm(service.id, { ...body, party: 'INSURER' }, key)}
                  onDone={done(t('svc.confirm.done'))}
                  onFailure={failed}
                />
              </section>
            )}
            {!service.confirmations.enterprise &&
              (account.data === undefined ? (
                account.error ? (
                  <Alert type="error" showIcon title={describeApiError(account.error, t)} />
                ) : (
                  <Typography.Text type="secondary">{t('svc.onSite.checking')}</Typography.Text>
                )
              ) : account.data.hasAccount ? (
                <Alert type="info" showIcon data-testid="enterprise-signs-itself" title={t('svc.confirm.enterpriseOwn')} />
              ) : (
                <section aria-label={t('svc.onSite.title')}>
                  <Typography.Title level={5}>{t('svc.onSite.title')}</Typography.Title>
                  <OnSiteSignatureForm service={service} onDone={done(t('svc.onSite.done'))} onFailure={failed} />
                </section>
              ))}
          </Flex>
        );
      case 'CONFIRMED':
        return (
          <Flex vertical gap={12} align="flex-start">
            <Typography.Text type="secondary">{t('svc.archive.intro')}</Typography.Text>
            <Popconfirm title={t('svc.archive.confirm')} onConfirm={() => void archive()} okText={t('svc.archive.submit')} cancelText={t('form.cancel')}>
              <Button type="primary" loading={archiving}>
                {t('svc.archive.submit')}
              </Button>
            </Popconfirm>
          </Flex>
        );
      case 'ARCHIVED':
        return service.archive ? <Link to={archivePath(service.archive.archiveId)}>{t('svc.archive.verifyLink')}</Link> : null;
      default:
        return <Typography.Text type="secondary">{t('svc.nothingToDo')}</Typography.Text>;
    }
  })();

  return (
    <>
      <PageHeading
        title={`${t('svc.detail.titleType', { type: serviceTypeText(service, t) })}${service.serviceNumber ? ` · ${service.serviceNumber}` : ''}`}
        extra={
          <Flex gap={8}>
            {cancellable && <Button danger onClick={() => setCancelling(true)}>{t('svc.cancel')}</Button>}
            {back}
          </Flex>
        }
      />
      <Flex vertical gap={16}>
        <ServiceSteps service={service} />
        {failure && <Alert type="error" showIcon role="alert" title={failure} closable={{ onClose: () => setFailure(undefined) }} />}
        <ReviewFlags service={service} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Flex vertical gap={16}>
              <ServiceCard title={t('svc.section.action')} testId="service-action">
                {action}
              </ServiceCard>
              <ServiceCard title={t('svc.section.overview')}>
                <ServiceOverview service={service} expertName={providers.expertName} />
              </ServiceCard>
              {service.record && (
                <ServiceCard title={t('svc.section.record')}>
                  <RecordView service={service} expertName={providers.expertName} />
                </ServiceCard>
              )}
              {service.hazardIds.length > 0 && (
                <ServiceCard title={t('svc.section.hazards')} testId="service-hazards">
                  {hazards.data ? <HazardList hazards={hazards.data} caption={t('svc.section.hazards')} today={today} /> : <Skeleton active paragraph={{ rows: 2 }} />}
                </ServiceCard>
              )}
            </Flex>
          </Col>
          <Col xs={24} xl={9}>
            <Flex vertical gap={16}>
              <ServiceCard title={t('svc.section.deadlines')}>
                <DeadlinesView service={service} today={today} />
              </ServiceCard>
              {service.followUp && (
                <ServiceCard title={t('svc.section.followUp')}>
                  <Typography.Paragraph style={{ margin: 0 }}>
                    {t('svc.followUp.summary', {
                      at: formatInstant(service.followUp.at),
                      channel: t(`svc.followUp.channel.${service.followUp.channel}`),
                      satisfaction: service.followUp.satisfaction,
                    })}
                  </Typography.Paragraph>
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                    {service.followUp.comments}
                  </Typography.Paragraph>
                </ServiceCard>
              )}
              {service.record && (
                <ServiceCard title={t('svc.section.confirmations')} testId="service-confirmations">
                  <Flex vertical gap={6}>
                    <SignatureLine party="INSURER" signature={service.confirmations.insurer} />
                    <SignatureLine party="ENTERPRISE" signature={service.confirmations.enterprise} />
                  </Flex>
                </ServiceCard>
              )}
              {service.archive && (
                <ServiceCard title={t('svc.section.archive')} testId="service-archive">
                  <ArchiveView service={service} />
                </ServiceCard>
              )}
              {/* SVC-10, REG-2: a third-party organisation's service has its outsourcing contract archived into the folder. */}
              {service.provider.kind === 'THIRD_PARTY' && service.status !== 'CANCELLED' && (
                <ServiceCard title={t('folder.contract.title')} testId="service-outsourcing-contract">
                  <OutsourcingContractUpload serviceId={service.id} />
                </ServiceCard>
              )}
            </Flex>
          </Col>
        </Row>
      </Flex>
      <Modal open={cancelling} title={t('svc.cancel')} footer={null} onCancel={() => setCancelling(false)} destroyOnHidden>
        <CancelServiceForm
          service={service}
          onDone={() => {
            setCancelling(false);
            done(t('svc.cancelDone'))();
          }}
          onFailure={(error) => {
            if (isStateConflict(error)) setCancelling(false);
            failed(error);
          }}
          onCancel={() => setCancelling(false)}
        />
      </Modal>
    </>
  );
}

function CancelServiceForm({
  service,
  onDone,
  onFailure,
  onCancel,
}: {
  readonly service: PreventionService;
  readonly onDone: () => void;
  readonly onFailure: (error: unknown) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback((values: { reason: string }, key: string) => api.services.cancel(service.id, values.reason.trim(), key), [api, service.id]);
  const { form, onFinish, submitting, failure } = useApiForm<{ reason: string }, PreventionService>({ submit, onSuccess: onDone, onFailure });
  return (
    <>
      <FormFailureAlert failure={failure} />
      <Form<{ reason: string }> form={form} name="cancel-service" layout="vertical" onFinish={onFinish}>
        <Form.Item name="reason" label={t('svc.cancelReason')} rules={[requiredRule(t, t('svc.cancelReason'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
        </Form.Item>
        <FormButtons onCancel={onCancel} submitting={submitting} submitLabel={t('svc.cancel')} danger />
      </Form>
    </>
  );
}
