import { useQuery } from '@tanstack/react-query';
import { Alert, List, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { OwnEvaluationsApi } from '../../api/evaluations-api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { PageHeading, QueryFallback } from '../../kit';
import { EvaluationFacts, EvaluationFiles, EvaluationItemCard, EvaluationStatusTags, evaluationPeriodLabel } from './EvaluationParts';

/** 考核结果 (RPT-3): the insurer's published evaluations, newest period first. */
export function InsurerEvaluationsPage() {
  const { t } = useI18n();
  const api = useApi();
  const own = useMemo(() => new OwnEvaluationsApi(api.client), [api]);
  const list = useQuery({ queryKey: [...queryKeys.evaluations, 'own'], queryFn: ({ signal }) => own.list({ limit: 100 }, signal) });
  return (
    <>
      <PageHeading title={t('evl.own.title')} />
      <Typography.Paragraph type="secondary">{t('evl.own.intro')}</Typography.Paragraph>
      {!list.data ? (
        <QueryFallback query={list} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Alert type="info" showIcon message={t('evl.own.none')} />
      ) : (
        <List
          bordered
          dataSource={list.data.items}
          renderItem={(item) => (
            <List.Item data-testid={`own-evaluation-${item.id}`}>
              <Space direction="vertical" size={2} style={{ minWidth: 0 }}>
                <Link to={`/insurer/evaluations/${encodeURIComponent(item.id)}`}>
                  {evaluationPeriodLabel(t, item.period)} · {t('evl.revision', { revision: item.revision })}
                </Link>
                <Space size={4} wrap>
                  <EvaluationStatusTags evaluation={item} />
                  <Typography.Text type="secondary">{t('evl.totalOf', { total: item.total, passMark: item.passMark })}</Typography.Text>
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

/** One published result of the insurer: every item's points with its evidence or reason, the files and their SHA-256. */
export function InsurerEvaluationPage() {
  const { t } = useI18n();
  const api = useApi();
  const own = useMemo(() => new OwnEvaluationsApi(api.client), [api]);
  const evaluationId = useParams().evaluationId ?? '';
  const detail = useQuery({ queryKey: [...queryKeys.evaluations, 'own', evaluationId], queryFn: ({ signal }) => own.get(evaluationId, signal) });
  if (!detail.data) {
    return (
      <>
        <PageHeading title={t('evl.detailTitle')} />
        <QueryFallback query={detail} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  const evaluation = detail.data;
  return (
    <>
      <PageHeading title={`${evaluationPeriodLabel(t, evaluation.period)} · ${t('evl.own.title')}`} />
      <EvaluationFacts evaluation={evaluation} />
      <EvaluationFiles evaluation={evaluation} fileOf={(format) => own.file(evaluation.id, format)} verify={() => own.verify(evaluation.id)} />
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('evl.items')}
      </Typography.Title>
      {evaluation.items.map((item) => (
        <EvaluationItemCard key={item.code} item={item} recordsLinks={false} />
      ))}
    </>
  );
}
