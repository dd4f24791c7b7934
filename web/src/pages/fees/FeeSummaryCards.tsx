import { Alert, Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useMemo, type ReactNode } from 'react';
import type { FeeSummary, LedgerEntry } from '../../api';
import { useI18n } from '../../i18n';
import { Money, fenToYuanDecimal } from '../../kit';
import { MonthlyFeeChart, SpendGauge, type MonthBar } from './FeeCharts';
import { monthlyTotals } from './fee-ledger';
import { ruleSetName } from '../../kit/rule-set-name';

function Figure({ label, children, testId }: { readonly label: string; readonly children: ReactNode; readonly testId: string }) {
  return (
    <div data-testid={testId} style={{ minWidth: 150 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      <div style={{ fontSize: 18, fontWeight: 600 }}>{children}</div>
    </div>
  );
}

/** The year at a glance (FEE-1…3): premium ex-tax, accrued, spent, balance, and the spending ratio on a gauge between the floor and the ceiling. */
export function SummaryCard({ summary, loading, half }: { readonly summary: FeeSummary | undefined; readonly loading: boolean; readonly half?: 'H1' | 'H2' }) {
  const { t } = useI18n();
  const floor = summary ? summary.floorBasisPoints / 100 : 15;
  const ceiling = summary ? summary.ceilingBasisPoints / 100 : 21;
  const noPremium = summary !== undefined && summary.premiumExTaxFen === 0;
  const status = !summary
    ? undefined
    : noPremium
      ? { color: 'default', text: t('fee.status.noPremium') }
      : summary.aboveCeiling
        ? { color: 'orange', text: t('fee.status.aboveCeiling', { ceiling }) }
        : summary.compliant
          ? { color: 'green', text: t('fee.status.compliant') }
          : { color: 'red', text: t('fee.status.belowFloor', { floor }) };
  return (
    <Card
      size="small"
      loading={loading && !summary}
      title={
        <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
          {half ? t('fee.summary.halfTitle', { year: summary?.year ?? '', half: t(`fee.period.${half}`) }) : t('fee.summary.title', { year: summary?.year ?? '' })}
        </Typography.Title>
      }
      extra={status && <Tag color={status.color} data-testid="fee-status">{status.text}</Tag>}
    >
      {summary && (
        <Row gutter={16} align="middle">
          <Col xs={24} md={13}>
            <Flex wrap gap={16}>
              <Figure label={t('fee.premiumExTax')} testId="fee-premium">
                <Money fen={summary.premiumExTaxFen} />
              </Figure>
              <Figure label={t('fee.accrued')} testId="fee-accrued">
                <Money fen={summary.accruedFen} />
              </Figure>
              <Figure label={t('fee.spent')} testId="fee-spent">
                <Money fen={summary.spentFen} />
              </Figure>
              <Figure label={t('fee.balance')} testId="fee-balance">
                <Typography.Text type={summary.balanceFen < 0 ? 'danger' : undefined} style={{ fontSize: 18 }}>
                  <Money fen={summary.balanceFen} />
                </Typography.Text>
              </Figure>
            </Flex>
            <Typography.Paragraph style={{ marginTop: 12, marginBottom: 4 }}>
              {t('fee.summary.required', { floor })} <Money fen={summary.requiredSpendFen} />
              {summary.shortfallFen > 0 && (
                <>
                  {' · '}
                  {t('fee.summary.shortfall')} <Money fen={summary.shortfallFen} />
                </>
              )}
              {' · '}
              {t('fee.summary.ceiling', { ceiling })} <Money fen={summary.ceilingFen} />
            </Typography.Paragraph>
            {summary.outstandingAdvanceFen > 0 && (
              <Alert
                type="warning"
                showIcon
                data-testid="fee-advances"
                title={
                  <>
                    {t('fee.summary.advances', { count: summary.advances })} <Money fen={summary.outstandingAdvanceFen} />
                  </>
                }
              />
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('fee.summary.ruleSet', { id: ruleSetName(summary.ruleSetId, t), version: summary.ruleSetVersion })}
            </Typography.Text>
          </Col>
          <Col xs={24} md={11}>
            <SpendGauge
              ratioBasisPoints={summary.ratioBasisPoints}
              floorBasisPoints={summary.floorBasisPoints}
              ceilingBasisPoints={summary.ceilingBasisPoints}
              title={t('fee.gauge', { floor, ceiling })}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}

/** Accrued and spent month by month (FEE-4), from the year's ledger. */
export function MonthlyCard({ entries, year }: { readonly entries: readonly LedgerEntry[] | undefined; readonly year: number }) {
  const { t } = useI18n();
  const months = useMemo<MonthBar[]>(
    () =>
      monthlyTotals(entries ?? []).map((month) => ({
        label: t('fee.month', { month: month.month }),
        accrued: Number(fenToYuanDecimal(month.accruedFen)),
        spent: Number(fenToYuanDecimal(month.spentFen)),
      })),
    [entries, t],
  );
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      title={
        <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
          {t('fee.monthly.title', { year })}
        </Typography.Title>
      }
    >
      <MonthlyFeeChart months={months} title={t('fee.monthly.title', { year })} accruedLabel={t('fee.accrued')} spentLabel={t('fee.spent')} />
    </Card>
  );
}
