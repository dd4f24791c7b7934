import { Alert, Tooltip } from 'antd';
import { Link } from 'react-router';
import type { ApiError } from '../../api/api-error';
import { useI18n } from '../../i18n';
import { describeApiError, ruleText } from '../../kit';

/**
 * A refusal about the insurer or the enterprise as a whole (409): UW-8 lists every failing criterion of the
 * insurer's eligibility (one detail each), UW-9 names the overlapping policy, REG-1 the register's entry.
 */
export function PolicyRefusal({ error }: { readonly error: ApiError }) {
  const { t, messages } = useI18n();
  const rule = error.rule;
  const criteria = rule === 'UW-8' ? error.issues.filter((issue) => issue.rule) : [];
  const title = rule && `policy.refusal.${rule}` in messages ? t(`policy.refusal.${rule}` as 'policy.refusal.UW-8') : t('form.error.title');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      data-testid="policy-refusal"
      title={rule ? `${title}（${rule}）` : title}
      description={
        rule === 'UW-8' ? (
          <>
            <div>{t('policy.refusal.criteria')}</div>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {criteria.map((issue) => (
                <li key={`${issue.rule}-${issue.message}`}>
                  {/* Issue 15: the criterion's name and 未满足, not the server's English reason; the qualification page
                      linked below words each finding. The rule id is for staff who quote it: a tooltip. */}
                  <Tooltip title={issue.rule}>
                    <strong>{issue.rule && `qual.rule.${issue.rule}` in messages ? t(`qual.rule.${issue.rule}` as 'qual.rule.QUAL-1') : issue.rule}</strong>
                  </Tooltip>
                  ：{t('qual.failed')}
                </li>
              ))}
            </ul>
            <Link to="/insurer/qualification">{t('policy.create.toQualification')}</Link>
          </>
        ) : (
          // Issue 15: the catalogue's sentence for the rule when it has one; the server's (English) message only
          // when the console has no words of its own for the refusal.
          (rule && ruleText(rule, undefined, '', t, messages)) || <div style={{ overflowWrap: 'anywhere' }}>{describeApiError(error, t)}</div>
        )
      }
    />
  );
}
