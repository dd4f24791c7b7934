import { Button, Flex, Form, Input, Radio, Typography } from 'antd';
import { type Complaint, type EscalateComplaintRequest } from '../../api';
import { ESCALATION_TARGETS } from '../../reference/domain';
import { useI18n } from '../../i18n';
import { FormFailureAlert, useApiForm } from '../../kit';
import { requiredRule, requiredSelectRule } from '../platform/account-rules';
import { complaintRuleText } from './complaint-text';

interface EscalateFormProps {
  readonly submit: (values: EscalateComplaintRequest, idempotencyKey: string) => Promise<Complaint>;
  readonly onDone: (complaint: Complaint) => void;
  readonly onFailure: (error: unknown) => void;
  readonly onCancel: () => void;
  readonly submitLabel: string;
}

/** CMP-6: to the EMB or the NFRA, and why — the enterprise's own escalation or the insurer's record of it. */
export function EscalateForm({ submit, onDone, onFailure, onCancel, submitLabel }: EscalateFormProps) {
  const { t, messages } = useI18n();
  const { form, onFinish, submitting, failure } = useApiForm<EscalateComplaintRequest, Complaint>({ submit, onSuccess: onDone, onFailure });
  return (
    <>
      <Typography.Paragraph type="secondary">{complaintRuleText('CMP-6', t, messages)}</Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<EscalateComplaintRequest> form={form} name="complaint-escalate" layout="vertical" onFinish={onFinish} scrollToFirstError={{ focus: true }}>
        <Form.Item name="to" label={t('complaint.escalate.to')} rules={[requiredSelectRule(t, t('complaint.escalate.to'))]}>
          <Radio.Group
            aria-label={t('complaint.escalate.to')}
            options={ESCALATION_TARGETS.map((value) => ({ value, label: t(`complaint.targetOption.${value}`) }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('complaint.escalate.reason')} rules={[requiredRule(t, t('complaint.escalate.reason'))]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {submitLabel}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
