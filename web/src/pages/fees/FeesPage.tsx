import { useQuery } from '@tanstack/react-query';
import { useInvalidate } from '../../kit/useInvalidate';
import { queryKeys } from '../../api/query-keys';
import { Alert, App, Button, Card, Col, Modal, Row, Select, Space, Typography } from 'antd';
import { useCallback, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { Api } from '../../api';
import type { ConsistencyReport, LedgerEntry, PremiumReceived } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { describeApiError, Money, PageHeading } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { downloadFromLink } from '../../kit/download';
import { useSessionUser } from '../underwriting/session';
import { ExpenseForm } from './ExpenseForm';
import { CheckResult } from './ConsistencyCheckResult';
import { MonthlyCard, SummaryCard } from './FeeSummaryCards';
import { LedgerTable } from './LedgerTable';
import { PremiumReceiptForm } from './PremiumReceiptForm';
import { ReverseForm } from './ReverseForm';

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

  // RPT-1 (issue 18): `?half=H1|H2` narrows the summary to one half (the half-year report's figures); the chart and the ledger stay the year's.
  const requestedHalf = searchParams.get('half');
  const half = requestedHalf === 'H1' || requestedHalf === 'H2' ? requestedHalf : undefined;

  const summary = useQuery({ queryKey: [...queryKeys.fees, `fees:summary:${year}:${half ?? 'year'}`], queryFn: ({ signal }) => api.fees.summary(year, signal, half) });
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

  const setHalf = useCallback(
    (value: 'YEAR' | 'H1' | 'H2') =>
      setSearchParams((current) => {
        const params = new URLSearchParams(current);
        if (value === 'YEAR') params.delete('half');
        else params.set('half', value);
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
      // Issue 18: a year too large to answer inline comes as a short-lived link to the archive.
      if (file.download) downloadFromLink(file.download.url);
      else download(file.fileName, file.contentType, file.contentBase64 ?? '');
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
            <Select
              aria-label={t('fee.period')}
              value={half ?? 'YEAR'}
              options={(['YEAR', 'H1', 'H2'] as const).map((value) => ({ value, label: t(value === 'YEAR' ? 'fee.period.year' : `fee.period.${value}`) }))}
              onChange={setHalf}
              style={{ width: 100 }}
            />
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
            <SummaryCard summary={summary.data} loading={summary.isFetching} half={half} />
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
