import { Alert } from 'antd';
import { useEffect, useRef } from 'react';
import { ApiError } from '../../api/api-error';
import { useI18n } from '../../i18n';
import { describeApiError } from '../../kit';
import { complaintRuleText } from './complaint-text';

export interface ActionFailure {
  /** The action's name as on its button ("延期"). */
  readonly action: string;
  readonly error: unknown;
}

/** A 409/412 needs the page's fresh state: the complaint changed or a rule refuses the action. */
export const isStateConflict = (error: unknown): boolean => error instanceof ApiError && (error.status === 409 || error.status === 412);

/**
 * Why an action on a complaint was refused, at the top of the page: the reason (with the rule id a 409
 * names) and, for complaint rules, what the rule says in the console's language. Announced (role="alert")
 * and scrolled into view.
 */
export function ComplaintActionAlert({ failure, onClose }: { readonly failure: ActionFailure | undefined; readonly onClose: () => void }) {
  const { t, messages } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [failure]);
  if (!failure) return <div ref={ref} />;
  const rule = failure.error instanceof ApiError ? failure.error.rule : undefined;
  const ruleText = complaintRuleText(rule, t, messages);
  return (
    <div ref={ref} style={{ marginBottom: 12 }} data-testid="complaint-action-error">
      <Alert
        type="error"
        showIcon
        role="alert"
        closable={{ onClose }}
        title={t('complaint.action.failed', { action: failure.action })}
        description={
          <>
            <div>{describeApiError(failure.error, t)}</div>
            {rule && ruleText && <div>{t('complaint.action.ruleSays', { rule, text: ruleText })}</div>}
          </>
        }
      />
    </div>
  );
}
