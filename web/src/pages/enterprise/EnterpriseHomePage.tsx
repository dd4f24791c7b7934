import { useQuery } from '@tanstack/react-query';
import { Badge, Flex, List, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Complaint, Hazard, PreventionService } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { PageHeading, QueryFallback } from '../../kit';
import { SectionCard } from '../../kit/SectionCard';
import { shanghaiToday } from '../complaints/due-dates';
import { useMyInsurers } from './insurer-names';

type Translate = ReturnType<typeof useI18n>['t'];

const LIMIT = 50;

/** SVC-5: a schedule to confirm; SVC-9: a followed-up record to sign (the enterprise's own signature). */
const awaitsUs = (service: PreventionService): boolean =>
  service.status === 'SCHEDULED' || (service.status === 'FOLLOWED_UP' && !service.confirmations.enterprise);

/** SVC-7: the date the enterprise must rectify by — its own plan's once reported, else the inspector's. */
const rectifyBy = (hazard: Hazard): string => hazard.rectification?.dueOn ?? hazard.rectifyBy;

/** What the complainant waits for, or is awaited for (CMP-2..4: the insurer's reply; then its acceptance). */
function complaintState(complaint: Complaint, t: Translate): { text: string; color?: string } {
  if (complaint.status === 'OPEN') return { text: t('home.ent.complaints.awaitingReply', { dueOn: complaint.deadlines.binding.dueOn }) };
  if (complaint.status === 'REPLIED') return { text: t('home.ent.complaints.replied'), color: 'orange' };
  return { text: t('home.ent.complaints.closed') };
}

function Section({ title, count, children }: { title: string; count: number; children: ReactNode }) {
  return (
    <SectionCard
      title={
        <Space>
          {title}
          <Badge count={count} showZero={false} />
        </Space>
      }
    >
      {children}
    </SectionCard>
  );
}

/**
 * 我的待办 (issue 14): the enterprise's home, phone first — the services awaiting its confirmation (SVC-5 schedule,
 * SVC-9 signature), its hazards to rectify (SVC-7, by date) and its complaints with what is awaited; each item
 * links to the enterprise page where it is done. Reads the enterprise's own routes (ACL-5), nothing more.
 */
export function EnterpriseHomePage() {
  const { t } = useI18n();
  const api = useApi();
  const { nameOf } = useMyInsurers();
  const today = shanghaiToday();
  const query = useQuery({
    queryKey: [...queryKeys.services, 'enterprise-home'],
    queryFn: async ({ signal }) => {
      const [scheduled, followedUp, open, rectifying, complaints] = await Promise.all([
        api.myServices.list({ limit: LIMIT, status: 'SCHEDULED' }, signal),
        api.myServices.list({ limit: LIMIT, status: 'FOLLOWED_UP' }, signal),
        api.myServices.listHazards({ limit: LIMIT, status: 'OPEN' }, signal),
        api.myServices.listHazards({ limit: LIMIT, status: 'RECTIFYING' }, signal),
        api.myComplaints.list({ limit: 20 }, signal),
      ]);
      return {
        services: [...scheduled.items, ...followedUp.items].filter(awaitsUs),
        hazards: [...open.items, ...rectifying.items].sort((a, b) => rectifyBy(a).localeCompare(rectifyBy(b))),
        complaints: complaints.items,
      };
    },
  });
  const data = query.data;
  if (!data) {
    return (
      <>
        <PageHeading title={t('home.ent.title')} />
        <QueryFallback query={query} onRetry={() => void query.refetch()} />
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('home.ent.title')} />
      <Typography.Paragraph type="secondary">{t('home.ent.intro')}</Typography.Paragraph>
      <Flex vertical gap={12}>
        <Section title={t('home.ent.services')} count={data.services.length}>
          <List
            size="small"
            dataSource={data.services}
            locale={{ emptyText: <Typography.Text type="secondary">{t('home.ent.none')}</Typography.Text> }}
            renderItem={(service) => (
              <List.Item key={service.id}>
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Link to={`/my/services?status=${service.status}`}>
                    {service.status === 'SCHEDULED' ? t('home.ent.services.schedule') : t('home.ent.services.record')}
                  </Link>
                  <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                    {nameOf(service.tenantId)} · {service.scheduledOn}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </Section>
        <Section title={t('home.ent.hazards')} count={data.hazards.length}>
          <List
            size="small"
            dataSource={data.hazards}
            locale={{ emptyText: <Typography.Text type="secondary">{t('home.ent.none')}</Typography.Text> }}
            renderItem={(hazard) => (
              <List.Item key={hazard.id}>
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <Link to="/my/hazards" style={{ overflowWrap: 'anywhere' }}>
                    {hazard.grade === 'MAJOR' && <Tag color="red">{t('home.wb.major')}</Tag>}
                    {hazard.description}
                  </Link>
                  <span>
                    {rectifyBy(hazard) < today && <Tag color="red">{t('home.wb.overdue')}</Tag>}
                    <Typography.Text type="secondary">{t('home.ent.hazards.rectify', { dueOn: rectifyBy(hazard) })}</Typography.Text>
                  </span>
                </Flex>
              </List.Item>
            )}
          />
        </Section>
        <Section title={t('home.ent.complaints')} count={data.complaints.filter((complaint) => complaint.status === 'REPLIED').length}>
          <List
            size="small"
            dataSource={data.complaints}
            locale={{ emptyText: <Typography.Text type="secondary">{t('home.ent.none')}</Typography.Text> }}
            renderItem={(complaint) => {
              const state = complaintState(complaint, t);
              return (
                <List.Item key={complaint.id}>
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <Link to={`/my/complaints/${complaint.id}`} style={{ overflowWrap: 'anywhere' }}>
                      {complaint.request}
                    </Link>
                    <span>{state.color ? <Tag color={state.color}>{state.text}</Tag> : <Typography.Text type="secondary">{state.text}</Typography.Text>}</span>
                  </Flex>
                </List.Item>
              );
            }}
          />
        </Section>
      </Flex>
    </>
  );
}
