import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

interface FormButtonsProps {
  readonly onCancel: () => void;
  readonly submitting: boolean;
  /** The submit button's text; 提交 unless the form names its action. */
  readonly submitLabel?: ReactNode;
  readonly danger?: boolean;
}

/**
 * A dialog form's footer: cancel, then submit (busy while the request runs), at the right.
 * @example <FormButtons onCancel={onCancel} submitting={submitting} />
 */
export function FormButtons({ onCancel, submitting, submitLabel, danger = false }: FormButtonsProps) {
  const { t } = useI18n();
  return (
    <Flex gap={8} justify="flex-end">
      <Button onClick={onCancel}>{t('form.cancel')}</Button>
      <Button type="primary" danger={danger} htmlType="submit" loading={submitting}>
        {submitLabel ?? t('form.submit')}
      </Button>
    </Flex>
  );
}
