import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Empty, Flex, Row, Select, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { OverviewCounty, OverviewInsurer, SupervisionOverview } from '../../../api';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../app/ServicesContext';
import { useI18n } from '../../../i18n';
import { formatFen } from '../../../i18n/format';
import { describeApiError, downloadCsv, fenToYuanDecimal, labelledTable, PageHeading, toCsv, useUrlFilters } from '../../../kit';
import { SectionTitle } from '../../../kit/SectionCard';
import { countyName } from '../../../reference/xinzhou-counties';
import { shanghaiToday } from '../../complaints/due-dates';
import { percentText } from '../../underwriting/rates';
import { useSessionUser } from '../../underwriting/session';
import { OverviewChart, type OverviewSeries } from './OverviewChart';
import { supervisionPaths } from './paths';

type Translate = ReturnType<typeof useI18n>['t'];
type Figures = Pick<OverviewInsurer, 'obligations' | 'followUps' | 'archives' | 'complaints' | 'majorHazards'>;

/** SVC-1/2, SVC-8, SVC-9: service items past due and still open — what "behind on services" counts. */
const overdueServices = (row: Figures): number => row.obligations.overdue + row.followUps.overdue + row.archives.overdue;
const share = (part: number, whole: number): string => (whole > 0 ? percentText(Math.floor((part * 10_000) / whole)) : '—');
const coverageText = (basisPoints: number | null): string => (basisPoints === null ? '—' : percentText(basisPoints));

/** FEE-4/FEE-5: the year's standing in one tag. */
function feeTag(fees: NonNullable<OverviewInsurer['fees']>, t: Translate) {
  const floor = fees.floorBasisPoints / 100;
  const ceiling = fees.ceilingBasisPoints / 100;
  if (fees.premiumExTaxFen === 0) return <Tag>{t('ov.fee.noPremium')}</Tag>;
  if (fees.aboveCeiling) return <Tag color="orange">{t('ov.fee.aboveCeiling', { ceiling })}</Tag>;
  if (fees.shortfallFen > 0) return <Tag color="red">{t('ov.fee.belowFloor', { floor })}</Tag>;
  return <Tag color="green">{t('ov.fee.compliant')}</Tag>;
}

/** A count that is a problem when above zero: red, bold. */
function Count({ value }: { readonly value: number }) {
  return value > 0 ? <Typography.Text type="danger" strong>{value}</Typography.Text> : <span>{value}</span>;
}

const YEARS_BACK = 3;

/**
 * 监管总览 (issue 14; ACL-2, ACL-4): the regulators' home — the year's figures across insurers from the
 * supervision counters (a fixed number of reads whatever the number of policies): KPI cards, the overdue items
 * per insurer as a chart, the insurers ranked most behind first with links into their overdue services,
 * policies and fee year, and the counties. A county EMB sees its county, without fee figures (the ledger has
 * no county).
 */
