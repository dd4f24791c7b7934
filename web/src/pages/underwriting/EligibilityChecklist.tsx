import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import type { EligibilityResult } from '../../api';
import { useI18n } from '../../i18n';

/**
 * QUAL-1..6, BLK-1: the insurer's eligibility as the server computed it — every criterion with ✓ or ✗ and its
 * reason (the server's own sentence), and the overall answer. Eligibility is never typed in (DOMAIN.md §2).
 */
export function EligibilityChecklist({ eligibility }: { readonly eligibility: EligibilityResult }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8}>
      <div role="status" aria-live="polite">
        <Tag color={eligibility.eligible ? 'success' : 'error'} style={{ fontSize: 14, padding: '2px 10px' }} data-testid="eligibility-status">
          {eligibility.eligible ? t('qual.eligible') : t('qual.notEligible')}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('qual.evaluatedOn', { date: eligibility.onDate })}
          {eligibility.filingYear !== undefined && ` · ${t('qual.evaluatedFiling', { year: eligibility.filingYear, version: eligibility.filingVersion ?? 0 })}`}
        </Typography.Text>
      </div>
      <ul aria-label={t('qual.criteria')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {eligibility.criteria.map((criterion) => (
          <li
            key={criterion.rule}
            data-rule={criterion.rule}
            data-passed={criterion.passed}
            style={{ display: 'flex', gap: 8, padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <span aria-hidden style={{ fontSize: 16, lineHeight: '22px' }}>
              {criterion.passed ? <CheckCircleFilled style={{ color: '#15803d' }} /> : <CloseCircleFilled style={{ color: '#b91c1c' }} />}
            </span>
            <div style={{ minWidth: 0 }}>
              <div>
                <Typography.Text strong>{criterion.rule}</Typography.Text> {t(`qual.rule.${criterion.rule}`)}
                {' · '}
                <Typography.Text style={{ color: criterion.passed ? '#15803d' : '#b91c1c' }}>
                  {criterion.waived ? t('qual.waived') : criterion.passed ? t('qual.passed') : t('qual.failed')}
                </Typography.Text>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }} lang="en">
                {criterion.reason}
              </Typography.Text>
            </div>
          </li>
        ))}
      </ul>
    </Flex>
  );
}
