import { Alert } from 'antd';
import { useI18n } from '../i18n/useI18n';
import type { FormFailure } from './useApiForm';

/** The form-level error of {@link useApiForm}, announced to screen readers (role="alert"). */
export function FormFailureAlert({ failure }: { readonly failure: FormFailure | undefined }) {
  const { t } = useI18n();
  if (!failure) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      title={t('form.error.title')}
      description={
        failure.issues.length > 0 ? (
          <>
            {failure.message}
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {failure.issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          </>
        ) : (
          failure.message
        )
      }
    />
  );
}