export function OverviewPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const user = useSessionUser();
  const countyEmb = user?.agency === 'EMB_COUNTY';
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const { filters, setFilters } = useUrlFilters(['year'] as const);
  const year = /^\d{4}$/.test(filters.year) ? Number(filters.year) : thisYear;
  const money = (fen: number) => formatFen(fen, t('money.unit'));

  const query = useQuery({ queryKey: [...queryKeys.supervision, '/api/v1/regulator/overview', year], queryFn: ({ signal }) => api.supervision.overview(year, signal) });
  const overview: SupervisionOverview | undefined = query.data;

  const fees = useMemo(() => {
    const rows = overview?.insurers.flatMap((row) => (row.fees ? [row.fees] : [])) ?? [];
    if (rows.length === 0) return undefined;
    const premium = rows.reduce((sum, row) => sum + row.premiumExTaxFen, 0);
    const spent = rows.reduce((sum, row) => sum + row.spentFen, 0);
    return { premium, spent, floor: (rows[0]?.floorBasisPoints ?? 0) / 100, ceiling: (rows[0]?.ceilingBasisPoints ?? 0) / 100 };
  }, [overview]);

  const series = useMemo<OverviewSeries[]>(() => {
    const rows = overview?.insurers ?? [];
    return [
      { name: t('ov.chart.obligations'), color: '#b91c1c', values: rows.map((row) => row.obligations.overdue) },
      { name: t('ov.chart.followUps'), color: '#ea580c', values: rows.map((row) => row.followUps.overdue) },
      { name: t('ov.chart.archives'), color: '#ca8a04', values: rows.map((row) => row.archives.overdue) },
      { name: t('ov.chart.complaints'), color: '#7c3aed', values: rows.map((row) => row.complaints.overdue) },
      { name: t('ov.chart.hazards'), color: '#be185d', values: rows.map((row) => row.majorHazards.overdue) },
    ];
  }, [overview, t]);
  const labels = useMemo(() => overview?.insurers.map((row) => row.branchName || row.name) ?? [], [overview]);
  const anyOverdue = series.some((one) => one.values.some((value) => value > 0));

  const insurerColumns: ColumnsType<OverviewInsurer> = [
    { key: 'rank', title: t('ov.insurers.rank'), width: 56, align: 'right', dataIndex: 'rank' },
    {
      key: 'name',
      title: t('ov.insurers.name'),
      width: 220,
      render: (_, row) => <Link to={supervisionPaths.policies(row.tenantId)}>{row.name}</Link>,
    },
    {
      key: 'overdueServices',
      title: t('ov.insurers.overdueServices'),
      width: 110,
      align: 'right',
      render: (_, row) => <Count value={overdueServices(row)} />,
    },
    {
      key: 'obligations',
      title: t('ov.insurers.obligations'),
      width: 130,
      align: 'right',
      render: (_, row) => `${row.obligations.done} / ${row.obligations.required}`,
    },
    {
      key: 'followUps',
      title: t('ov.insurers.followUps'),
      width: 130,
      align: 'right',
      render: (_, row) => (
        <>
          {row.followUps.onTime} / {row.followUps.late} / <Count value={row.followUps.overdue} />
        </>
      ),
    },
    {
      key: 'archives',
      title: t('ov.insurers.archives'),
      width: 130,
      align: 'right',
      render: (_, row) => (
        <>
          {row.archives.onTime} / {row.archives.late} / <Count value={row.archives.overdue} />
        </>
      ),
    },
    {
      key: 'complaints',
      title: t('ov.insurers.complaints'),
      width: 150,
      align: 'right',
      render: (_, row) => (
        <>
          {row.complaints.onTime} / {row.complaints.late} / <Count value={row.complaints.overdue} /> / {row.complaints.escalated}
        </>
      ),
    },
    {
      key: 'hazards',
      title: t('ov.insurers.hazards'),
      width: 120,
      align: 'right',
      render: (_, row) => (
        <>
          {row.majorHazards.open} / <Count value={row.majorHazards.overdue} />
        </>
      ),
    },
    { key: 'coverage', title: t('ov.insurers.coverage'), width: 90, align: 'right', render: (_, row) => `${coverageText(row.coverageShareBasisPoints)}（${row.inForce}）` },
    // CLM-1: claims registered and declined in the year, and what was paid in it.
    { key: 'claims', title: t('ov.insurers.claims'), width: 120, align: 'right', render: (_, row) => `${row.claims.registered} / ${row.claims.declined}` },
    { key: 'claimsPaid', title: t('ov.insurers.claimsPaid'), width: 130, align: 'right', render: (_, row) => money(row.claims.paidFen) },
    ...(countyEmb
      ? []
      : ([
          {
            key: 'fees',
            title: t('ov.insurers.fees'),
            width: 230,
            align: 'right',
            render: (_, row) => (row.fees ? `${money(row.fees.accruedFen)} / ${money(row.fees.spentFen)}` : ''),
          },
          {
            key: 'ratio',
            title: t('ov.insurers.ratio'),
            width: 130,
            render: (_, row) =>
              row.fees ? (
                <Flex gap={4} wrap>
                  <span>{row.fees.ratioBasisPoints === null ? '—' : percentText(row.fees.ratioBasisPoints)}</span>
                  {feeTag(row.fees, t)}
                </Flex>
              ) : null,
          },
        ] satisfies ColumnsType<OverviewInsurer>)),
    {
      key: 'links',
      title: t('ov.insurers.links'),
      width: 200,
      fixed: 'right',
      render: (_, row) => (
        <Flex gap={12} wrap>
          <Link to={supervisionPaths.services(row.tenantId, true)}>{t('sup.link.overdue')}</Link>
          <Link to={supervisionPaths.policies(row.tenantId)}>{t('sup.link.policies')}</Link>
          {!countyEmb && <Link to={supervisionPaths.fees(row.tenantId)}>{t('sup.link.fees')}</Link>}
        </Flex>
      ),
    },
  ];

  const countyColumns: ColumnsType<OverviewCounty> = [
    { key: 'name', title: t('ov.counties.name'), width: 110, render: (_, row) => (row.county === 'NONE' ? row.name : countyName(row.county, locale)) },
    { key: 'registered', title: t('ov.counties.registered'), width: 80, align: 'right', dataIndex: 'registered' },
    { key: 'inForce', title: t('ov.counties.inForce'), width: 70, align: 'right', dataIndex: 'inForce' },
    { key: 'coverage', title: t('ov.insurers.coverage'), width: 80, align: 'right', render: (_, row) => coverageText(row.coverageShareBasisPoints) },
    { key: 'overdueServices', title: t('ov.insurers.overdueServices'), width: 110, align: 'right', render: (_, row) => <Count value={overdueServices(row)} /> },
    { key: 'obligations', title: t('ov.insurers.obligations'), width: 130, align: 'right', render: (_, row) => `${row.obligations.done} / ${row.obligations.required}` },
    {
      key: 'complaints',
      title: t('ov.insurers.complaints'),
      width: 150,
      align: 'right',
      render: (_, row) => (
        <>
          {row.complaints.onTime} / {row.complaints.late} / <Count value={row.complaints.overdue} /> / {row.complaints.escalated}
        </>
      ),
    },
    { key: 'hazards', title: t('ov.insurers.hazards'), width: 120, align: 'right', render: (_, row) => <>{row.majorHazards.open} / <Count value={row.majorHazards.overdue} /></> },
    { key: 'claims', title: t('ov.insurers.claims'), width: 120, align: 'right', render: (_, row) => `${row.claims.registered} / ${row.claims.declined}` },
    { key: 'claimsPaid', title: t('ov.insurers.claimsPaid'), width: 130, align: 'right', render: (_, row) => money(row.claims.paidFen) },
  ];

  /** The ranked table as it is shown, one row per insurer, for work outside the console. */
  const exportInsurers = () => {
    if (!overview) return;
    const header = [
      t('ov.insurers.rank'),
      t('ov.insurers.name'),
      t('ov.insurers.overdueServices'),
      t('ov.insurers.obligations'),
      t('ov.insurers.followUps'),
      t('ov.insurers.archives'),
      t('ov.insurers.complaints'),
      t('ov.insurers.hazards'),
      t('ov.insurers.coverage'),
      t('ov.insurers.claims'),
      t('ov.insurers.claimsPaid'),
      ...(countyEmb ? [] : [t('ov.insurers.fees'), t('ov.insurers.ratio')]),
    ];
    const rows = overview.insurers.map((row) => [
      row.rank,
      row.name,
      overdueServices(row),
      `${row.obligations.done}/${row.obligations.required}`,
      `${row.followUps.onTime}/${row.followUps.late}/${row.followUps.overdue}`,
      `${row.archives.onTime}/${row.archives.late}/${row.archives.overdue}`,
      `${row.complaints.onTime}/${row.complaints.late}/${row.complaints.overdue}/${row.complaints.escalated}`,
      `${row.majorHazards.open}/${row.majorHazards.overdue}`,
      coverageText(row.coverageShareBasisPoints),
      `${row.claims.registered}/${row.claims.declined}`,
      fenToYuanDecimal(row.claims.paidFen),
      ...(countyEmb ? [] : [row.fees ? `${fenToYuanDecimal(row.fees.accruedFen)}/${fenToYuanDecimal(row.fees.spentFen)}` : '', row.fees?.ratioBasisPoints == null ? '' : percentText(row.fees.ratioBasisPoints)]),
    ]);
    downloadCsv(`overview-${year}.csv`, toCsv(header, rows));
  };

  const totals = overview?.totals;
  const kpi = (key: string, title: string, value: string, note: string) => (
    <Col xs={12} md={8} xl={4} key={key}>
      <Card size="small" style={{ height: '100%' }} data-testid={`overview-kpi-${key}`}>
        <Statistic title={title} value={value} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      </Card>
    </Col>
  );

  return (
    <>
      <PageHeading
        title={t('ov.title')}
        extra={
          <Select
            aria-label={t('ov.year')}
            value={year}
            style={{ width: 110 }}
            options={Array.from({ length: YEARS_BACK }, (_, index) => thisYear - index).map((value) => ({ value, label: String(value) }))}
            onChange={(value: number) => setFilters({ year: value === thisYear ? '' : String(value) })}
          />
        }
      />
      <Typography.Paragraph type="secondary">
        {countyEmb ? t('ov.introCounty', { county: countyName(user?.county, locale) }) : t('ov.intro')}
        {overview && ` ${t('ov.asOf', { date: overview.asOf })}`}
      </Typography.Paragraph>
      {Boolean(query.error) && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={describeApiError(query.error, t)} action={<Button size="small" onClick={() => void query.refetch()}>{t('table.retry')}</Button>} />
      )}
      {!overview || !totals ? (
        query.isFetching && <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={[12, 12]}>
            {kpi('coverage', t('ov.kpi.coverage'), coverageText(totals.coverageShareBasisPoints), t('ov.kpi.coverageNote', { inForce: totals.inForce, registered: totals.registered }))}
            {kpi('obligations', t('ov.kpi.obligations'), share(totals.obligations.done, totals.obligations.required), t('ov.kpi.obligationsNote', { ...totals.obligations }))}
            {kpi('followUps', t('ov.kpi.followUps'), String(totals.followUps.overdue), t('ov.kpi.followUpsNote', { ...totals.followUps }))}
            {kpi('archives', t('ov.kpi.archives'), String(totals.archives.overdue), t('ov.kpi.archivesNote', { ...totals.archives }))}
            {kpi('complaints', t('ov.kpi.complaints'), share(totals.complaints.onTime, totals.complaints.onTime + totals.complaints.late + totals.complaints.overdue), t('ov.kpi.complaintsNote', { ...totals.complaints }))}
            {kpi('hazards', t('ov.kpi.hazards'), String(totals.majorHazards.open), t('ov.kpi.hazardsNote', { overdue: totals.majorHazards.overdue }))}
            {kpi('claims', t('ov.kpi.claims'), String(totals.claims.declined), t('ov.kpi.claimsNote', { registered: totals.claims.registered, decided: totals.claims.decided, paid: money(totals.claims.paidFen) }))}
            {fees && kpi('fees', t('ov.kpi.fees'), share(fees.spent, fees.premium), t('ov.kpi.feesNote', { spent: money(fees.spent), floor: fees.floor, ceiling: fees.ceiling }))}
          </Row>
          {anyOverdue && (
            <Card size="small" title={<SectionTitle>{t('ov.chart.title')}</SectionTitle>}>
              <OverviewChart labels={labels} series={series} title={t('ov.chart.title')} />
            </Card>
          )}
          <Card
            size="small"
            title={<SectionTitle>{t('ov.insurers.caption')}</SectionTitle>}
            extra={
              <Button size="small" onClick={exportInsurers}>
                {t('table.exportCsv')}
              </Button>
            }
          >
            <Typography.Paragraph type="secondary" style={{ marginTop: 0, fontSize: 12 }}>
              {t('ov.ranking')}
            </Typography.Paragraph>
            <Table<OverviewInsurer>
              size="small"
              bordered
              rowKey={(row) => row.tenantId}
              dataSource={overview.insurers}
              columns={insurerColumns}
              pagination={overview.insurers.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
              scroll={{ x: 'max-content' }}
              components={{ table: labelledTable(t('ov.insurers.caption')) }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
            />
          </Card>
          <Card size="small" title={<SectionTitle>{t('ov.counties.caption')}</SectionTitle>}>
            <Table<OverviewCounty>
              size="small"
              bordered
              rowKey={(row) => row.county}
              dataSource={overview.counties}
              columns={countyColumns}
              pagination={false}
              scroll={{ x: 'max-content' }}
              components={{ table: labelledTable(t('ov.counties.caption')) }}
            />
          </Card>
        </Flex>
      )}
    </>
  );
}
