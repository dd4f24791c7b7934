import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Modal, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { newIdempotencyKey } from '../../api';
import { RegulatorEvaluationsApi, type InsurerEvaluationDetail } from '../../api/evaluations-api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { describeApiError, PageHeading, QueryFallback } from '../../kit';
import { useInvalidate } from '../../kit/useInvalidate';
import { useSessionUser } from '../underwriting/session';
import { EvaluationFacts, EvaluationFiles, EvaluationItemCard, evaluationPeriodLabel } from './EvaluationParts';

type Scores = Record<string, { score?: number | null; reason?: string }>;

/**
 * 考核评估详情 (RPT-3): every item of the score sheet — computed ones with their evidence and a link to the
 * records, manual ones scored by the city EMB with a reason — then 发布; once published, the files with their
 * SHA-256, and for a failing result the BLK-1 通报 (city EMB and NFRA).
 */
export function RegulatorEvaluationPage() {
  const { t } = useI18n();
  const api = useApi();
  const evaluations = useMemo(() => new RegulatorEvaluationsApi(api.client), [api]);
  const evaluationId = useParams().evaluationId ?? '';
  const detail = useQuery({
    queryKey: [...queryKeys.evaluations, 'regulator', evaluationId],
    queryFn: ({ signal }) => evaluations.get(evaluationId, signal),
  });
  if (!detail.data) {
    return (
      <>
        <PageHeading title={t('evl.detailTitle')} />
        <QueryFallback query={detail} onRetry={() => void detail.refetch()} />
      </>
    );
  }
  return <EvaluationDetail evaluation={detail.data} api={evaluations} />;
}

