import { queryKeys } from '../../api/query-keys';
import { Button } from 'antd';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { Regulator } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, dateTimeColumn, PageHeading, type DataColumn, type DataTablePageRequest } from '../../kit';
import { countyName } from '../../reference/xinzhou-counties';

/** The regulators onboarded on the platform: city EMB, county EMBs and the NFRA branch. */
export function RegulatorListPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();

  const columns = useMemo<DataColumn<Regulator>[]>(
    () => [
      { key: 'name', title: t('regulator.name'), value: (regulator) => regulator.name },
      { key: 'agency', title: t('regulator.agency'), value: (regulator) => t(`agency.${regulator.agency}`) },
      { key: 'county', title: t('regulator.county'), value: (regulator) => countyName(regulator.county, locale) },
      dateTimeColumn<Regulator>('createdAt', t('regulator.createdAt'), (regulator) => regulator.createdAt),
      { key: 'id', title: t('regulator.id'), value: (regulator) => regulator.id, ellipsis: true, width: 160 },
    ],
    [t, locale],
  );

  const fetchPage = useCallback(
    ({ cursor, limit }: DataTablePageRequest, signal: AbortSignal) => api.platform.listRegulators({ cursor, limit }, signal),
    [api],
  );

  return (
    <>
      <PageHeading title={t('regulator.listTitle')} />
      <DataTable<Regulator>
queryKey={[...queryKeys.platform, '/api/v1/platform/regulators']}         caption={t('regulator.listTitle')}
        columns={columns}
        rowKey={(regulator) => regulator.id}
        fetchPage={fetchPage}
        exportName="regulators"
        toolbar={
          <Button type="primary" onClick={() => void navigate('/platform/regulators/new')}>
            {t('regulator.create')}
          </Button>
        }
      />
    </>
  );
}
