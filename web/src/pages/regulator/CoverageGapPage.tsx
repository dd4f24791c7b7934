import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { Alert, Button, Card, Col, Empty, Flex, Form, Input, Row, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import type { CoverageCounts, CoverageGapGroup, Industry } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { describeApiError, downloadCsv, labelledTable, PageHeading, toCsv, useUrlFilters } from '../../kit';
import { INDUSTRIES, industryName } from '../../reference/underwriting';
import { asAreaCode, countyName, XINZHOU_COUNTIES } from '../../reference/xinzhou-counties';
import { shanghaiToday } from '../complaints/due-dates';
import { useSessionUser } from '../underwriting/session';
import { CoverageChart, type CoverageBar } from './CoverageChart';
import { SectionTitle } from '../../kit/SectionCard';
import { DateField } from '../../kit/DateField';
import { enterpriseLabel } from './enterprise-label';


const FILTERS = ['date', 'county', 'industry'] as const;
/** Beyond this many USCCs a group shows the first ones and the count of the rest. */
const SHOWN_PER_GROUP = 300;

type CountRow = CoverageCounts['items'][number];

const COUNTY_ORDER = new Map<string, number>(XINZHOU_COUNTIES.map((county, index) => [county.code, index]));
const INDUSTRY_ORDER = new Map(INDUSTRIES.map((industry, index) => [industry.code, index]));
const rateText = (insured: number, registered: number): string => (registered === 0 ? '—' : `${((insured * 1000) / registered / 10).toFixed(1)}%`);

/**
 * 应保未保 (UW-11): the register's enterprises of the mandatory industries (SCOPE-2) with no policy in force on
 * a day, by county and industry — the findings — and those of the promoted industries (SCOPE-3), advisory;
 * with today's registered / insured / uninsured counts per county × industry, charted. A county EMB sees its
 * own county (ACL-4: no county filter); the date, county and industry are kept in the URL.
 */
export function CoverageGapPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const user = useSessionUser();
  const countyEmb = user?.agency === 'EMB_COUNTY';
  const today = shanghaiToday();
  const { filters, setFilters, clearFilters } = useUrlFilters(FILTERS);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(filters.date) ? filters.date : today;
  const county = countyEmb ? undefined : asAreaCode(filters.county);
  const industry = (filters.industry || undefined) as Industry | undefined;
  const [form] = Form.useForm<Record<(typeof FILTERS)[number], string | undefined>>();

  useEffect(() => {
    form.setFieldsValue({ date, county, industry });
  }, [form, date, county, industry]);

  const gap = useQuery({ queryKey: [...queryKeys.register, `uninsured:${date}:${county ?? ''}:${industry ?? ''}`], queryFn: ({ signal }) => api.register.uninsured({ date, county, industry }, signal) });
  const counts = useQuery({ queryKey: [...queryKeys.register, `coverage:${county ?? ''}`], queryFn: ({ signal }) => api.register.coverage({ county }, signal) });

  const countRows = useMemo(
    () =>
      (counts.data?.items ?? [])
        .filter((row) => !industry || row.industry === industry)
        .sort((a, b) => (COUNTY_ORDER.get(a.county) ?? 99) - (COUNTY_ORDER.get(b.county) ?? 99) || (INDUSTRY_ORDER.get(a.industry) ?? 99) - (INDUSTRY_ORDER.get(b.industry) ?? 99)),
    [counts.data, industry],
  );

  // One bar per county for a city-wide view; per industry within one county.
  const byCounty = !countyEmb && !county;
  const bars = useMemo<CoverageBar[]>(() => {
    const mandatory = countRows.filter((row) => row.scope === 'MANDATORY');
    const totals = new Map<string, { insured: number; uninsured: number }>();
    for (const row of mandatory) {
      const key = byCounty ? row.county : row.industry;
      const total = totals.get(key) ?? { insured: 0, uninsured: 0 };
      totals.set(key, { insured: total.insured + row.insured, uninsured: total.uninsured + row.uninsured });
    }
    return [...totals.entries()].map(([key, total]) => ({ label: byCounty ? countyName(key, locale) : industryName(key, locale), ...total }));
  }, [countRows, byCounty, locale]);

  const total = useMemo(
    () =>
      countRows
        .filter((row) => row.scope === 'MANDATORY')
        .reduce((sum, row) => ({ registered: sum.registered + row.registered, insured: sum.insured + row.insured, uninsured: sum.uninsured + row.uninsured }), {
          registered: 0,
          insured: 0,
          uninsured: 0,
        }),
    [countRows],
  );

  const groupColumns = [
    { key: 'county', title: t('register.county'), width: 110, render: (_: unknown, group: CoverageGapGroup) => countyName(group.county, locale) },
    { key: 'industry', title: t('register.industry'), width: 150, render: (_: unknown, group: CoverageGapGroup) => industryName(group.industry, locale) },
    {
      key: 'count',
      title: t('coverage.uninsuredOfRegistered'),
      width: 130,
      align: 'right' as const,
      render: (_: unknown, group: CoverageGapGroup) => t('coverage.ofRegistered', { uninsured: group.uninsured.length, registered: group.registered }),
    },
  ];

  const countColumns = [
    { key: 'county', title: t('register.county'), width: 88, render: (_: unknown, row: CountRow) => countyName(row.county, locale) },
    { key: 'industry', title: t('register.industry'), render: (_: unknown, row: CountRow) => industryName(row.industry, locale) },
    {
      key: 'scope',
      title: t('coverage.scope'),
      width: 92,
      render: (_: unknown, row: CountRow) => <Tag color={row.scope === 'MANDATORY' ? 'red' : 'orange'}>{t(`industry.scope.${row.scope}`)}</Tag>,
    },
    { key: 'registered', title: t('coverage.registered'), width: 64, align: 'right' as const, dataIndex: 'registered' },
    { key: 'insured', title: t('coverage.insured'), width: 64, align: 'right' as const, dataIndex: 'insured' },
    { key: 'uninsured', title: t('coverage.uninsured'), width: 64, align: 'right' as const, dataIndex: 'uninsured' },
    { key: 'rate', title: t('coverage.rate'), width: 72, align: 'right' as const, render: (_: unknown, row: CountRow) => rateText(row.insured, row.registered) },
  ];

  const gapTable = (groups: readonly CoverageGapGroup[], caption: string, emptyText: string) => (
    <Table<CoverageGapGroup>
      size="small"
      bordered
      pagination={groups.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      rowKey={(group) => `${group.county}|${group.industry}`}
      dataSource={[...groups]}
      columns={groupColumns}
      components={{ table: labelledTable(caption) }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      loading={gap.isFetching}
      expandable={{
        expandedRowRender: (group) => (
          <Flex gap={4} wrap aria-label={t('coverage.enterprisesOf', { county: countyName(group.county, locale), industry: industryName(group.industry, locale) })} role="list">
            {group.uninsured.slice(0, SHOWN_PER_GROUP).map((uscc) => (
              <Tag key={uscc} role="listitem" style={{ marginInlineEnd: 0 }}>
                {enterpriseLabel(uscc, gap.data?.names)}
              </Tag>
            ))}
            {group.uninsured.length > SHOWN_PER_GROUP && <Typography.Text type="secondary">{t('coverage.andMore', { count: group.uninsured.length - SHOWN_PER_GROUP })}</Typography.Text>}
          </Flex>
        ),
      }}
    />
  );

  /** Every uninsured enterprise of a list, one row each, for follow-up outside the console. */
  const exportGap = (groups: readonly CoverageGapGroup[], name: string) =>
    downloadCsv(
      `${name}-${gap.data?.onDate ?? date}.csv`,
      toCsv(
        [t('register.county'), t('register.industry'), t('register.name'), t('register.uscc')],
        groups.flatMap((group) => group.uninsured.map((uscc) => [countyName(group.county, locale), industryName(group.industry, locale), gap.data?.names[uscc] ?? '', uscc])),
      ),
    );
  const exportButton = (groups: readonly CoverageGapGroup[], name: string) => (
    <Button size="small" disabled={groups.length === 0} onClick={() => exportGap(groups, name)}>
      {t('table.exportCsv')}
    </Button>
  );

  return (
    <>
      <PageHeading title={t('coverage.title')} />
      <Typography.Paragraph type="secondary">
        {countyEmb ? t('coverage.introCounty', { county: countyName(user?.county, locale) }) : t('coverage.intro')}
      </Typography.Paragraph>
      <Form
        form={form}
        name="coverage-filters"
        layout="inline"
        role="search"
        onFinish={(values) => setFilters({ date: values.date === today ? '' : (values.date ?? ''), county: values.county ?? '', industry: values.industry ?? '' })}
        style={{ marginBottom: 12 }}
      >
        <Form.Item name="date" label={t('coverage.date')} style={{ marginBottom: 8 }}>
          <DateField style={{ width: 170 }} />
        </Form.Item>
        {!countyEmb && (
          <Form.Item name="county" label={t('register.county')} style={{ marginBottom: 8 }}>
            <Select allowClear style={{ width: 180 }} options={XINZHOU_COUNTIES.map((option) => ({ value: option.code, label: countyName(option.code, locale) }))} />
          </Form.Item>
        )}
        <Form.Item name="industry" label={t('register.industry')} style={{ marginBottom: 8 }}>
          <Select allowClear style={{ width: 200 }} options={INDUSTRIES.filter((option) => option.scope !== 'ENCOURAGED').map((option) => ({ value: option.code, label: industryName(option.code, locale) }))} />
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit">
            {t('table.search')}
          </Button>
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button
            onClick={() => {
              form.resetFields();
              clearFilters();
            }}
          >
            {t('table.reset')}
          </Button>
        </Form.Item>
      </Form>

      <Flex vertical gap={16}>
        <Card size="small" title={<SectionTitle>{t('coverage.countsTitle', { date: counts.data?.onDate ?? today })}</SectionTitle>}>
          {Boolean(counts.error) && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={describeApiError(counts.error, t)} action={<Button size="small" onClick={() => void counts.refetch()}>{t('table.retry')}</Button>} />}
          {counts.isFetching && !counts.data ? (
            <Skeleton active />
          ) : (
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={10}>
                <Typography.Paragraph style={{ marginTop: 0 }} data-testid="coverage-total">
                  {t('coverage.totalMandatory', { registered: total.registered, insured: total.insured, uninsured: total.uninsured })}
                </Typography.Paragraph>
                {bars.length > 0 ? (
                  <CoverageChart
                    bars={bars}
                    title={byCounty ? t('coverage.chartByCounty') : t('coverage.chartByIndustry')}
                    insuredLabel={t('coverage.insured')}
                    uninsuredLabel={t('coverage.uninsured')}
                  />
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('coverage.noRegistered')} />
                )}
              </Col>
              <Col xs={24} xl={14}>
                <Table<CountRow>
                  size="small"
                  bordered
                  pagination={countRows.length > 15 ? { pageSize: 15, showSizeChanger: false } : false}
                  rowKey={(row) => `${row.county}|${row.industry}`}
                  dataSource={countRows}
                  columns={countColumns}
                  components={{ table: labelledTable(t('coverage.countsTable')) }}
                  locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('coverage.noRegistered')} /> }}
                />
              </Col>
            </Row>
          )}
        </Card>
        <Card
          size="small"
          title={<SectionTitle>{t('coverage.mandatoryTitle', { date: gap.data?.onDate ?? date })}</SectionTitle>}
          extra={exportButton(gap.data?.mandatory ?? [], 'uninsured-mandatory')}
          data-testid="gap-mandatory"
        >
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('coverage.mandatoryHint')}
          </Typography.Paragraph>
          {Boolean(gap.error) && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={describeApiError(gap.error, t)} action={<Button size="small" onClick={() => void gap.refetch()}>{t('table.retry')}</Button>} />}
          {gapTable(gap.data?.mandatory ?? [], t('coverage.mandatory'), t('coverage.noneMandatory'))}
        </Card>
        <Card
          size="small"
          title={<SectionTitle>{t('coverage.advisory')}</SectionTitle>}
          extra={exportButton(gap.data?.advisory ?? [], 'uninsured-advisory')}
          data-testid="gap-advisory"
        >
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('coverage.advisoryHint')}
          </Typography.Paragraph>
          {gapTable(gap.data?.advisory ?? [], t('coverage.advisory'), t('coverage.noneAdvisory'))}
        </Card>
      </Flex>
    </>
  );
}
