import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Api, SupervisedLedgerEntry } from '../../../api';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../app/ServicesContext';
import { useI18n } from '../../../i18n';
import { describeApiError, ExportButton, PageHeading, type DataTablePageRequest, type ExportColumn } from '../../../kit';
import { formatWhole } from '../../../i18n/format';
import { balanceChange } from '../../fees/fee-ledger';
import { shanghaiToday } from '../../complaints/due-dates';
import { LedgerTable } from '../../fees/LedgerTable';
import { InsurerTabs } from './InsurerTabs';
import { supervisionPaths } from './paths';

/** The whole year, page by page (the running balance needs every entry). */
async function readYear(api: Api, tenantId: string, year: number, signal: AbortSignal) {
  const entries: SupervisedLedgerEntry[] = [];
  let cursor: string | undefined;
  let insurer: { name: string } | undefined;
  do {
    const page = await api.supervisionRecords.ledger(tenantId, { year, limit: 100, cursor }, signal);
    insurer = page.insurer;
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { insurer, entries };
}

/**
 * One insurer's prevention-fee ledger (台账) of the year for the city EMB and the NFRA (issue 14; FEE-2, FEE-5):
 * the insurer's own table with its running balance, without any of its actions. Read-only.
 */
export function SupervisionLedgerPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const tenantId = useParams().tenantId ?? '';
  const year = Number(shanghaiToday().slice(0, 4));
  const query = useQuery({ queryKey: [...queryKeys.supervision, 'ledger', tenantId, year], queryFn: ({ signal }) => readYear(api, tenantId, year, signal) });
  // Issue 15: the year's entries to XLSX, read again page by page as every list's export does.
  const fetchPage = useCallback(
    ({ cursor, limit }: DataTablePageRequest, signal: AbortSignal) => api.supervisionRecords.ledger(tenantId, { year, limit, cursor }, signal),
    [api, tenantId, year],
  );
  const exportColumns = useMemo<ExportColumn<SupervisedLedgerEntry>[]>(
    () => [
      { title: t('fee.col.sequence'), value: (entry) => entry.sequence },
      { title: t('fee.col.date'), value: (entry) => entry.date, width: 12 },
      { title: t('fee.col.kind'), value: (entry) => t(`fee.kind.${entry.kind}`) },
      {
        title: t('fee.col.category'),
        width: 18,
        value: (entry) =>
          entry.kind === 'EXPENSE'
            ? t(`fee.category.${entry.category}`)
            : entry.kind === 'REVERSAL' && entry.reverses.category
              ? t(`fee.category.${entry.reverses.category}`)
              : undefined,
      },
      { title: t('fee.col.amount'), value: (entry) => balanceChange(entry) / 100, fen: (entry) => balanceChange(entry), width: 16 },
    ],
    [t],
  );
  return (
    <>
      <PageHeading
        title={t('sup.ledger.title', { insurer: query.data?.insurer?.name ?? t('sup.insurer.unknown'), year })}
        extra={<Button onClick={() => void navigate(supervisionPaths.insurers)}>{t('sup.insurer.back')}</Button>}
      />
      <InsurerTabs tenantId={tenantId} active="ledger" />
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary" aria-live="polite">
          {query.data ? t('table.total', { count: formatWhole(query.data.entries.length) }) : null}
        </Typography.Text>
        <ExportButton<SupervisedLedgerEntry>
          fetchPage={fetchPage}
          filters={{}}
          columns={exportColumns}
          fileName={t('sup.ledger.title', { insurer: query.data?.insurer?.name ?? t('sup.insurer.unknown'), year })}
          sheetName={t('fee.ledger.caption')}
          disabled={!query.data || query.data.entries.length === 0}
        />
      </Flex>
      {query.error && <Alert type="error" showIcon message={describeApiError(query.error, t)} />}
      <LedgerTable entries={query.data?.entries} loading={query.isFetching} canReverse={false} onReverse={() => undefined} year={year} readOnly />
    </>
  );
}
