import { Drawer, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { queryKeys } from '../../api/query-keys';
import { useApi, useAuth } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { asAreaCode, countyName, XINZHOU_COUNTIES } from '../../reference/xinzhou-counties';
import { ClaimDetail } from './ClaimDetail';
import { useClaimColumns } from './ClaimsPage';
import { ClaimsApi, type DeclinedClaim } from './claims-api';

/**
 * 拒赔监督 (CLM-1, ACL-2, ACL-4): every insurer's declined claims with their reasons, read-only. A county EMB
 * sees its county only (the API enforces it), so only the city EMB and the NFRA get the county filter.
 */
export function DeclinedClaimsPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const claims = useMemo(() => new ClaimsApi(api.client), [api]);
  const { state } = useAuth();
  const countyWide = (state.status === 'signed-out' ? undefined : state.session.user.agency) !== 'EMB_COUNTY';
  const [shown, setShown] = useState<DeclinedClaim>();
  const extra = useMemo<DataColumn<DeclinedClaim>[]>(
    () => [
      { key: 'insurer', title: t('claim.insurer'), width: 150, ellipsis: true, value: (claim) => claim.insurerName },
      { key: 'county', title: t('claim.county'), width: 90, value: (claim) => countyName(claim.enterprise.county, locale) },
    ],
    [t, locale],
  );
  const columns = useClaimColumns<DeclinedClaim>(setShown, extra);
  const filters = useMemo<FilterField[]>(
    () =>
      countyWide
        ? [{ kind: 'select', name: 'county', label: t('claim.county'), options: XINZHOU_COUNTIES.map((county) => ({ value: county.code, label: countyName(county.code, locale) })) }]
        : [],
    [t, locale, countyWide],
  );
  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      claims.listDeclined({ cursor, limit, decision: 'DECLINED', county: countyWide ? asAreaCode(values.county) : undefined }, signal),
    [claims, countyWide],
  );
  return (
    <>
      <PageHeading title={t('claim.declined.title')} />
      <Typography.Paragraph type="secondary">{t('claim.declined.intro')}</Typography.Paragraph>
      <DataTable<DeclinedClaim>
        queryKey={[...queryKeys.claims, '/api/v1/regulator/claims']}
        caption={t('claim.declined.title')}
        columns={columns}
        rowKey={(claim) => claim.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="declined-claims"
      />
      <Drawer open={Boolean(shown)} title={t('claim.detailTitle')} size={720} onClose={() => setShown(undefined)} destroyOnHidden>
        {shown && <ClaimDetail claim={shown} insurer={shown.insurerName} />}
      </Drawer>
    </>
  );
}
