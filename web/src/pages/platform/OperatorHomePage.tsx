import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ok, type Tenant, type TenantStatus } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { PageHeading, QueryFallback } from '../../kit';
import { SectionCard } from '../../kit/SectionCard';
import { tenantStatusText } from './TenantStatusTag';

/** Enough pages for every insurer of one city; the count says "+" beyond. */
const MAX_PAGES = 5;

/**
 * 平台概况 (issue 14): the operator's home — the insurers onboarded, by status (ACL-3: profiles only); the
 * working-day calendar's years (CAL-1/CAL-2: a year not loaded makes its deadlines provisional); and whether the
 * database answers (the readiness probe). Only what the platform records: no figure is made up here.
 */
export function OperatorHomePage() {
  const { t } = useI18n();
  const api = useApi();
  const query = useQuery({
    queryKey: [...queryKeys.platform, 'operator-home'],
    queryFn: async ({ signal }) => {
      const tenants: Tenant[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await api.platform.listTenants({ limit: 100, ...(cursor ? { cursor } : {}) }, signal);
        tenants.push(...page.items);
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor && pages < MAX_PAGES);
      const [calendar, ready] = await Promise.all([
        api.platform.calendarYears(signal),
        ok(api.client.GET('/api/v1/health/ready', { signal })).catch(() => undefined),
      ]);
      return { tenants, more: cursor !== undefined, calendar, ready };
    },
  });
  const data = query.data;
  if (!data) {
    return (
      <>
        <PageHeading title={t('home.op.title')} />
        <QueryFallback query={query} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const byStatus = new Map<TenantStatus, number>();
  for (const tenant of data.tenants) byStatus.set(tenant.status, (byStatus.get(tenant.status) ?? 0) + 1);
  const years = data.calendar.items.map((item) => item.year).sort((a, b) => a - b);
  const nextYear = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4)) + 1;
  const nextLoaded = years.includes(nextYear);
  const databaseUp = data.ready?.checks.dynamodb === 'up';
  return (
    <>
      <PageHeading title={t('home.op.title')} />
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <SectionCard title={t('home.op.tenants')} style={{ height: '100%' }}>
            <Link to="/platform/tenants">
              <Statistic value={t('home.op.tenants.total', { count: `${data.tenants.length}${data.more ? '+' : ''}` })} />
            </Link>
            <Flex gap={6} wrap style={{ marginTop: 8 }}>
              {[...byStatus.entries()].map(([status, count]) => (
                <Tag key={status} color={status === 'ACTIVE' ? 'green' : 'red'}>
                  {tenantStatusText(status, t)} {count}
                </Tag>
              ))}
            </Flex>
          </SectionCard>
        </Col>
        <Col xs={24} md={8}>
          <SectionCard title={t('home.op.calendar')} style={{ height: '100%' }}>
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {t('home.op.calendar.loaded')}：{years.join('、')}
            </Typography.Paragraph>
            {nextLoaded ? (
              <Alert type="success" showIcon title={t('home.op.calendar.ok', { year: nextYear })} />
            ) : (
              <Alert
                type="warning"
                showIcon
                title={t('home.op.calendar.missing', { year: nextYear })}
                action={
                  <Link to="/platform/calendar">
                    <Button size="small">{t('home.op.calendar.load')}</Button>
                  </Link>
                }
              />
            )}
          </SectionCard>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>{t('home.op.health')}</Typography.Title>} style={{ height: '100%' }}>
            <Tag color={databaseUp ? 'green' : 'red'}>{databaseUp ? t('home.op.health.up') : t('home.op.health.down')}</Tag>
          </Card>
        </Col>
      </Row>
    </>
  );
}
