import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { Flex, Form, Input, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useCallback, useEffect, useMemo } from 'react';
import type { PremiumReceived } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, Money, useApiForm, yuanToFen, FormButtons, fenToYuanText } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { requiredRule, requiredSelectRule } from '../platform/account-rules';
import { policyOption } from '../underwriting/policy-option';
import { DateField } from '../../kit/DateField';

/** The form keeps the API's field names (a 400's `details[].field` lands at its input); amounts typed in 元. */
interface ReceiptValues {
  readonly policyId: string;
  readonly receivedOn: string;
  readonly amountFen: string;
}

/** Policies offered: the insurer's first 100 (the demo's volumes); a search box would replace this at scale. */
const POLICY_CHOICES = 100;

interface PremiumReceiptFormProps {
  readonly onBooked: (received: PremiumReceived) => void;
  readonly onCancel: () => void;
  /**
   * FEE-1 from the policy page (issue 15: issuing leads on to recording its premium): the policy is fixed and
   * named, not picked or typed, and the amount starts at what is still outstanding on it.
   */
  readonly policy?: { readonly id: string; readonly policyNumber: string; readonly enterprise: { readonly name: string } };
}

/**
 * 登记保费收入 (FEE-1): premium received against one of the insurer's policies; the server accrues the
 * prevention fee on its premium ex-tax in the same booking. FEE-1 refusals (more than the policy's premium,
 * a date after today) are shown at their fields.
 */
export function PremiumReceiptForm({ onBooked, onCancel, policy }: PremiumReceiptFormProps) {
  const { t } = useI18n();
  const api = useApi();
  const policies = useQuery({
    queryKey: [...queryKeys.underwriting, 'fees:policies'],
    queryFn: ({ signal }) => api.policies.list({ limit: POLICY_CHOICES }, signal),
    enabled: policy === undefined,
  });
  const submit = useCallback(
    (values: ReceiptValues, key: string) =>
      api.fees.receivePremium({ policyId: values.policyId, receivedOn: values.receivedOn, amountFen: yuanToFen(values.amountFen) ?? 0 }, key),
    [api],
  );
  const { form, onFinish, submitting, failure } = useApiForm<ReceiptValues, PremiumReceived>({ submit, onSuccess: onBooked, conflictsAtFields: true });

  const policyId = Form.useWatch('policyId', form);
  const received = useQuery({ queryKey: [...queryKeys.fees, `fees:receipts:${policyId ?? ''}`], queryFn: ({ signal }) => policyId ? api.fees.receipts(policyId, signal) : Promise.resolve(undefined), });

  const options = useMemo(
    () => (policy ? [policyOption(policy)] : (policies.data?.items ?? []).map(policyOption)),
    [policies.data, policy],
  );
  // The amount starts at what is left to receive on the fixed policy; the user corrects it for a part payment.
  const outstandingFen = policy ? received.data?.outstandingFen : undefined;
  useEffect(() => {
    if (outstandingFen !== undefined && outstandingFen > 0 && !form.isFieldTouched('amountFen')) {
      form.setFieldValue('amountFen', fenToYuanText(outstandingFen));
    }
  }, [form, outstandingFen]);
  const yuanRule: Rule = {
    validator: (_, value: unknown) =>
      typeof value !== 'string' || value.trim() === '' || (yuanToFen(value) ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('uw.yuanFormat'))),
  };

  return (
    <>
      <FormFailureAlert failure={failure} />
      <Form<ReceiptValues> form={form} name="premium-receipt" layout="vertical" onFinish={onFinish} initialValues={{ receivedOn: shanghaiToday(), ...(policy ? { policyId: policy.id } : {}) }}>
        <Form.Item
          name="policyId"
          label={t('fee.receipt.policy')}
          rules={[requiredSelectRule(t, t('fee.receipt.policy'))]}
          extra={
            received.data ? (
              <Typography.Text type="secondary" data-testid="receipt-outstanding">
                {t('fee.receipt.outstanding')} <Money fen={received.data.receivablePremiumFen} /> · {t('fee.receipt.receivedSoFar')}{' '}
                <Money fen={received.data.receivedFen} /> · {t('fee.receipt.left')} <Money fen={received.data.outstandingFen} />
              </Typography.Text>
            ) : undefined
          }
        >
          <Select options={options} loading={policies.isFetching} showSearch={{ optionFilterProp: 'label' }} disabled={policy !== undefined} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="receivedOn" label={t('fee.receipt.receivedOn')} rules={[requiredRule(t, t('fee.receipt.receivedOn'))]} style={{ flex: '1 1 160px' }}>
            <DateField />
          </Form.Item>
          <Form.Item
            name="amountFen"
            label={t('fee.receipt.amount')}
            rules={[requiredRule(t, t('fee.receipt.amount')), yuanRule]}
            extra={t('fee.receipt.amountHint')}
            style={{ flex: '1 1 220px' }}
          >
            <Input inputMode="decimal" suffix={t('money.unit')} />
          </Form.Item>
        </Flex>
        <FormButtons onCancel={onCancel} submitting={submitting} submitLabel={t('fee.receipt.submit')} />
      </Form>
    </>
  );
}
