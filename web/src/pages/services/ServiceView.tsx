import { Alert, Card, Descriptions, Empty, Flex, Steps, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { EvidenceItem, Hazard, PreventionService, Signature } from '../../api';
import { formatInstant, useI18n } from '../../i18n';
import { DateTime, labelledTable } from '../../kit';
import { OVERDUE_COLOR, ProvisionalMark } from '../complaints/DueDateBadge';
import { HazardDueCell, HazardGradeTag, HazardStatusTag, locationText, ServiceDueBadge, ServiceStatusTag, ShortSha } from './ServiceTags';
import { LIFECYCLE_STEPS, lifecycleStep } from './service-dates';
import { archivePath, providerText, serviceNumberText, serviceTypeText } from './service-text';
import { SectionTitle } from '../../kit/SectionCard';
import { useColleagueNames } from '../../kit/useColleagueNames';


/** The lifecycle as steps: done, the current one, and those ahead; a cancelled service shows where it stopped. */
export function ServiceSteps({ service }: { readonly service: PreventionService }) {
  const { t } = useI18n();
  const current = lifecycleStep(service);
  const cancelled = service.status === 'CANCELLED';
  const archived = service.status === 'ARCHIVED';
  return (
    <nav aria-label={t('svc.detail.steps')}>
      <Steps
        size="small"
        current={archived ? LIFECYCLE_STEPS.length : current + 1}
        status={cancelled ? 'error' : archived ? 'finish' : 'process'}
        items={LIFECYCLE_STEPS.map((step, index) => ({
          title: t(`svc.step.${step}`),
          ...(index === current && cancelled ? { status: 'error' as const, description: t('svc.status.CANCELLED') } : {}),
        }))}
      />
    </nav>
  );
}

/** SVC-13: reasons to review the record before trusting it, as warnings. */
export function ReviewFlags({ service }: { readonly service: PreventionService }) {
  const { t } = useI18n();
  if (service.reviewFlags.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="review-flags"
      title={t('svc.flags.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {service.reviewFlags.map((flag, index) => (
            <li key={`${flag.code}-${flag.evidenceId ?? flag.party ?? index}`}>
              {/* Issue 15: the flag in the catalogue's words; the server's English detail is for logs, not this list. */}
              {t(`svc.flag.${flag.code}`)}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** An expert named by id where the pool's names are not at hand (the enterprise's view). */
const sameId = (id: string): string => id;

export function ServiceOverview({ service, expertName = sameId }: { readonly service: PreventionService; readonly expertName?: (id: string) => string }) {
  const { t } = useI18n();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
      <Descriptions.Item label={t('svc.field.serviceNumber')}>{serviceNumberText(service)}</Descriptions.Item>
      <Descriptions.Item label={t('svc.field.enterprise')}>{service.enterprise.name}</Descriptions.Item>
      <Descriptions.Item label={t('svc.field.policy')}>{service.policyNumber}</Descriptions.Item>
      <Descriptions.Item label={t('svc.field.type')}>{serviceTypeText(service, t)}</Descriptions.Item>
      <Descriptions.Item label={t('svc.field.status')}>
        <ServiceStatusTag status={service.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('svc.field.scheduledAt')}>
        <DateTime value={service.scheduledAt} />
      </Descriptions.Item>
      <Descriptions.Item label={t('svc.field.provider')}>{providerText(service, t)}</Descriptions.Item>
      <Descriptions.Item label={t('svc.field.experts')}>{service.expertIds.map(expertName).join('、') || '—'}</Descriptions.Item>
      <Descriptions.Item label={t('svc.field.id')}>
        <code>{service.id}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t('svc.field.plannedItems')} span={2}>
        {service.plannedItems.join('；') || '—'}
      </Descriptions.Item>
      {service.plannedMeasures && (
        <Descriptions.Item label={t('svc.field.plannedMeasures')} span={2}>
          {service.plannedMeasures}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('svc.field.planItem')} span={2}>
        {service.planItem ? t('svc.planItem', { line: service.planItem.index + 1, version: service.planItem.planVersion }) : t('svc.planItem.none')}
      </Descriptions.Item>
      {service.scheduleConfirmation && (
        <Descriptions.Item label={t('svc.confirmSchedule.title')} span={2}>
          {t('svc.confirmSchedule.by', {
            name: service.scheduleConfirmation.confirmedByName,
            at: formatInstant(service.scheduleConfirmation.at),
            who: t(`svc.confirmSchedule.by${service.scheduleConfirmation.recordedBy}`),
          })}
        </Descriptions.Item>
      )}
      {service.cancellation && (
        <Descriptions.Item label={t('svc.status.CANCELLED')} span={2}>
          {t('svc.cancelled', { reason: service.cancellation.reason })}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

export function EvidenceTable({ evidence, caption }: { readonly evidence: readonly EvidenceItem[]; readonly caption: string }) {
  const { t } = useI18n();
  if (evidence.length === 0) return <Typography.Text type="secondary">{t('svc.evidence.none')}</Typography.Text>;
  return (
    <Table<EvidenceItem>
      size="small"
      pagination={false}
      rowKey={(item) => item.id}
      dataSource={evidence as EvidenceItem[]}
      components={{ table: labelledTable(caption) }}
      scroll={{ x: true }}
      columns={[
        { key: 'file', title: t('svc.evidence.fileName'), render: (_, item) => item.fileName ?? item.archiveKey.split('/').pop() },
        { key: 'kind', title: t('svc.evidence.kind'), width: 90, render: (_, item) => t(`svc.evidence.kind.${item.kind}`) },
        { key: 'capturedAt', title: t('svc.evidence.capturedAt'), width: 140, render: (_, item) => formatInstant(item.capturedAt) },
        { key: 'capturedBy', title: t('svc.evidence.capturedBy'), width: 100, render: (_, item) => item.capturedBy },
        {
          key: 'location',
          title: t('svc.evidence.location'),
          width: 150,
          render: (_, item) => locationText(item.location, t),
        },
        { key: 'sha256', title: t('svc.evidence.sha256'), width: 170, render: (_, item) => <ShortSha sha256={item.sha256} /> },
      ]}
    />
  );
}

export function RecordView({ service, expertName = sameId }: { readonly service: PreventionService; readonly expertName?: (id: string) => string }) {
  const { t } = useI18n();
  const colleagues = useColleagueNames();
  const { record } = service;
  if (!record) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('svc.nothingToDo')} />;
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('svc.record.performedAt')}>
          <DateTime value={record.performedAt} />
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.record.endedAt')}>
          <DateTime value={record.endedAt} />
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.record.place')} span={2}>
          {record.place}
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.record.personnel')} span={2}>
          {record.personnel
            .map((person) => [person.name, person.role, person.expertId ? `${t('svc.record.personExpert')}：${expertName(person.expertId)}` : undefined].filter(Boolean).join(' · '))
            .join('；')}
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.record.items')} span={2}>
          {record.items.join('；')}
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.record.measures')} span={2}>
          {record.measures}
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.record.process')} span={2}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{record.process}</span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('svc.record.by', { at: formatInstant(record.completedAt), by: colleagues.nameOf(record.completedBy) ?? t('svc.record.byInsurer') })}
      </Typography.Text>
      <Typography.Text strong>{t('svc.section.evidence')}</Typography.Text>
      <EvidenceTable evidence={service.evidence} caption={t('svc.section.evidence')} />
    </Flex>
  );
}

export function HazardList({ hazards, caption, today }: { readonly hazards: readonly Hazard[]; readonly caption: string; readonly today: string }) {
  const { t } = useI18n();
  if (hazards.length === 0) return <Typography.Text type="secondary">{t('hazard.empty')}</Typography.Text>;
  return (
    <Table<Hazard>
      size="small"
      pagination={false}
      rowKey={(hazard) => hazard.id}
      dataSource={hazards as Hazard[]}
      components={{ table: labelledTable(caption) }}
      columns={[
        { key: 'description', title: t('hazard.description'), render: (_, hazard) => hazard.description },
        { key: 'grade', title: t('hazard.grade'), width: 100, render: (_, hazard) => <HazardGradeTag grade={hazard.grade} /> },
        { key: 'status', title: t('hazard.status'), width: 120, render: (_, hazard) => <HazardStatusTag status={hazard.status} /> },
        {
          key: 'due',
          title: t('hazard.dueOn'),
          width: 140,
          render: (_, hazard) => <HazardDueCell hazard={hazard} today={today} />,
        },
        { key: 'notice', title: t('hazard.addressedTo'), width: 160, render: (_, hazard) => hazard.notice.addressedTo },
      ]}
    />
  );
}

export function SignatureLine({ signature, party }: { readonly signature?: Signature; readonly party: 'INSURER' | 'ENTERPRISE' }) {
  const { t } = useI18n();
  return (
    <Flex gap={8} align="center" wrap data-party={party}>
      <Typography.Text strong>{t(`svc.confirm.party.${party}`)}</Typography.Text>
      {signature ? (
        <>
          <Typography.Text>
            {t('svc.confirm.signed', {
              name: signature.signerName,
              title: signature.signerTitle ? `（${signature.signerTitle}）` : '',
              at: formatInstant(signature.signedAt),
            })}
          </Typography.Text>
          {/* SVC-9, SVC-13: captured on the insurer staff's device, not through the enterprise's own account. */}
          {signature.onSite && (
            <>
              <Tag color="orange" data-testid="signature-on-site">
                {t('svc.confirm.onSiteTag')}
              </Tag>
              <Typography.Text type="secondary">{t('svc.confirm.onSiteAt', { location: locationText(signature.onSite.location, t) })}</Typography.Text>
            </>
          )}
        </>
      ) : (
        <Tag>{t('svc.confirm.pending')}</Tag>
      )}
    </Flex>
  );
}

/** SVC-8, SVC-9 deadlines with the one the service works towards highlighted. */
export function DeadlinesView({ service, today }: { readonly service: PreventionService; readonly today: string }) {
  const { t } = useI18n();
  const { deadlines } = service;
  if (!deadlines) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={6}>
      <ServiceDueBadge service={service} today={today} />
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('svc.deadline.followUp')}>
          {deadlines.followUp.dueOn} {deadlines.followUp.provisional && <ProvisionalMark />}
          {service.followUp?.late && <Tag color={OVERDUE_COLOR} variant="solid">{t('svc.due.late')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('svc.deadline.archive')}>
          {deadlines.archive.dueOn} {deadlines.archive.provisional && <ProvisionalMark />}
          {service.archive?.late && <Tag color={OVERDUE_COLOR} variant="solid">{t('svc.due.late')}</Tag>}
        </Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}

export function ArchiveView({ service }: { readonly service: PreventionService }) {
  const { t } = useI18n();
  const { archive } = service;
  if (!archive) return null;
  return (
    <Descriptions size="small" column={1} bordered>
      <Descriptions.Item label={t('svc.archive.id')}>
        <code>{archive.archiveId}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t('svc.archive.at')}>
        <DateTime value={archive.archivedAt} /> {archive.late && <Tag color={OVERDUE_COLOR} variant="solid">{t('svc.archive.late')}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label="SHA-256">
        <code style={{ wordBreak: 'break-all' }}>{archive.sha256}</code>
      </Descriptions.Item>
      <Descriptions.Item label={t('svc.archive.verifyLink')}>
        <Link to={archivePath(archive.archiveId)}>{t('svc.archive.verifyLink')}</Link>
      </Descriptions.Item>
    </Descriptions>
  );
}

export const ServiceCard = ({ title, children, testId }: { readonly title: string; readonly children: ReactNode; readonly testId?: string }) => (
  <Card size="small" title={<SectionTitle>{title}</SectionTitle>} data-testid={testId}>
    {children}
  </Card>
);
