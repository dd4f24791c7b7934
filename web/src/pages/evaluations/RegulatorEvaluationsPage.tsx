import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, List, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { newIdempotencyKey } from '../../api';
import { RegulatorEvaluationsApi, type EvaluationTerm, type InsurerEvaluationSummary } from '../../api/evaluations-api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { describeApiError, PageHeading, QueryFallback } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { useSessionUser } from '../underwriting/session';
import { EvaluationStatusTags, evaluationPeriodLabel } from './EvaluationParts';

const FIRST_YEAR = 2024;
const TERMS: readonly EvaluationTerm[] = ['H1', 'H2', 'YEAR'];

/** The last period that is over on Xinzhou's clock: last year's second half until July, this year's first after. */
export function lastFinishedPeriod(today: string): { year: number; term: EvaluationTerm } {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 7 ? { year, term: 'H1' } : { year: year - 1, term: 'H2' };
}

/**
 * 考核评估 (RPT-3): the city EMB's and the NFRA's view of every insurer for one period — not evaluated, being
 * scored, or published with its result; the city EMB opens an evaluation (or a correction of a published one).
 */
export function RegulatorEvaluationsPage() {
  const { t } = useI18n();
  const api = useApi();
  const evaluations = useMemo(() => new RegulatorEvaluationsApi(api.client), [api]);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const writes = useSessionUser()?.agency === 'EMB_CITY';
  const today = shanghaiToday();
  const [period, setPeriod] = useState(() => lastFinishedPeriod(today));
  const [starting, setStarting] = useState<string>();
  const thisYear = Number(today.slice(0, 4));
  const years = Array.from({ length: thisYear - FIRST_YEAR + 1 }, (_, index) => thisYear - index);

  const insurers = useQuery({
    queryKey: [...queryKeys.evaluations, 'insurers'],
    queryFn: ({ signal }) => api.supervision.insurers({ limit: 100 }, signal),
  });
  const list = useQuery({
    queryKey: [...queryKeys.evaluations, 'list', period.year, period.term],
    queryFn: ({ signal }) => evaluations.list({ year: period.year, term: period.term, limit: 100 }, signal),
  });

  // The newest revision of each insurer's evaluation for the period (the list is newest revision first per insurer).
  const latest = useMemo(() => {
    const byTenant = new Map<string, InsurerEvaluationSummary>();
    for (const item of list.data?.items ?? []) {
      const known = byTenant.get(item.tenantId);
      if (!known || known.revision < item.revision) byTenant.set(item.tenantId, item);
    }
    return byTenant;
  }, [list.data]);

  const start = async (tenantId: string) => {
    setStarting(tenantId);
    try {
      const created = await evaluations.create({ tenantId, year: period.year, term: period.term }, newIdempotencyKey());
      void message.success(t('evl.started'));
      void navigate(`/regulator/evaluations/${encodeURIComponent(created.id)}`);
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setStarting(undefined);
    }
  };

  const periodOver = period.term === 'H1' ? today > `${period.year}-06-30` : today > `${period.year}-12-31`;

  return (
    <>
      <PageHeading title={t('evl.title')} />
      <Typography.Paragraph type="secondary">{t('evl.intro')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('evl.year')}
          value={period.year}
          style={{ width: 110 }}
          options={years.map((year) => ({ value: year, label: String(year) }))}
          onChange={(year: number) => setPeriod((current) => ({ ...current, year }))}
          data-testid="evaluation-year"
        />
        <Select
          aria-label={t('evl.term')}
          value={period.term}
          style={{ width: 120 }}
          options={TERMS.map((term) => ({ value: term, label: t(`evl.term.${term}`) }))}
          onChange={(term: EvaluationTerm) => setPeriod((current) => ({ ...current, term }))}
          data-testid="evaluation-term"
        />
      </Flex>
      {!insurers.data || !list.data ? (
        <QueryFallback query={insurers.data ? list : insurers} onRetry={() => void (insurers.data ? list.refetch() : insurers.refetch())} />
      ) : insurers.data.items.length === 0 ? (
        <Alert type="info" showIcon message={t('evl.noInsurers')} />
      ) : (
        <List
          bordered
          header={<Typography.Text strong>{evaluationPeriodLabel(t, period)}</Typography.Text>}
          dataSource={insurers.data.items}
          renderItem={(insurer) => {
            const evaluation = latest.get(insurer.tenantId);
            const canStart = writes && periodOver && (!evaluation || evaluation.status === 'PUBLISHED');
            return (
              <List.Item data-testid={`evaluation-row-${insurer.tenantId}`}>
                <Flex wrap gap={8} justify="space-between" align="center" style={{ width: '100%' }}>
                  <div style={{ minWidth: 0, flex: '1 1 220px' }}>
                    <Typography.Text strong style={{ wordBreak: 'break-all' }}>
                      {insurer.name}
                    </Typography.Text>
                    <div>
                      {evaluation ? (
                        <Space size={4} wrap>
                          <EvaluationStatusTags evaluation={evaluation} />
                          <Typography.Text type="secondary">
                            {t('evl.revision', { revision: evaluation.revision })} · {t('evl.totalOf', { total: evaluation.total, passMark: evaluation.passMark })}
                          </Typography.Text>
                        </Space>
                      ) : (
                        <Typography.Text type="secondary">{t('evl.status.none')}</Typography.Text>
                      )}
                    </div>
                  </div>
                  <Space wrap>
                    {evaluation && <Link to={`/regulator/evaluations/${encodeURIComponent(evaluation.id)}`}>{t('evl.open')}</Link>}
                    {canStart && (
                      <Button size="small" type={evaluation ? 'default' : 'primary'} loading={starting === insurer.tenantId} onClick={() => void start(insurer.tenantId)} data-testid={`evaluation-start-${insurer.tenantId}`}>
                        {evaluation ? t('evl.correct') : t('evl.start')}
                      </Button>
                    )}
                  </Space>
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
    </>
  );
}
