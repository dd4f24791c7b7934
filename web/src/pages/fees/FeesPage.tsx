import { useQuery } from '@tanstack/react-query';
import { useInvalidate } from '../../kit/useInvalidate';
import { queryKeys } from '../../api/query-keys';
import { Alert, App, Button, Card, Checkbox, Col, Flex, Form, Input, Modal, Row, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { Api } from '../../api';
import type { ConsistencyReport, FeeSummary, LedgerEntry, PremiumReceived } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { describeApiError, FormFailureAlert, Money, PageHeading, labelledTable, fenToYuanDecimal, useApiForm } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { requiredRule } from '../platform/account-rules';
import { useSessionUser } from '../underwriting/session';
import { ExpenseForm } from './ExpenseForm';
import { MonthlyFeeChart, SpendGauge, type MonthBar } from './FeeCharts';
import { balanceChange, monthlyTotals, reversedIds, runningBalances } from './fee-ledger';
import { PremiumReceiptForm } from './PremiumReceiptForm';

/** Years offered: this one and the four before it. */
const YEARS_SHOWN = 5;
const LEDGER_PAGE = 100;

/**
 * The whole year's ledger, page by page in sequence order: the running balance and the monthly chart need
 * every entry from number 1. Fine for the demo's volumes (tens to a few thousand entries a year); at scale a
 * per-month counter kept beside the year's counters would feed the chart, and the table would page on the
 * server with each page's opening balance.
 */
async function readYear(api: Api, year: number, signal: AbortSignal): Promise<LedgerEntry[]> {
  const entries: LedgerEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.fees.ledger({ year, limit: LEDGER_PAGE, cursor }, signal);
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

function download(fileName: string, contentType: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Dialog = { kind: 'receipt' } | { kind: 'expense' } | { kind: 'reverse'; entry: LedgerEntry };

/**
 * 事故预防费用 (FEE-1..5): the year (`?year=`) at a glance — premium ex-tax, accrued, spent, balance and the
 * spending ratio on a gauge against the floor and the ceiling — the month-by-month chart, and the ledger (台账)
 * with its running balance, the XLSX export and the consistency check. Premium receipts and expenses are
 * booked here; admins reverse entries.
 */
export function FeesPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const user = useSessionUser();
  const isAdmin = user?.role === 'insurer-admin';
  const [searchParams, setSearchParams] = useSearchParams();
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const requested = Number(searchParams.get('year'));
  const year = Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : thisYear;

  const summary = useQuery({ queryKey: [...queryKeys.fees, `fees:summary:${year}`], queryFn: ({ signal }) => api.fees.summary(year, signal) });
  const ledger = useQuery({ queryKey: [...queryKeys.fees, `fees:ledger:${year}`], queryFn: ({ signal }) => readYear(api, year, signal) });
  const refresh = useInvalidate('fees');

  const [dialog, setDialog] = useState<Dialog>();
  const [booked, setBooked] = useState<ReactNode>();
  const [check, setCheck] = useState<{ report?: ConsistencyReport; error?: string; loading: boolean }>();
  const [exporting, setExporting] = useState(false);

  const setYear = useCallback(
    (value: number) =>
      setSearchParams((current) => {
        const params = new URLSearchParams(current);
        params.set('year', String(value));
        return params;
      }),
    [setSearchParams],
  );

  const onReceipt = useCallback(
    ({ receipt }: PremiumReceived) => {
      setDialog(undefined);
      setBooked(
        <span data-testid="fee-booked">
          {t('fee.receipt.booked', { policy: receipt.policyNumber, sequence: receipt.entrySequence, rate: receipt.accrualBasisPoints / 100 })}{' '}
          <Money fen={receipt.amountFen} /> · {t('fee.premiumExTax')} <Money fen={receipt.premiumExTaxFen} /> · {t('fee.receipt.accrual')}{' '}
          <Money fen={receipt.accrualFen} />
        </span>,
      );
      if (Number(receipt.receivedOn.slice(0, 4)) !== year) setYear(Number(receipt.receivedOn.slice(0, 4)));
      refresh();
    },
    [t, year, refresh, setYear],
  );
  const onExpense = useCallback(
    (entry: LedgerEntry) => {
      setDialog(undefined);
      setBooked(
        <span data-testid="fee-booked">
          {t('fee.expense.booked', { sequence: entry.sequence })} <Money fen={entry.amountFen} />
          {entry.advance ? ` · ${t('fee.advance')}` : ''}
        </span>,
      );
      if (entry.year !== year) setYear(entry.year);
      refresh();
    },
    [t, year, refresh, setYear],
  );

  const runCheck = async () => {
    setCheck({ loading: true });
    try {
      setCheck({ report: await api.fees.check(year), loading: false });
    } catch (error) {
      setCheck({ error: describeApiError(error, t), loading: false });
    }
  };
  const runExport = async () => {
    setExporting(true);
    try {
      const file = await api.fees.exportLedger(year);
      download(file.fileName, file.contentType, file.contentBase64);
      void message.success(t('fee.exported', { file: file.fileName, entries: file.entries }));
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setExporting(false);
    }
  };

  const yearOptions = Array.from({ length: YEARS_SHOWN }, (_, index) => thisYear - index)
    .concat(year > thisYear || year <= thisYear - YEARS_SHOWN ? [year] : [])
    .map((value) => ({ value, label: t('fee.yearOption', { year: value }) }));

  return (
    <>
      <PageHeading
        title={t('fee.title')}
        extra={
          <Space wrap>
            <Select aria-label={t('fee.year')} value={year} options={yearOptions} onChange={setYear} style={{ width: 110 }} />
            <Button type="primary" onClick={() => setDialog({ kind: 'receipt' })}>
              {t('fee.receipt.title')}
            </Button>
            <Button onClick={() => setDialog({ kind: 'expense' })}>{t('fee.expense.title')}</Button>
          </Space>
        }
      />
      {booked && <Alert type="success" showIcon closable={{ onClose: () => setBooked(undefined) }} title={booked} style={{ marginBottom: 12 }} />}
      {summary.error ? (
        <Alert type="error" showIcon title={describeApiError(summary.error, t)} action={<Button onClick={() => void summary.refetch()}>{t('app.retry')}</Button>} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <SummaryCard summary={summary.data} loading={summary.isFetching} />
          </Col>
          <Col xs={24} xl={10}>
            <MonthlyCard entries={ledger.data} year={year} />
          </Col>
        </Row>
      )}
      <Card
        size="small"
        style={{ marginTop: 16 }}
        title={
          <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
            {t('fee.ledger.title', { year })}
          </Typography.Title>
        }
        extra={
          <Space>
            <Button onClick={() => void runExport()} loading={exporting}>
              {t('fee.export')}
            </Button>
            <Button onClick={() => void runCheck()} loading={check?.loading}>
              {t('fee.check')}
            </Button>
          </Space>
        }
      >
        {check && !check.loading && <CheckResult report={check.report} error={check.error} onClose={() => setCheck(undefined)} />}
        {ledger.error ? (
          <Alert type="error" showIcon title={describeApiError(ledger.error, t)} action={<Button onClick={() => void ledger.refetch()}>{t('app.retry')}</Button>} />
        ) : (
          <LedgerTable entries={ledger.data} loading={ledger.isFetching} canReverse={isAdmin} onReverse={(entry) => setDialog({ kind: 'reverse', entry })} year={year} />
        )}
      </Card>

      <Modal open={dialog?.kind === 'receipt'} title={t('fee.receipt.title')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden width={620}>
        <PremiumReceiptForm onBooked={onReceipt} onCancel={() => setDialog(undefined)} />
      </Modal>
      <Modal open={dialog?.kind === 'expense'} title={t('fee.expense.title')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden width={760}>
        <ExpenseForm onBooked={onExpense} onCancel={() => setDialog(undefined)} />
      </Modal>
      <Modal open={dialog?.kind === 'reverse'} title={t('fee.reverse.title')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden width={560}>
        {dialog?.kind === 'reverse' && (
          <ReverseForm
            entry={dialog.entry}
            onCancel={() => setDialog(undefined)}
            onReversed={(reversal) => {
              setDialog(undefined);
              setBooked(<span data-testid="fee-booked">{t('fee.reverse.done', { sequence: reversal.sequence, of: dialog.entry.sequence })}</span>);
              refresh();
            }}
          />
        )}
      </Modal>
    </>
  );
}

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

function SummaryCard({ summary, loading }: { readonly summary: FeeSummary | undefined; readonly loading: boolean }) {
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
          {t('fee.summary.title', { year: summary?.year ?? '' })}
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
              {t('fee.summary.ruleSet', { id: summary.ruleSetId, version: summary.ruleSetVersion })}
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

function MonthlyCard({ entries, year }: { readonly entries: readonly LedgerEntry[] | undefined; readonly year: number }) {
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

interface LedgerTableProps {
  readonly entries: readonly LedgerEntry[] | undefined;
  readonly loading: boolean;
  readonly canReverse: boolean;
  readonly onReverse: (entry: LedgerEntry) => void;
  readonly year: number;
}

function LedgerTable({ entries, loading, canReverse, onReverse, year }: LedgerTableProps) {
  const { t } = useI18n();
  const user = useSessionUser();
  const balances = useMemo(() => runningBalances(entries ?? []), [entries]);
  const reversed = useMemo(() => reversedIds(entries ?? []), [entries]);
  const rows = useMemo(() => [...(entries ?? [])].sort((a, b) => a.sequence - b.sequence), [entries]);

  const columns = useMemo<ColumnsType<LedgerEntry>>(
    () => [
      { key: 'sequence', title: t('fee.col.sequence'), width: 64, align: 'right', render: (_, entry) => entry.sequence },
      { key: 'date', title: t('fee.col.date'), width: 104, render: (_, entry) => entry.date },
      {
        key: 'kind',
        title: t('fee.col.kind'),
        width: 96,
        render: (_, entry) => (
          <Tag color={entry.kind === 'ACCRUAL' ? 'blue' : entry.kind === 'EXPENSE' ? 'orange' : 'default'}>{t(`fee.kind.${entry.kind}`)}</Tag>
        ),
      },
      {
        key: 'category',
        title: t('fee.col.category'),
        width: 150,
        render: (_, entry) =>
          entry.kind === 'EXPENSE'
            ? t(`fee.category.${entry.category}`)
            : entry.kind === 'REVERSAL' && entry.reverses.category
              ? t(`fee.category.${entry.reverses.category}`)
              : entry.kind === 'ACCRUAL'
                ? t('fee.col.accrualRate', { rate: entry.accrualBasisPoints / 100 })
                : null,
      },
      {
        key: 'amount',
        title: t('fee.col.amount'),
        width: 150,
        align: 'right',
        render: (_, entry) => {
          const change = balanceChange(entry);
          const text = <Money fen={change} />;
          if (reversed.has(entry.id)) {
            return (
              <Tooltip title={t('fee.reversedMark')}>
                <del data-reversed="true">{text}</del>
              </Tooltip>
            );
          }
          return <Typography.Text type={change < 0 ? 'danger' : undefined}>{text}</Typography.Text>;
        },
      },
      {
        key: 'description',
        title: t('fee.col.description'),
        render: (_, entry) => <EntryDescription entry={entry} />,
      },
      {
        key: 'by',
        title: t('fee.col.by'),
        width: 120,
        // The API gives the user id; the signed-in user's own entries are named (a user directory would name all).
        render: (_, entry) =>
          entry.recordedBy === user?.id ? (
            user.displayName
          ) : (
            <Typography.Text style={{ fontSize: 12, wordBreak: 'break-all' }}>{entry.recordedBy}</Typography.Text>
          ),
      },
      {
        key: 'balance',
        title: t('fee.col.balance'),
        width: 150,
        align: 'right',
        render: (_, entry) => {
          const balance = balances.get(entry.id) ?? 0;
          return (
            <Typography.Text type={balance < 0 ? 'danger' : undefined} data-testid={`balance-${entry.sequence}`}>
              <Money fen={balance} />
            </Typography.Text>
          );
        },
      },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 88,
        render: (_, entry) =>
          entry.kind === 'REVERSAL' || reversed.has(entry.id) ? null : canReverse ? (
            <Button size="small" onClick={() => onReverse(entry)}>
              {t('fee.reverse.action')}
            </Button>
          ) : (
            <Tooltip title={t('fee.reverse.adminOnly')}>
              <Button size="small" disabled>
                {t('fee.reverse.action')}
              </Button>
            </Tooltip>
          ),
      },
    ],
    [t, balances, reversed, canReverse, onReverse, user],
  );

  return (
    <Table<LedgerEntry>
      components={{ table: labelledTable(t('fee.ledger.caption')) }}
      size="small"
      rowKey={(entry) => entry.id}
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText: t('fee.ledger.empty', { year }) }}
      scroll={{ x: 1000 }}
    />
  );
}

function EntryDescription({ entry }: { readonly entry: LedgerEntry }) {
  const { t } = useI18n();
  switch (entry.kind) {
    case 'ACCRUAL':
      return (
        <span>
          {t('fee.desc.accrual', { policy: entry.policyNumber })} <Money fen={entry.receivedFen} /> · {t('fee.premiumExTax')}{' '}
          <Money fen={entry.premiumExTaxFen} />
        </span>
      );
    case 'EXPENSE':
      return (
        <span>
          {entry.description}
          {entry.advance && (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {t('fee.advance')}
            </Tag>
          )}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {entry.serviceId ? t('fee.desc.service', { id: entry.serviceId }) : entry.document ? t('fee.desc.document', { name: entry.document.name, id: entry.document.archiveId }) : null}
          </Typography.Text>
        </span>
      );
    case 'REVERSAL':
      return (
        <span>
          {t('fee.desc.reversal', { sequence: entry.reverses.sequence, on: entry.reversedOn })}
          {entry.reason}
        </span>
      );
  }
}

function CheckResult({ report, error, onClose }: { readonly report?: ConsistencyReport; readonly error?: string; readonly onClose: () => void }) {
  const { t } = useI18n();
  if (error || !report) return <Alert type="error" showIcon closable={{ onClose }} title={error} style={{ marginBottom: 12 }} />;
  return (
    <Alert
      data-testid="fee-check"
      type={report.consistent ? 'success' : 'error'}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      title={report.consistent ? t('fee.check.ok', { entries: report.entriesRead }) : t('fee.check.bad', { entries: report.entriesRead })}
      description={
        report.consistent ? undefined : (
          <ul style={{ margin: 0, paddingLeft: 18 }}>
            {report.differences.map((difference) => (
              <li key={difference.field}>
                {t('fee.check.difference', { field: difference.field, stored: difference.stored, recomputed: difference.recomputed })}
              </li>
            ))}
            {report.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        )
      }
    />
  );
}

interface ReverseValues {
  readonly reason: string;
  readonly advance?: boolean;
}

function ReverseForm({ entry, onCancel, onReversed }: { readonly entry: LedgerEntry; readonly onCancel: () => void; readonly onReversed: (reversal: LedgerEntry) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: ReverseValues, key: string) => api.fees.reverse(entry.id, { reason: values.reason.trim(), ...(values.advance ? { advance: true } : {}) }, key),
    [api, entry.id],
  );
  const { form, onFinish, submitting, failure } = useApiForm<ReverseValues, LedgerEntry>({ submit, onSuccess: onReversed, conflictsAtFields: true });
  return (
    <>
      <Typography.Paragraph>
        {t('fee.reverse.intro', { sequence: entry.sequence, date: entry.date, kind: t(`fee.kind.${entry.kind}`) })} <Money fen={entry.amountFen} />
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<ReverseValues> form={form} name="reverse-entry" layout="vertical" onFinish={onFinish}>
        <Form.Item name="reason" label={t('fee.reverse.reason')} rules={[requiredRule(t, t('fee.reverse.reason'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        {entry.kind === 'ACCRUAL' && (
          <Form.Item name="advance" valuePropName="checked" extra={t('fee.reverse.advanceHint')}>
            <Checkbox>{t('fee.expense.advance')}</Checkbox>
          </Form.Item>
        )}
        <Flex gap={8} justify="flex-end">
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" danger htmlType="submit" loading={submitting}>
            {t('fee.reverse.submit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