function EvaluationDetail({ evaluation, api }: { readonly evaluation: InsurerEvaluationDetail; readonly api: RegulatorEvaluationsApi }) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidate('evaluations');
  const agency = useSessionUser()?.agency;
  const scoring = agency === 'EMB_CITY' && evaluation.status === 'DRAFT';
  const canNotice = (agency === 'EMB_CITY' || agency === 'NFRA') && evaluation.published?.passed === false && !(evaluation.notices ?? []).some((notice) => notice.activeToday);
  const [scores, setScores] = useState<Scores>(() =>
    Object.fromEntries(evaluation.items.filter((item) => item.measure === 'MANUAL').map((item) => [item.code, { score: item.score ?? null, reason: item.reason ?? '' }])),
  );
  const [busy, setBusy] = useState<'save' | 'recompute' | 'publish' | 'notice'>();
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [noticeForm] = Form.useForm<{ reason: string; until?: string }>();

  const run = async (what: typeof busy, action: () => Promise<unknown>, done: string) => {
    setBusy(what);
    try {
      await action();
      void message.success(done);
      invalidate();
      return true;
    } catch (error) {
      void message.error(describeApiError(error, t));
      return false;
    } finally {
      setBusy(undefined);
    }
  };

  const save = () => {
    const items = Object.entries(scores)
      .filter(([, entry]) => entry.score !== null && entry.score !== undefined)
      .map(([code, entry]) => ({ code, score: entry.score as number, reason: entry.reason ?? '' }));
    if (items.length === 0) {
      void message.error(t('evl.scoreRequired'));
      return;
    }
    if (items.some((item) => item.reason.trim() === '')) {
      void message.error(t('evl.reasonRequired'));
      return;
    }
    void run('save', () => api.score(evaluation.id, { items }), t('evl.saved'));
  };

  const publish = () => {
    const key = newIdempotencyKey();
    modal.confirm({
      title: t('evl.publishTitle'),
      content: t('evl.publishText'),
      okText: t('evl.publish'),
      cancelText: t('form.cancel'),
      onOk: () => run('publish', () => api.publish(evaluation.id, key), t('evl.published')),
    });
  };

  const notice = async () => {
    const values = await noticeForm.validateFields();
    const ok = await run('notice', () => api.notice(evaluation.id, { reason: values.reason, ...(values.until ? { until: values.until } : {}) }, newIdempotencyKey()), t('evl.noticed'));
    if (ok) setNoticeOpen(false);
  };

  return (
    <>
      <PageHeading title={`${evaluation.insurerName} · ${evaluationPeriodLabel(t, evaluation.period)}`} />
      <EvaluationFacts evaluation={evaluation} />
      {evaluation.status === 'PUBLISHED' && <EvaluationFiles evaluation={evaluation} fileOf={(format) => api.file(evaluation.id, format)} verify={() => api.verify(evaluation.id)} />}
      {(evaluation.notices ?? []).length > 0 && (
        <Card size="small" title={t('evl.notices')} style={{ marginBottom: 16 }}>
          {(evaluation.notices ?? []).map((entry) => (
            <Typography.Paragraph key={entry.id} style={{ marginBottom: 4 }}>
              <Tag color={entry.activeToday ? 'red' : 'default'}>{entry.activeToday ? t('evl.noticeActive') : t('evl.noticeInactive')}</Tag>
              {entry.listedOn} · {entry.reason}
            </Typography.Paragraph>
          ))}
        </Card>
      )}
      {(scoring || canNotice) && (
        <Space wrap style={{ marginBottom: 12 }}>
          {scoring && (
            <>
              <Button onClick={() => void run('recompute', () => api.score(evaluation.id, { recompute: true }), t('evl.recomputed'))} loading={busy === 'recompute'} data-testid="evaluation-recompute">
                {t('evl.recompute')}
              </Button>
              <Button type="primary" onClick={publish} loading={busy === 'publish'} data-testid="evaluation-publish">
                {t('evl.publish')}
              </Button>
            </>
          )}
          {canNotice && (
            <Button danger onClick={() => setNoticeOpen(true)} data-testid="evaluation-notice">
              {t('evl.notice')}
            </Button>
          )}
        </Space>
      )}
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        {t('evl.items')}
      </Typography.Title>
      {evaluation.items.map((item) => (
        <EvaluationItemCard
          key={item.code}
          item={item}
          recordsLinks
          editor={
            scoring && item.measure === 'MANUAL' ? (
              <Space direction="vertical" style={{ width: '100%' }}>
                <InputNumber
                  aria-label={`${item.name} ${t('evl.score')}`}
                  min={0}
                  max={item.weight}
                  precision={0}
                  value={scores[item.code]?.score ?? null}
                  onChange={(score) => setScores((current) => ({ ...current, [item.code]: { ...current[item.code], score } }))}
                  data-testid={`evaluation-score-${item.code}`}
                />
                <Input.TextArea
                  aria-label={`${item.name} ${t('evl.reason')}`}
                  placeholder={t('evl.reason')}
                  maxLength={1000}
                  autoSize={{ minRows: 2 }}
                  value={scores[item.code]?.reason ?? ''}
                  onChange={(event) => setScores((current) => ({ ...current, [item.code]: { ...current[item.code], reason: event.target.value } }))}
                  data-testid={`evaluation-reason-${item.code}`}
                />
              </Space>
            ) : undefined
          }
        />
      ))}
      {scoring && (
        <Button type="primary" onClick={save} loading={busy === 'save'} data-testid="evaluation-save">
          {t('evl.saveScores')}
        </Button>
      )}
      <Modal
        open={noticeOpen}
        title={t('evl.noticeTitle')}
        okText={t('evl.notice')}
        cancelText={t('form.cancel')}
        okButtonProps={{ danger: true, loading: busy === 'notice' }}
        onOk={() => void notice()}
        onCancel={() => setNoticeOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('evl.noticeText')}</Typography.Paragraph>
        <Form form={noticeForm} layout="vertical">
          <Form.Item name="reason" label={t('evl.noticeReason')} rules={[{ required: true, whitespace: true, message: t('evl.reasonRequired') }]}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 3 }} />
          </Form.Item>
          <Form.Item name="until" label={t('evl.noticeUntil')} rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}>
            <Input placeholder="2027-12-31" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
