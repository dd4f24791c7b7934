import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Empty, List, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { InsurerQualificationAnswer } from '../../../api';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../app/ServicesContext';
import { useI18n } from '../../../i18n';
import { PageHeading, QueryFallback, SectionCard } from '../../../kit';
import { ANNEX_1_ITEMS, annex1Label } from '../../../reference/underwriting';
import { shanghaiToday } from '../../complaints/due-dates';
import { InsurerTabs } from './InsurerTabs';
import { supervisionPaths } from './paths';

type Filing = InsurerQualificationAnswer['filings'][number];
type Doc = { readonly archiveId: string; readonly name: string; readonly sha256: string };

/**
 * One insurer's qualification filings (QUAL-1..6) for the city EMB, to whom the notice has them sent
 * (报送市应急管理局): each filing of this year and the last, the day it counts as submitted, and its documents
 * — the Annex 1 items and the QUAL-4 prevention documents — by name and digest. Read-only.
 */
export function SupervisionQualificationPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const tenantId = useParams().tenantId ?? '';
  const year = Number(shanghaiToday().slice(0, 4));
  const query = useQuery({ queryKey: [...queryKeys.supervision, 'qualification', tenantId, year], queryFn: ({ signal }) => api.supervisionRecords.qualification(tenantId, year, signal) });
  const docs = (list: readonly (Doc | undefined)[]) =>
    list.every((doc) => doc === undefined) ? (
      <Typography.Text type="secondary">{t('qual.annex1.missing')}</Typography.Text>
    ) : (
      <List size="small" dataSource={list.filter((doc): doc is Doc => doc !== undefined)} renderItem={(doc) => <List.Item>{doc.name}（SHA-256 {doc.sha256.slice(0, 12)}…）</List.Item>} />
    );
  const filingCard = (filing: Filing) => {
    const prevention = filing.prevention;
    const preventionDocs = [prevention.systemDocument, prevention.planTemplate, ...prevention.evidence].filter((doc) => doc !== undefined);
    return (
      <SectionCard key={filing.year} title={t('sup.qualification.filing', { year: filing.year })}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('sup.qualification.filedOn')}>
            {filing.filedOn ? `${filing.filedOn}（${t(`qual.filedOn.${filing.filedOnSource ?? 'PLATFORM'}`)}）` : t('sup.qualification.notFiled')}
          </Descriptions.Item>
          <Descriptions.Item label={t('sup.qualification.prevention')}>{docs(preventionDocs)}</Descriptions.Item>
          {ANNEX_1_ITEMS.map((item) => (
            <Descriptions.Item key={item.code} label={annex1Label(item, locale)}>
              {docs(filing.annex1[item.code as keyof Filing['annex1']] ?? [])}
            </Descriptions.Item>
          ))}
        </Descriptions>
      </SectionCard>
    );
  };
  return (
    <>
      <PageHeading
        title={t('sup.qualification.title', { insurer: query.data?.insurer.name ?? t('sup.insurer.unknown') })}
        extra={<Button onClick={() => void navigate(supervisionPaths.insurers)}>{t('sup.insurer.back')}</Button>}
      />
      <InsurerTabs tenantId={tenantId} active="qualification" />
      {!query.data ? (
        <QueryFallback query={query} onRetry={() => void query.refetch()} />
      ) : query.data.filings.length === 0 ? (
        <Empty description={t('sup.qualification.none')} />
      ) : (
        query.data.filings.map(filingCard)
      )}
    </>
  );
}
