import { Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import type { AccessLogEntry, Notice } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, PageHeading, dateTimeColumn, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { countyName } from '../../reference/xinzhou-counties';
import { agencyText } from '../regulator/supervision/notice-text';

type Agency = Notice['issuedBy']['agency'];
const AGENCIES: readonly Agency[] = ['EMB_CITY', 'EMB_COUNTY', 'NFRA'];

/** What a supervision route read, in words: the last path segment names the kind of data (`…/policies/{policyId}` → 保单). */
const WHAT = ['policies', 'services', 'hazards', 'complaints', 'ledger', 'fees', 'qualification'] as const;
type What = (typeof WHAT)[number];
function whatOf(route: string): { readonly what: What | undefined; readonly one: boolean } {
  const parts = route.split(' ')[1]?.split('/').filter(Boolean) ?? [];
  const last = parts[parts.length - 1] ?? '';
  const one = last.startsWith('{') && last !== '{tenantId}';
  const name = one ? parts[parts.length - 2] : last;
  return { what: WHAT.find((candidate) => candidate === name), one };
}

/**
 * 访问记录 (issue 14): every regulator read of this insurer's data — who, which agency, what and when — newest first,
 * by agency; kept five years. The insurer admin's page.
 */
export function AccessLogPage() {
  const { t, locale } = useI18n();
  const api = useApi();

  const filters = useMemo<FilterField[]>(
    () => [{ kind: 'select', name: 'agency', label: t('accessLog.agency'), options: AGENCIES.map((value) => ({ value, label: agencyText(value, t) })) }],
    [t],
  );

  const whatText = useCallback(
    (entry: AccessLogEntry) => {
      const { what, one } = whatOf(entry.route);
      const noun = what ? t(`accessLog.what.${what}`) : entry.route;
      return one ? t('accessLog.one', { what: noun }) : t('accessLog.list', { what: noun });
    },
    [t],
  );

  const columns = useMemo<DataColumn<AccessLogEntry>[]>(
    () => [
      dateTimeColumn<AccessLogEntry>('at', t('accessLog.at'), (entry) => entry.at),
      {
        key: 'agency',
        title: t('accessLog.agency'),
        width: 160,
        value: (entry) => `${agencyText(entry.reader.agency, t)}${entry.reader.county ? `（${countyName(entry.reader.county, locale)}）` : ''}`,
      },
      { key: 'reader', title: t('accessLog.reader'), width: 140, value: (entry) => entry.reader.username },
      { key: 'what', title: t('accessLog.whatTitle'), width: 160, value: whatText },
      { key: 'item', title: t('accessLog.item'), width: 240, ellipsis: true, value: (entry) => entry.itemId ?? '' },
      { key: 'query', title: t('accessLog.query'), width: 240, ellipsis: true, value: (entry) => entry.query ?? '' },
    ],
    [t, locale, whatText],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.notices.accessLog({ cursor, limit, agency: (values.agency || undefined) as Agency | undefined }, signal),
    [api],
  );

  return (
    <>
      <PageHeading title={t('accessLog.title')} />
      <Typography.Paragraph type="secondary">{t('accessLog.intro')}</Typography.Paragraph>
      <DataTable<AccessLogEntry>
        queryKey={[...queryKeys.supervision, '/api/v1/access-log']}
        caption={t('accessLog.title')}
        columns={columns}
        rowKey={(entry) => `${entry.at}#${entry.id}`}
        fetchPage={fetchPage}
        filters={filters}
        exportName="access-log"
      />
    </>
  );
}
