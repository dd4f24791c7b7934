import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { Api, SupervisedLedgerEntry } from '../../../api';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../app/ServicesContext';
import { useI18n } from '../../../i18n';
import { describeApiError, PageHeading } from '../../../kit';
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
  return (
    <>
      <PageHeading
        title={t('sup.ledger.title', { insurer: query.data?.insurer?.name ?? t('sup.insurer.unknown'), year })}
        extra={<Button onClick={() => void navigate(supervisionPaths.insurers)}>{t('sup.insurer.back')}</Button>}
      />
      <InsurerTabs tenantId={tenantId} active="ledger" />
      {query.error && <Alert type="error" showIcon message={describeApiError(query.error, t)} />}
      <LedgerTable entries={query.data?.entries} loading={query.isFetching} canReverse={false} onReverse={() => undefined} year={year} readOnly />
    </>
  );
}
