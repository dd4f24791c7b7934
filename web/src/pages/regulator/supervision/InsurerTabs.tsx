import { Tabs, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { useSessionUser } from '../../underwriting/session';
import { supervisionPaths } from './paths';

export type InsurerTab = 'policies' | 'services' | 'fees';

/**
 * One insurer's supervision pages as tabs: policies, services and — for the city EMB and the NFRA, whose view
 * the insurer-wide ledger is (FEE_OVERSIGHT; ACL-4) — the fee year. A county EMB is told its lists are its county's.
 */
export function InsurerTabs({ tenantId, active }: { readonly tenantId: string; readonly active: InsurerTab }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const countyEmb = useSessionUser()?.agency === 'EMB_COUNTY';
  const items = [
    { key: 'policies', label: t('sup.link.policies') },
    { key: 'services', label: t('sup.link.services') },
    ...(countyEmb ? [] : [{ key: 'fees', label: t('sup.link.fees') }]),
  ];
  const go = (key: string) =>
    void navigate(key === 'fees' ? supervisionPaths.fees(tenantId) : key === 'services' ? supervisionPaths.services(tenantId) : supervisionPaths.policies(tenantId));
  return (
    <>
      <Tabs activeKey={active} onChange={go} items={items} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('sup.readOnly')}
        {countyEmb && active !== 'fees' ? ` ${t(active === 'policies' ? 'sup.policies.countyNote' : 'sup.services.countyNote')}` : ''}
      </Typography.Paragraph>
    </>
  );
}
