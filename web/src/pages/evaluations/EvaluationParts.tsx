import { App, Button, Card, Descriptions, Flex, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { EvaluationFileLink, EvaluationFormat, EvaluationVerification, InsurerEvaluationDetail, InsurerEvaluationItem, InsurerEvaluationSummary } from '../../api/evaluations-api';
import { formatFen, formatInstant, useI18n } from '../../i18n';
import { describeApiError } from '../../kit';
import { downloadFromLink } from '../../kit/download';

type T = ReturnType<typeof useI18n>['t'];

/** 2026年上半年 / 2026年度. */
export const evaluationPeriodLabel = (t: T, period: { year: number; term: 'H1' | 'H2' | 'YEAR' }): string => t(`evl.periodName.${period.term}`, { year: period.year });

/** The basis-point share as a percentage with two decimals. */
const percent = (bp: number): string => `${(bp / 100).toFixed(2)}%`;

/** RPT-3: where an evaluation stands — scoring, or published with its pass or fail (and late). */
export function EvaluationStatusTags({ evaluation }: { readonly evaluation: Pick<InsurerEvaluationSummary, 'status' | 'published'> }) {
  const { t } = useI18n();
  if (evaluation.status === 'DRAFT' || !evaluation.published) return <Tag color="blue">{t('evl.status.DRAFT')}</Tag>;
  return (
    <Space size={4} wrap>
      <Tag color="default">{t('evl.status.PUBLISHED')}</Tag>
      {evaluation.published.passed ? <Tag color="green">{t('evl.passed')}</Tag> : <Tag color="red">{t('evl.failed')}</Tag>}
      {evaluation.published.late && <Tag color="orange">{t('evl.late')}</Tag>}
    </Space>
  );
}

/** The head of an evaluation: insurer, period, due day, revision, status, total, rule set. */
export function EvaluationFacts({ evaluation }: { readonly evaluation: InsurerEvaluationDetail }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2 }}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'insurer', label: t('evl.insurer'), children: evaluation.insurerName },
        { key: 'period', label: t('evl.period'), children: `${evaluationPeriodLabel(t, evaluation.period)}（${t('evl.periodRange', { from: evaluation.period.from, to: evaluation.period.to })}）` },
        ...(evaluation.period.dueOn ? [{ key: 'due', label: t('evl.dueOn'), children: evaluation.period.dueOn }] : []),
        { key: 'revision', label: t('evl.revision', { revision: evaluation.revision }), children: <EvaluationStatusTags evaluation={evaluation} /> },
        { key: 'total', label: t('evl.total'), children: t('evl.totalOf', { total: evaluation.total, passMark: evaluation.passMark }) },
        ...(evaluation.published ? [{ key: 'on', label: t('evl.publishedOn'), children: evaluation.published.on }] : []),
        { key: 'rules', label: t('evl.ruleSet'), children: evaluation.ruleSetVersion },
        { key: 'computed', label: t('evl.computedAt'), children: formatInstant(evaluation.computedAt) },
      ]}
    />
  );
}

function evidenceValue(evidence: NonNullable<InsurerEvaluationItem['evidence']>[number]): string {
  if (evidence.unit === 'fen') return formatFen(evidence.value, '元');
  if (evidence.unit === 'bp') return percent(evidence.value);
  return String(evidence.value);
}

/**
 * One line of the score sheet: its weight, how it is scored, the points; a computed line with its figures and a
 * link to the records in the regulator's pages (`recordsLinks`), a manual one with its reason — or, while the
 * evaluator scores it, the form `editor` renders.
 */
export function EvaluationItemCard({
  item,
  recordsLinks,
  editor,
}: {
  readonly item: InsurerEvaluationItem;
  readonly recordsLinks: boolean;
  readonly editor?: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      style={{ marginBottom: 8 }}
      title={<span style={{ whiteSpace: 'normal' }}>{item.name}</span>}
      extra={<Typography.Text strong>{item.score === undefined ? t('evl.notScored') : t('evl.scoreOf', { score: item.score, weight: item.weight })}</Typography.Text>}
      data-testid={`evaluation-item-${item.code}`}
    >
      <Space size={4} wrap style={{ marginBottom: 6 }}>
        <Tag color={item.measure === 'COMPUTED' ? 'geekblue' : 'purple'}>{t(`evl.measure.${item.measure}`)}</Tag>
        <Tag>{t('evl.weight', { weight: item.weight })}</Tag>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 6 }}>
        {t('evl.howMeasured')}：{item.howMeasured}
      </Typography.Paragraph>
      {item.measure === 'COMPUTED' && (
        <>
          <Typography.Text>{t('evl.evidence')}：</Typography.Text>
          <Flex wrap gap={8} style={{ margin: '4px 0' }}>
            {(item.evidence ?? []).map((evidence) => (
              <Tag key={evidence.label} style={{ whiteSpace: 'normal' }}>
                {evidence.label}：{evidenceValue(evidence)}
              </Tag>
            ))}
          </Flex>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {item.notMeasurable ? t('evl.notMeasurable') : t('evl.rate', { rate: percent(item.rateBp ?? 0) })}
            {recordsLinks && item.link && (
              <>
                {' · '}
                <Link to={item.link}>{t('evl.records')}</Link>
              </>
            )}
          </Typography.Paragraph>
        </>
      )}
      {item.measure === 'MANUAL' && editor}
      {item.measure === 'MANUAL' && !editor && item.reason && (
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('evl.reason')}：{item.reason}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

/** SVC-10: the published files — download links (verified against their SHA-256), the digests, and a re-check. */
export function EvaluationFiles({
  evaluation,
  fileOf,
  verify,
}: {
  readonly evaluation: InsurerEvaluationDetail;
  readonly fileOf: (format: EvaluationFormat) => Promise<EvaluationFileLink>;
  readonly verify: () => Promise<EvaluationVerification>;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<EvaluationFormat | 'verify'>();
  if (!evaluation.files) return null;
  const files = evaluation.files;
  const download = async (format: EvaluationFormat) => {
    setBusy(format);
    try {
      const link = await fileOf(format);
      if (!link.verified) void message.error(t('evl.notVerified'));
      downloadFromLink(link.url);
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setBusy(undefined);
    }
  };
  const check = async () => {
    setBusy('verify');
    try {
      const result = await verify();
      if (result.xlsx.verified && result.pdf.verified) void message.success(t('evl.verified'));
      else void message.error(t('evl.notVerified'));
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Card size="small" title={t('evl.files')} style={{ marginBottom: 16 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button onClick={() => void download('xlsx')} loading={busy === 'xlsx'} data-testid="evaluation-download-xlsx">
          {t('evl.downloadXlsx')}
        </Button>
        <Button onClick={() => void download('pdf')} loading={busy === 'pdf'} data-testid="evaluation-download-pdf">
          {t('evl.downloadPdf')}
        </Button>
        <Button onClick={() => void check()} loading={busy === 'verify'} data-testid="evaluation-verify">
          {t('evl.verify')}
        </Button>
      </Space>
      <List
        size="small"
        dataSource={(['xlsx', 'pdf'] as const).map((format) => ({ format, sha256: files[format].sha256 }))}
        renderItem={(file) => (
          <List.Item>
            <div style={{ minWidth: 0 }}>
              <Typography.Text type="secondary">{t('evl.fileHash', { format: file.format.toUpperCase() })}</Typography.Text>
              <br />
              <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid={`evaluation-sha256-${file.format}`}>
                {file.sha256}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
