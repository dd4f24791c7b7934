import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { Hazard } from '../../api';
import { formatInstant, useI18n } from '../../i18n';

/**
 * SVC-7: how far a hazard's closure went — the enterprise's report that it is closed, the insurer's accepted
 * verification — and, SVC-13, a mark when the enterprise's reports were captured on the insurer staff's device
 * (an enterprise without an account), so a regulator reading a MAJOR hazard's closure sees who reported it.
 */
export function HazardClosure({ hazard }: { readonly hazard: Hazard }) {
  const { t } = useI18n();
  const closedAt = hazard.rectification?.closedAt;
  const verified = hazard.status === 'VERIFIED' ? hazard.verifications.filter((verification) => verification.accepted).at(-1) : undefined;
  const onSite = hazard.rectification?.onSiteReports ?? [];
  return (
    <Flex vertical gap={2} data-testid="hazard-closure">
      {closedAt ? (
        <Typography.Text>{t('hazard.closure.closed', { at: formatInstant(closedAt) })}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('hazard.closure.none')}</Typography.Text>
      )}
      {verified && <Typography.Text type="success">{t('hazard.closure.verified', { at: formatInstant(verified.at) })}</Typography.Text>}
      {onSite.length > 0 && (
        <Tooltip title={t('hazard.onSite.hint', { reports: onSite.map((report) => `${report.reporterName} ${formatInstant(report.reportedAt)}`).join('；') })}>
          <Tag color="orange" style={{ width: 'fit-content' }} data-testid="hazard-on-site">
            {t('hazard.onSite')}
          </Tag>
        </Tooltip>
      )}
    </Flex>
  );
}
