import { useQuery } from '@tanstack/react-query';
import { Button, Col, Descriptions, Flex, Row, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../app/ServicesContext';
import { formatInstant, useI18n } from '../../../i18n';
import { DateTime, PageHeading, QueryFallback } from '../../../kit';
import { shanghaiToday } from '../../complaints/due-dates';
import { DeadlinesView, RecordView, ReviewFlags, ServiceCard, ServiceOverview, ServiceSteps, SignatureLine } from '../../services/ServiceView';
import { serviceTypeText } from '../../services/service-text';
import { useProviderChoices } from '../../services/useProviderChoices';
import { IssueNoticeButton } from './IssueNoticeButton';
import { supervisionPaths } from './paths';

/**
 * One service of an insurer for the regulators (issue 14; ACL-2, ACL-4, SVC-5..10): its steps, record and
 * evidence, deadlines with 逾期, the follow-up, both parties' signatures and its archive digest — the insurer's
 * own view without any of its actions.
 */
export function SupervisionServicePage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { tenantId = '', serviceId = '' } = useParams();
  const providers = useProviderChoices();
  const today = shanghaiToday();
  const query = useQuery({
    queryKey: [...queryKeys.supervision, 'service', tenantId, serviceId],
    queryFn: ({ signal }) => api.supervision.service(tenantId, serviceId, signal),
  });
  const back = <Button onClick={() => void navigate(supervisionPaths.services(tenantId))}>{t('sup.service.back')}</Button>;
  if (!query.data) {
    return (
      <>
        <PageHeading title={t('sup.service.title')} extra={back} />
        <QueryFallback query={query} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const { insurer, service } = query.data;
  return (
    <>
      <PageHeading
        title={`${t('sup.service.title')} · ${serviceTypeText(service, t)}`}
        extra={
          <Flex gap={8}>
            <IssueNoticeButton tenantId={tenantId} kind="SERVICE" subjectId={service.id} label={`${service.enterprise.name} · ${service.scheduledOn}`} />
            {back}
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">
        {insurer.name} · {service.enterprise.name}（{service.enterprise.uscc}）
      </Typography.Paragraph>
      <Flex vertical gap={16}>
        <ServiceSteps service={service} />
        <ReviewFlags service={service} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Flex vertical gap={16}>
              <ServiceCard title={t('svc.section.overview')}>
                <ServiceOverview service={service} expertName={providers.expertName} />
              </ServiceCard>
              {service.record && (
                <ServiceCard title={t('svc.section.record')}>
                  <RecordView service={service} expertName={providers.expertName} />
                </ServiceCard>
              )}
            </Flex>
          </Col>
          <Col xs={24} xl={9}>
            <Flex vertical gap={16}>
              <ServiceCard title={t('svc.section.deadlines')} testId="supervised-service-deadlines">
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
                <ServiceCard title={t('svc.section.confirmations')}>
                  <Flex vertical gap={6}>
                    <SignatureLine party="INSURER" signature={service.confirmations.insurer} />
                    <SignatureLine party="ENTERPRISE" signature={service.confirmations.enterprise} />
                  </Flex>
                </ServiceCard>
              )}
              {service.archive && (
                <ServiceCard title={t('svc.section.archive')}>
                  <Descriptions size="small" column={1} bordered>
                    <Descriptions.Item label={t('svc.archive.id')}>
                      <code>{service.archive.archiveId}</code>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('svc.archive.at')}>
                      <DateTime value={service.archive.archivedAt} /> {service.archive.late && <Tag color="red">{t('svc.archive.late')}</Tag>}
                    </Descriptions.Item>
                    <Descriptions.Item label="SHA-256">
                      <code style={{ wordBreak: 'break-all' }}>{service.archive.sha256}</code>
                    </Descriptions.Item>
                  </Descriptions>
                </ServiceCard>
              )}
            </Flex>
          </Col>
        </Row>
      </Flex>
    </>
  );
}
