import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { EligibilityResult } from '../../api';
import { useI18n } from '../../i18n';
import { criterionText } from './eligibility-text';

/**
 * QUAL-1..6, BLK-1: the insurer's eligibility as the server computed it — every criterion with ✓ or ✗ and its
 * reason worded by the catalogue from the server's findings (issue 15: not the server's English), and the overall
 * answer. The rule id is for staff who quote it: in a tooltip, not in the sentence. Never typed in (DOMAIN.md §2).
 */
export function EligibilityChecklist({ eligibility }: { readonly eligibility: EligibilityResult }) {
  const { t, messages } = useI18n();
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
                <Tooltip title={criterion.rule}>
                  <Typography.Text strong>{t(`qual.rule.${criterion.rule}`)}</Typography.Text>
                </Tooltip>
                {' · '}
                <Typography.Text style={{ color: criterion.passed ? '#15803d' : '#b91c1c' }}>
                  {criterion.waived ? t('qual.waived') : criterion.passed ? t('qual.passed') : t('qual.failed')}
                </Typography.Text>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12, overflowWrap: 'anywhere' }} data-testid="criterion-reason">
                {criterionText(criterion, t, messages)}
              </Typography.Text>
            </div>
          </li>
        ))}
      </ul>
    </Flex>
  );
}
