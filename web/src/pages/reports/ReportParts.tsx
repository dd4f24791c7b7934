import { App, Button, Collapse, Descriptions, Flex, Space, Table, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import type { ReportDetail, ReportFigures, ReportFileFormat, ReportFileHashes, ReportFileLink, ReportPeriod, ReportSummary, ReportVersionView } from '../../api';
import { formatFen, formatInstant, formatWhole, useI18n, type MessageKey, type Translate } from '../../i18n';
import { describeApiError, labelledTable, SectionCard } from '../../kit';
import { downloadFromLink } from '../../kit/download';
import { percentOf } from './report-values';
import { useColleagueNames } from '../../kit/useColleagueNames';
import { EvaluationView } from './EvaluationParts';

/** RPT-1: "2026年上半年" or "2026年度". */
export const periodLabel = (t: Translate, period: ReportPeriod): string => t(`rpt.periodName.${period.kind}`, { year: period.year });

/**
 * RPT-1: 草稿, 更正草稿 (a draft after a submitted version), 已报送, or 逾期报送 when the last submission came after
 * the due day.
 */
export function ReportStatusTag({ report }: { readonly report: Pick<ReportSummary, 'status' | 'submittedVersions' | 'lastSubmission'> }) {
  const { t } = useI18n();
  if (report.status === 'DRAFT') {
    return report.submittedVersions > 0 ? <Tag color="gold">{t('rpt.status.correction')}</Tag> : <Tag>{t('rpt.status.DRAFT')}</Tag>;
  }
  return report.lastSubmission?.late ? <Tag color="red">{t('rpt.status.late')}</Tag> : <Tag color="green">{t('rpt.status.SUBMITTED')}</Tag>;
}

/** One figure's label and value, as the PDF and the workbook list them. */
type Fact = readonly [MessageKey, ReactNode];

function Facts({ title, facts }: { readonly title: string; readonly facts: readonly Fact[] }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2, lg: 3 }}
      title={<Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>{title}</Typography.Title>}
      items={facts.map(([label, value]) => ({ key: label, label: t(label), children: value }))}
      style={{ marginBottom: 12 }}
    />
  );
}

function FigureTable<Row extends object>({
  caption,
  rows,
  columns,
}: {
  readonly caption: string;
  readonly rows: readonly Row[];
  readonly columns: readonly { readonly key: string; readonly title: string; readonly value: (row: Row) => ReactNode; readonly numeric?: boolean }[];
}) {
  const { t } = useI18n();
  return (
    <Table<Row>
      size="small"
      components={{ table: labelledTable(caption) }}
      title={() => caption}
      dataSource={[...rows]}
      rowKey={(row) => columns.map((column) => String(column.value(row))).join('|')}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('rpt.f.none') }}
      columns={columns.map((column) => ({ key: column.key, title: column.title, align: column.numeric ? 'right' : 'left', render: (_, row) => column.value(row) }))}
      style={{ marginBottom: 16 }}
    />
  );
}

/**
 * RPT-1: a report's figures as the files show them — 承保情况, 事故预防服务, 预防费用, 投诉处理, 理赔 — to review
 * before 报送 and to read once submitted. Money from fen in 元, ratios from basis points as %.
 */
