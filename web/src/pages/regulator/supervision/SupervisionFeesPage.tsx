import { useQuery } from '@tanstack/react-query';
import { Button, Flex } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../app/ServicesContext';
import { useI18n } from '../../../i18n';
import { PageHeading, QueryFallback } from '../../../kit';
import { shanghaiToday } from '../../complaints/due-dates';
import { SummaryCard } from '../../fees/FeeSummaryCards';
import { InsurerTabs } from './InsurerTabs';
import { IssueNoticeButton } from './IssueNoticeButton';
import { supervisionPaths } from './paths';

/**
 * One insurer's prevention-fee year for the city EMB and the NFRA (issue 14; FEE-4, FEE-5): the insurer's own
 * summary — premium ex-tax, accrued, spent, balance and the ratio between the floor and the ceiling. Read-only.
 */
export function SupervisionFeesPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const tenantId = useParams().tenantId ?? '';
  const year = Number(shanghaiToday().slice(0, 4));
  const query = useQuery({
    queryKey: [...queryKeys.supervision, 'fees', tenantId, year],
    queryFn: ({ signal }) => api.supervision.fees(tenantId, year, signal),
  });
  return (
    <>
      <PageHeading
        title={t('sup.fees.title', { insurer: query.data?.insurer.name ?? t('sup.insurer.unknown') })}
        extra={
          <Flex gap={8}>
            {/* SUP-1: a fee year is noticed once the insurer keeps a ledger for it (a year with no entry has none). */}
            {query.data?.summary.updatedAt != null && <IssueNoticeButton tenantId={tenantId} kind="FEE_YEAR" subjectId={String(year)} label={t('sup.fees.noticeLabel', { year })} />}
            <Button onClick={() => void navigate(supervisionPaths.insurers)}>{t('sup.insurer.back')}</Button>
          </Flex>
        }
      />
      <InsurerTabs tenantId={tenantId} active="fees" />
      {query.data ? <SummaryCard summary={query.data.summary} loading={false} /> : <QueryFallback query={query} onRetry={() => void query.refetch()} />}
    </>
  );
}
