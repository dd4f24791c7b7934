import { Drawer, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, PageHeading, type DataTablePageRequest } from '../../kit';
import { ClaimDetail } from './ClaimDetail';
import { useClaimColumns } from './ClaimsPage';
import { ClaimsApi, type Claim } from './claims-api';

/** 我的理赔 (CLM-1, ACL-5): the enterprise's claims with every insurer, each decision with its reason; read-only. */
export function MyClaimsPage() {
  const { t } = useI18n();
  const api = useApi();
  const claims = useMemo(() => new ClaimsApi(api.client), [api]);
  const [shown, setShown] = useState<Claim>();
  const columns = useClaimColumns<Claim>(setShown);
  const fetchPage = useCallback(({ cursor, limit }: DataTablePageRequest, signal: AbortSignal) => claims.listMine({ cursor, limit }, signal), [claims]);
  return (
    <>
      <PageHeading title={t('claim.my.title')} />
      <Typography.Paragraph type="secondary">{t('claim.my.intro')}</Typography.Paragraph>
      <DataTable<Claim>
        queryKey={[...queryKeys.claims, '/api/v1/me/claims']}
        caption={t('claim.my.title')}
        columns={columns}
        rowKey={(claim) => claim.id}
        fetchPage={fetchPage}
        exportName="my-claims"
      />
      <Drawer open={Boolean(shown)} title={t('claim.detailTitle')} size={720} onClose={() => setShown(undefined)} destroyOnHidden>
        {shown && <ClaimDetail claim={shown} />}
      </Drawer>
    </>
  );
}