export function ReportFiguresView({ figures }: { readonly figures: ReportFigures }) {
  const { t } = useI18n();
  const yuan = (fen: number) => formatFen(fen, t('money.unit'));
  const { underwriting, services, fees, complaints, claims } = figures;
  return (
    <div>
      <Facts
        title={t('rpt.sec.underwriting')}
        facts={[
          ['rpt.f.policies', formatWhole(underwriting.policies)],
          ['rpt.f.enterprises', formatWhole(underwriting.enterprises)],
          ['rpt.f.employees', formatWhole(underwriting.employees)],
          ['rpt.f.premium', yuan(underwriting.premiumFen)],
          ['rpt.f.premiumExTax', yuan(underwriting.premiumExTaxFen)],
        ]}
      />
      <FigureTable
        caption={t('rpt.f.byCountyIndustry')}
        rows={underwriting.byCountyIndustry}
        columns={[
          { key: 'county', title: t('rpt.f.county'), value: (row) => row.countyName },
          { key: 'industry', title: t('rpt.f.industry'), value: (row) => row.industryName },
          { key: 'policies', title: t('rpt.f.policies'), value: (row) => formatWhole(row.policies), numeric: true },
          { key: 'enterprises', title: t('rpt.f.enterprises'), value: (row) => formatWhole(row.enterprises), numeric: true },
          { key: 'employees', title: t('rpt.f.employees'), value: (row) => formatWhole(row.employees), numeric: true },
          { key: 'premium', title: t('rpt.f.premium'), value: (row) => yuan(row.premiumFen), numeric: true },
        ]}
      />
      <Facts
        title={t('rpt.sec.services')}
        facts={[
          ['rpt.f.followUpsOnTime', formatWhole(services.followUps.onTime)],
          ['rpt.f.followUpsLate', formatWhole(services.followUps.late)],
          ['rpt.f.archivesOnTime', formatWhole(services.archives.onTime)],
          ['rpt.f.archivesLate', formatWhole(services.archives.late)],
          ['rpt.f.hazardsFound', formatWhole(services.hazards.found)],
          ['rpt.f.hazardsRectified', formatWhole(services.hazards.rectified)],
          ['rpt.f.hazardsMajor', formatWhole(services.hazards.major)],
        ]}
      />
      <FigureTable
        caption={t('rpt.f.byCategory')}
        rows={services.byCategory}
        columns={[
          { key: 'category', title: t('rpt.f.category'), value: (row) => row.categoryName },
          { key: 'planned', title: t('rpt.f.planned'), value: (row) => formatWhole(row.planned), numeric: true },
          { key: 'performed', title: t('rpt.f.performed'), value: (row) => formatWhole(row.performed), numeric: true },
        ]}
      />
      <Facts
        title={t('rpt.sec.fees')}
        facts={[
          ['rpt.f.receivedExTax', yuan(fees.receivedExTaxFen)],
          ['rpt.f.accrued', yuan(fees.accruedFen)],
          ['rpt.f.spent', yuan(fees.spentFen)],
          [
            'rpt.f.ratio',
            <Typography.Text key="ratio" type={fees.ratioBp < fees.minimumRatioBp ? 'danger' : undefined}>
              {percentOf(fees.ratioBp)}
            </Typography.Text>,
          ],
          ['rpt.f.minimum', percentOf(fees.minimumRatioBp)],
          ['rpt.f.target', percentOf(fees.targetRatioBp)],
        ]}
      />
      <FigureTable
        caption={t('rpt.f.spentByCategory')}
        rows={fees.spentByCategory}
        columns={[
          { key: 'category', title: t('rpt.f.spentCategory'), value: (row) => row.categoryName },
          { key: 'amount', title: t('rpt.f.amount'), value: (row) => yuan(row.fen), numeric: true },
        ]}
      />
      <Facts
        title={t('rpt.sec.complaints')}
        facts={[
          ['rpt.f.received', formatWhole(complaints.received)],
          ['rpt.f.answeredOnTime', formatWhole(complaints.answeredOnTime)],
          ['rpt.f.answeredLate', formatWhole(complaints.answeredLate)],
          ['rpt.f.escalated', formatWhole(complaints.escalated)],
        ]}
      />
      {claims ? (
        <Facts
          title={t('rpt.sec.claims')}
          facts={[
            ['rpt.f.claimsRegistered', formatWhole(claims.registered)],
            ['rpt.f.claimsPaid', formatWhole(claims.paid)],
            ['rpt.f.claimsDeclined', formatWhole(claims.declined)],
            ['rpt.f.claimsPaidAmount', yuan(claims.paidFen)],
          ]}
        />
      ) : (
        <>
          <Typography.Title level={3} style={{ fontSize: 14 }}>
            {t('rpt.sec.claims')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('rpt.f.noClaims')}</Typography.Paragraph>
        </>
      )}
    </div>
  );
}

/**
 * RPT-1, SVC-10: the two files' download buttons. Each file comes as a short-lived link to the archive; the
 * answer says whether the stored bytes still hash to the recorded SHA-256, and a mismatch is said, not hidden.
 */
