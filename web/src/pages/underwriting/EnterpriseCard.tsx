import { Descriptions, Tag } from 'antd';
import type { RegisterEntry } from '../../api';
import { formatWhole, useI18n } from '../../i18n';
import { industryName, industryScopeOf } from '../../reference/underwriting';
import { countyName } from '../../reference/xinzhou-counties';

/** An enterprise as the register (REG-1) or a policy's snapshot describes it. */
export function EnterpriseDescription({
  enterprise,
}: {
  readonly enterprise: Pick<RegisterEntry, 'uscc' | 'name' | 'industry' | 'size'> & { readonly county: string; readonly staff: number; readonly revenueWan?: number };
}) {
  const { t, locale } = useI18n();
  const scope = industryScopeOf(enterprise.industry);
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 120 } }}
      items={[
        { key: 'name', label: t('register.name'), children: enterprise.name },
        { key: 'uscc', label: t('register.uscc'), children: <span style={{ fontFamily: 'monospace' }}>{enterprise.uscc}</span> },
        {
          key: 'industry',
          label: t('register.industry'),
          children: (
            <>
              {industryName(enterprise.industry, locale)} <Tag color={scope === 'MANDATORY' ? 'red' : scope === 'PROMOTED' ? 'orange' : 'default'}>{t(`industry.scope.${scope}`)}</Tag>
            </>
          ),
        },
        { key: 'county', label: t('register.county'), children: countyName(enterprise.county, locale) },
        { key: 'staff', label: t('register.staff'), children: t('register.staffValue', { staff: formatWhole(enterprise.staff) }) },
        ...(enterprise.revenueWan === undefined ? [] : [{ key: 'revenue', label: t('register.revenueWan'), children: t('register.revenueValue', { revenue: formatWhole(enterprise.revenueWan) }) }]),
        { key: 'size', label: t('register.size'), children: t(`size.${enterprise.size}`) },
      ]}
    />
  );
}
