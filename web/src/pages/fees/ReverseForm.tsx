import { Checkbox, Form, Input, Typography } from 'antd';
import { useCallback } from 'react';
import type { LedgerEntry } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, Money, useApiForm, FormButtons } from '../../kit';
import { requiredRule } from '../platform/account-rules';

interface ReverseValues {
  readonly reason: string;
  readonly advance?: boolean;
}

/** Reverses a ledger entry with a reason (an accrual may be reversed as an advance). */
export function ReverseForm({ entry, onCancel, onReversed }: { readonly entry: LedgerEntry; readonly onCancel: () => void; readonly onReversed: (reversal: LedgerEntry) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: ReverseValues, key: string) => api.fees.reverse(entry.id, { reason: values.reason.trim(), ...(values.advance ? { advance: true } : {}) }, key),
    [api, entry.id],
  );
  const { form, onFinish, submitting, failure } = useApiForm<ReverseValues, LedgerEntry>({ submit, onSuccess: onReversed, conflictsAtFields: true });
  return (
    <>
      <Typography.Paragraph>
        {t('fee.reverse.intro', { sequence: entry.sequence, date: entry.date, kind: t(`fee.kind.${entry.kind}`) })} <Money fen={entry.amountFen} />
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<ReverseValues> form={form} name="reverse-entry" layout="vertical" onFinish={onFinish}>
        <Form.Item name="reason" label={t('fee.reverse.reason')} rules={[requiredRule(t, t('fee.reverse.reason'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        {entry.kind === 'ACCRUAL' && (
          <Form.Item name="advance" valuePropName="checked" extra={t('fee.reverse.advanceHint')}>
            <Checkbox>{t('fee.expense.advance')}</Checkbox>
          </Form.Item>
        )}
        <FormButtons onCancel={onCancel} submitting={submitting} submitLabel={t('fee.reverse.submit')} danger />
      </Form>
    </>
  );
}
