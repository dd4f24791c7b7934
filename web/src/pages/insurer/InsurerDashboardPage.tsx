import { Card, Col, Flex, List, Row, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n';
import { PageHeading, QueryFallback } from '../../kit';
import { SectionCard } from '../../kit/SectionCard';
import { percentText } from '../underwriting/rates';
import { useWorkbench, workbenchPaths, type Workbench, type WorkbenchItem, type WorkbenchToDo } from './workbench/workbench-api';

type Translate = ReturnType<typeof useI18n>['t'];

/** A count read from one page of an index: "100+" when more were due than read. */
const countText = (count: number, more: boolean): string => (more ? `${count}+` : String(count));

/** One KPI card, the whole card a link to where the work is done. */
function Kpi({ title, value, to, danger, extra }: { title: string; value: ReactNode; to: string; danger?: boolean; extra?: ReactNode }) {
  return (
    <Col xs={12} sm={8} xl={4}>
      <Link to={to} style={{ display: 'block', height: '100%' }}>
        <Card size="small" hoverable style={{ height: '100%' }}>
          <Statistic title={title} value={value as string} valueStyle={danger ? { color: '#b91c1c' } : undefined} />
          {extra && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{extra}</Typography.Text>}
        </Card>
      </Link>
    </Col>
  );
}

/** A to-do item's state: overdue in red, due soon in orange, with its day. */
function DueTag({ item, t }: { item: Pick<WorkbenchItem, 'overdue' | 'dueOn'>; t: Translate }) {
  return <Tag color={item.overdue ? 'red' : 'orange'}>{item.overdue ? t('home.wb.overdue') : t('home.wb.dueSoon')}</Tag>;
}

/** One list of to-dos: counts in the heading, the earliest items as links, a link to the whole list. */
function ToDoCard({ title, toDo, linkOf, all, t }: { title: string; toDo: WorkbenchToDo; linkOf: (item: WorkbenchItem) => string; all: string; t: Translate }) {
  return (
    <SectionCard
      title={title}
      extra={
        <Flex gap={6} wrap>
          {toDo.overdue > 0 && <Tag color="red">{`${t('home.wb.overdue')} ${countText(toDo.overdue, toDo.more)}`}</Tag>}
          {toDo.dueSoon > 0 && <Tag color="orange">{`${t('home.wb.dueSoon')} ${toDo.dueSoon}`}</Tag>}
        </Flex>
      }
      style={{ height: '100%' }}
    >
      <List
        size="small"
        dataSource={toDo.items}
        locale={{ emptyText: <Typography.Text type="secondary">{t('home.wb.none')}</Typography.Text> }}
        renderItem={(item) => (
          <List.Item key={item.id}>
            <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
              <Link to={linkOf(item)} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {item.major ? <Tag color="red">{t('home.wb.major')}</Tag> : null}
                {item.name}
              </Link>
              <span>
                <DueTag item={item} t={t} />
                <Typography.Text type="secondary">{t('home.wb.dueOn', { dueOn: item.dueOn })}</Typography.Text>
              </span>
            </Flex>
          </List.Item>
        )}
      />
      <Flex justify="space-between" gap={8} wrap>
        {toDo.more ? <Typography.Text type="secondary">{t('home.wb.more')}</Typography.Text> : <span />}
        <Link to={all}>{t('home.wb.viewAll')}</Link>
      </Flex>
    </SectionCard>
  );
}

function FeeKpi({ fees, t }: { fees: Workbench['fees']; t: Translate }) {
  const range = t('home.wb.fees.range', { floor: fees.floorBasisPoints / 100, ceiling: fees.ceilingBasisPoints / 100 });
  return (
    <Kpi
      title={t('home.wb.kpi.fees', { year: fees.year })}
      value={fees.ratioBasisPoints === null ? '—' : percentText(fees.ratioBasisPoints)}
      danger={fees.ratioBasisPoints !== null && (!fees.compliant || fees.aboveCeiling)}
      extra={fees.ratioBasisPoints === null ? t('home.wb.fees.none') : range}
      to={workbenchPaths.fees}
    />
  );
}

/**
 * 工作台 (issue 14): the insurer's home — KPIs and to-dos from `GET /workbench` (its own tenant's due-date
 * indexes, SVC-7/8/9 and CMP-2..4/8; plans missing, SVC-4; the year's SVC-1/SVC-2 obligations; FEE-4/5; open
 * 督办), overdue first, every item a link into the page where it is done.
 */
export function InsurerDashboardPage() {
  const { t } = useI18n();
  const query = useWorkbench();
  const bench = query.data;
  if (!bench) {
    return (
      <>
        <PageHeading title={t('nav.insurer.dashboard')} />
        <QueryFallback query={query} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const services = bench.followUps.overdue + bench.archives.overdue;
  const servicesMore = bench.followUps.more;
  return (
    <>
      <PageHeading title={t('nav.insurer.dashboard')} />
      <Typography.Paragraph type="secondary">{t('home.wb.intro', { asOf: bench.asOf, horizon: bench.horizon })}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Kpi title={t('home.wb.kpi.overdueServices')} value={countText(services, servicesMore)} danger={services > 0} to={workbenchPaths.services} />
        <Kpi title={t('home.wb.kpi.hazards')} value={countText(bench.hazards.overdue, bench.hazards.more)} danger={bench.hazards.overdue > 0} to={workbenchPaths.hazards(false)} />
        <Kpi title={t('home.wb.kpi.complaints')} value={countText(bench.complaints.overdue, bench.complaints.more)} danger={bench.complaints.overdue > 0} to={workbenchPaths.complaints} />
        <Kpi
          title={t('home.wb.kpi.notices')}
          value={countText(bench.notices.issued, bench.notices.more)}
          danger={bench.notices.overdue > 0}
          extra={bench.notices.answered > 0 ? t('home.wb.answered', { count: bench.notices.answered }) : undefined}
          to={workbenchPaths.notices}
        />
        <Kpi
          title={t('home.wb.kpi.obligations', { year: bench.obligations.year })}
          value={`${bench.obligations.done} / ${bench.obligations.required}`}
          danger={bench.obligations.overdue > 0}
          extra={bench.obligations.overdue > 0 ? t('home.wb.kpi.obligationsOverdue', { count: bench.obligations.overdue }) : undefined}
          to={workbenchPaths.obligations}
        />
        <FeeKpi fees={bench.fees} t={t} />
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <SectionCard title={t('home.wb.notices')} style={{ height: '100%' }}>
            <List
              size="small"
              dataSource={bench.notices.items}
              locale={{ emptyText: <Typography.Text type="secondary">{t('home.wb.none')}</Typography.Text> }}
              renderItem={(item) => (
                <List.Item key={item.id}>
                  <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
                    <Link to={workbenchPaths.notices} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                      {item.name}
                    </Link>
                    <span>
                      {item.overdue && <Tag color="red">{t('home.wb.overdue')}</Tag>}
                      <Typography.Text type="secondary">{t('home.wb.dueOn', { dueOn: item.dueOn })}</Typography.Text>
                    </span>
                  </Flex>
                </List.Item>
              )}
            />
          </SectionCard>
        </Col>
        <Col xs={24} lg={12}>
          <ToDoCard title={t('home.wb.followUps')} toDo={bench.followUps} linkOf={(item) => workbenchPaths.service(item.id)} all={workbenchPaths.services} t={t} />
        </Col>
        <Col xs={24} lg={12}>
          <ToDoCard title={t('home.wb.archives')} toDo={bench.archives} linkOf={(item) => workbenchPaths.service(item.id)} all={workbenchPaths.services} t={t} />
        </Col>
        <Col xs={24} lg={12}>
          <ToDoCard title={t('home.wb.hazards')} toDo={bench.hazards} linkOf={(item) => workbenchPaths.hazards(item.major === true)} all={workbenchPaths.hazards(false)} t={t} />
        </Col>
        <Col xs={24} lg={12}>
          <ToDoCard title={t('home.wb.complaints')} toDo={bench.complaints} linkOf={(item) => workbenchPaths.complaint(item.id)} all={workbenchPaths.complaints} t={t} />
        </Col>
        <Col xs={24} lg={12}>
          <SectionCard
            title={t('home.wb.plans')}
            extra={bench.plansMissing.count > 0 ? <Tag color="orange">{countText(bench.plansMissing.count, bench.plansMissing.more)}</Tag> : null}
            style={{ height: '100%' }}
          >
            <List
              size="small"
              dataSource={bench.plansMissing.items}
              locale={{ emptyText: <Typography.Text type="secondary">{t('home.wb.none')}</Typography.Text> }}
              renderItem={(item) => (
                <List.Item key={item.id}>
                  <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
                    <Link to={workbenchPaths.plan(item.id)} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                      {item.name}
                    </Link>
                    <Typography.Text type="secondary">
                      {item.policyNumber} · {t('home.wb.startsOn', { periodStart: item.periodStart })}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </SectionCard>
        </Col>
      </Row>
    </>
  );
}