export function ReportFileButtons({ fileOf }: { readonly fileOf: (format: ReportFileFormat) => Promise<ReportFileLink> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [loading, setLoading] = useState<ReportFileFormat>();
  const download = async (format: ReportFileFormat) => {
    setLoading(format);
    try {
      const link = await fileOf(format);
      if (!link.verified) void message.error(t('rpt.fileNotVerified'));
      downloadFromLink(link.url);
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setLoading(undefined);
    }
  };
  return (
    <Space wrap>
      <Button onClick={() => void download('xlsx')} loading={loading === 'xlsx'} data-testid="report-download-xlsx">
        {t('rpt.downloadXlsx')}
      </Button>
      <Button onClick={() => void download('pdf')} loading={loading === 'pdf'} data-testid="report-download-pdf">
        {t('rpt.downloadPdf')}
      </Button>
    </Space>
  );
}

/** SVC-10: the files' SHA-256, to check a downloaded file against (`sha256sum`). */
export function FileHashes({ files }: { readonly files: ReportFileHashes }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      items={(['xlsx', 'pdf'] as const).map((format) => ({
        key: format,
        label: t('rpt.fileHash', { format: format.toUpperCase() }),
        children: (
          <Typography.Text code copyable style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid={`report-sha256-${format}`}>
            {files[format].sha256}
          </Typography.Text>
        ),
      }))}
    />
  );
}

/** The report's period, due day, status and versions — the head of both detail pages. */
export function ReportFacts({ detail }: { readonly detail: ReportDetail }) {
  const { t } = useI18n();
  const { report } = detail;
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, sm: 2 }}
      style={{ marginBottom: 16 }}
      items={[
        { key: 'insurer', label: t('rpt.reg.insurer'), children: report.insurerName },
        { key: 'period', label: t('rpt.period'), children: t('rpt.periodRange', { from: report.period.from, to: report.period.to }) },
        { key: 'due', label: t('rpt.dueOn'), children: report.period.dueOn },
        { key: 'status', label: t('rpt.status'), children: <ReportStatusTag report={report} /> },
        {
          key: 'versions',
          label: t('rpt.versions'),
          children: report.submittedVersions > 0 ? t('rpt.versionN', { version: report.submittedVersions }) : t('rpt.notSubmitted'),
        },
      ]}
    />
  );
}

/** RPT-1: every submitted version, newest first — when, by whom, late or not, its files' SHA-256 and downloads, its figures. */
export function ReportVersions({
  versions,
  fileOf,
}: {
  readonly versions: readonly ReportVersionView[];
  readonly fileOf: (format: ReportFileFormat, version: number) => Promise<ReportFileLink>;
}) {
  const { t } = useI18n();
  const { nameOf } = useColleagueNames();
  return (
    <Flex vertical gap={12}>
      {[...versions]
        .sort((a, b) => b.version - a.version)
        .map((version) => (
          <SectionCard
            key={version.version}
            title={t('rpt.versionTitle', { version: version.version, submittedAt: formatInstant(version.submittedAt) })}
            extra={version.late ? <Tag color="red">{t('rpt.status.late')}</Tag> : <Tag color="green">{t('rpt.onTime')}</Tag>}
            data-testid={`report-version-${version.version}`}
          >
            {nameOf(version.submittedBy) && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                {t('rpt.submittedBy')}：{nameOf(version.submittedBy)}
              </Typography.Paragraph>
            )}
            <FileHashes files={version.files} />
            <ReportFileButtons fileOf={(format) => fileOf(format, version.version)} />
            {version.evaluation && (
              <div style={{ marginTop: 12 }}>
                <EvaluationView evaluation={version.evaluation} fileOf={(format) => fileOf(format, version.version)} />
              </div>
            )}
            <Collapse
              ghost
              style={{ marginTop: 8 }}
              items={[{ key: 'figures', label: t('rpt.figures'), children: <ReportFiguresView figures={version.figures} /> }]}
            />
          </SectionCard>
        ))}
    </Flex>
  );
}
