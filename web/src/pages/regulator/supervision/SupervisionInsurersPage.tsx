import { Flex, Tag, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { Link } from 'react-router';
import type { SupervisedInsurer } from '../../../api';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../app/ServicesContext';
import { useI18n } from '../../../i18n';
import { DataTable, moneyColumn, PageHeading, type DataColumn, type DataTablePageRequest, type FilterField } from '../../../kit';
import { shanghaiToday } from '../../complaints/due-dates';
import { percentText } from '../../underwriting/rates';
import { useSessionUser } from '../../underwriting/session';
import { supervisionPaths } from './paths';

type Fees = NonNullable<SupervisedInsurer['fees']>;

const STATUS_KEY = { ACTIVE: 'sup.insurers.status.ACTIVE', SUSPENDED: 'sup.insurers.status.SUSPENDED' } as const;

/** FEE-4/FEE-5: the year's standing in one word, as the insurer's own fee page says it. */
function feeStanding(fees: Fees, t: ReturnType<typeof useI18n>['t']): { color: string; text: string } {
  const floor = fees.floorBasisPoints / 100;
  const ceiling = fees.ceilingBasisPoints / 100;
  if (fees.premiumExTaxFen === 0) return { color: 'default', text: t('fee.status.noPremium') };
  if (fees.aboveCeiling) return { color: 'orange', text: t('fee.status.aboveCeiling', { ceiling }) };
  if (fees.compliant) return { color: 'green', text: t('fee.status.compliant') };
  return { color: 'red', text: t('fee.status.belowFloor', { floor }) };
}

/**
 * 承保机构 (issue 14; ACL-2, ACL-4): the regulators' home — every insurer by name, with the year's prevention-fee
 * figures for the city EMB and the NFRA (one read per insurer, from the ledger's counters), and links into its
 * policies, services (the overdue ones directly) and fee year. Read-only.
 */
export function SupervisionInsurersPage() {
  const { t } = useI18n();
  const api = useApi();
  const countyEmb = useSessionUser()?.agency === 'EMB_COUNTY';
  const year = Number(shanghaiToday().slice(0, 4));

  const filters = useMemo<FilterField[]>(() => [{ kind: 'text', name: 'name', label: t('sup.insurers.search') }], [t]);

  const columns = useMemo<DataColumn<SupervisedInsurer>[]>(
    () => [
      {
        key: 'name',
        title: t('sup.insurers.name'),
        value: (insurer) => insurer.name,
        render: (insurer) => (
          <>
            <Link to={supervisionPaths.policies(insurer.tenantId)}>{insurer.name}</Link>
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {insurer.branchName}
              </Typography.Text>
            </div>
          </>
        ),
      },
      {
        key: 'status',
        title: t('sup.insurers.status'),
        width: 90,
        value: (insurer) => t(STATUS_KEY[insurer.status]),
        render: (insurer) => <Tag color={insurer.status === 'ACTIVE' ? 'green' : 'default'}>{t(STATUS_KEY[insurer.status])}</Tag>,
      },
      ...(countyEmb
        ? []
        : [
            moneyColumn<SupervisedInsurer>('premiumExTax', t('sup.insurers.premiumExTax', { year }), (insurer) => insurer.fees?.premiumExTaxFen),
            moneyColumn<SupervisedInsurer>('spent', t('sup.insurers.spent', { year }), (insurer) => insurer.fees?.spentFen),
            {
              key: 'ratio',
              title: t('sup.insurers.ratio'),
              width: 100,
              align: 'right' as const,
              value: (insurer: SupervisedInsurer) => (insurer.fees?.ratioBasisPoints == null ? '' : percentText(insurer.fees.ratioBasisPoints)),
            },
            {
              key: 'feeStatus',
              title: t('sup.insurers.feeStatus'),
              width: 140,
              value: (insurer: SupervisedInsurer) => (insurer.fees ? feeStanding(insurer.fees, t).text : ''),
              render: (insurer: SupervisedInsurer) => {
                if (!insurer.fees) return null;
                const standing = feeStanding(insurer.fees, t);
                return <Tag color={standing.color}>{standing.text}</Tag>;
              },
            },
          ]),
      {
        key: 'links',
        title: t('sup.insurers.links'),
        width: 260,
        csv: false,
        render: (insurer) => (
          <Flex gap={12} wrap>
            <Link to={supervisionPaths.policies(insurer.tenantId)}>{t('sup.link.policies')}</Link>
            <Link to={supervisionPaths.services(insurer.tenantId)}>{t('sup.link.services')}</Link>
            <Link to={supervisionPaths.services(insurer.tenantId, true)}>{t('sup.link.overdue')}</Link>
            {!countyEmb && <Link to={supervisionPaths.fees(insurer.tenantId)}>{t('sup.link.fees')}</Link>}
          </Flex>
        ),
      },
    ],
    [t, countyEmb, year],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.supervision.insurers({ cursor, limit, year, name: values.name || undefined }, signal),
    [api, year],
  );

  return (
    <>
      <PageHeading title={t('sup.insurers.title')} />
      <Typography.Paragraph type="secondary">{t(countyEmb ? 'sup.insurers.introCounty' : 'sup.insurers.intro')}</Typography.Paragraph>
      <DataTable<SupervisedInsurer>
        queryKey={[...queryKeys.supervision, '/api/v1/regulator/insurers', year]}
        caption={t('sup.insurers.caption')}
        columns={columns}
        rowKey={(insurer) => insurer.tenantId}
        fetchPage={fetchPage}
        filters={filters}
        exportName="insurers"
      />
    </>
  );
}
