import { Tabs, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../i18n';
import { useSessionUser } from '../../underwriting/session';
import { supervisionPaths } from './paths';

export type InsurerTab = 'policies' | 'services' | 'hazards' | 'complaints' | 'fees' | 'ledger' | 'qualification';

const PATHS: Record<InsurerTab, (tenantId: string) => string> = {
  policies: supervisionPaths.policies,
  services: (tenantId) => supervisionPaths.services(tenantId),
  hazards: supervisionPaths.hazards,
  complaints: supervisionPaths.complaints,
  fees: supervisionPaths.fees,
  ledger: supervisionPaths.ledger,
  qualification: supervisionPaths.qualification,
};

/**
 * One insurer's supervision pages as tabs: policies, services, hazards and complaints for every regulator; for the
 * city EMB and the NFRA, whose view the insurer-wide ledger is (FEE_OVERSIGHT; ACL-4), the fee year and its ledger;
 * for the city EMB, to whom filings are sent (QUAL-6), the qualification filings. A county EMB is told its lists are
 * its county's.
 */
export function InsurerTabs({ tenantId, active }: { readonly tenantId: string; readonly active: InsurerTab }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const agency = useSessionUser()?.agency;
  const countyEmb = agency === 'EMB_COUNTY';
  const items = [
    { key: 'policies', label: t('sup.link.policies') },
    { key: 'services', label: t('sup.link.services') },
    { key: 'hazards', label: t('sup.link.hazards') },
    { key: 'complaints', label: t('sup.link.complaints') },
    ...(countyEmb ? [] : [{ key: 'fees', label: t('sup.link.fees') }, { key: 'ledger', label: t('sup.link.ledger') }]),
    ...(agency === 'EMB_CITY' ? [{ key: 'qualification', label: t('sup.link.qualification') }] : []),
  ];
  const countyNote = active === 'policies' ? 'sup.policies.countyNote' : active === 'services' ? 'sup.services.countyNote' : active === 'hazards' || active === 'complaints' ? 'sup.records.countyNote' : undefined;
  return (
    <>
      <Tabs activeKey={active} onChange={(key) => void navigate(PATHS[key as InsurerTab](tenantId))} items={items} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('sup.readOnly')}
        {countyEmb && countyNote ? ` ${t(countyNote)}` : ''}
      </Typography.Paragraph>
    </>
  );
}
