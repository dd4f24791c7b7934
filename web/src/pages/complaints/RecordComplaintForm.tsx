import { Button, Flex, Form, Input, Select } from 'antd';
import { useCallback, useMemo } from 'react';
import { type Complaint, type InsurerIntakeChannel } from '../../api';
import { INSURER_INTAKE_CHANNELS } from '../../reference/domain';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, useApiForm } from '../../kit';
import { shanghaiInstant, shanghaiLocalNow } from './due-dates';
import { requiredRule, requiredSelectRule, usccRules } from '../platform/account-rules';
import { DateTimeField } from '../../kit/DateField';

interface RecordComplaintValues {
  readonly enterpriseUscc: string;
  /** `YYYY-MM-DDTHH:mm`, a wall-clock time in Asia/Shanghai. */
  readonly receivedAt: string;
  readonly channel: InsurerIntakeChannel;
  readonly request: string;
}

/**
 * CMP-1: a complaint the insurer received by phone, letter, visit or online. The time is typed as Beijing
 * time in a native date-time field (keyboard friendly), and sent with its +08:00 offset.
 */
export function RecordComplaintForm({ onRecorded, onCancel }: { readonly onRecorded: (complaint: Complaint) => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const now = useMemo(() => shanghaiLocalNow(), []);
  const submit = useCallback(
    (values: RecordComplaintValues, key: string) => api.complaints.receive({ ...values, receivedAt: shanghaiInstant(values.receivedAt) }, key),
    [api],
  );
  const { form, onFinish, submitting, failure } = useApiForm<RecordComplaintValues, Complaint>({ submit, onSuccess: onRecorded });

  return (
    <>
      <FormFailureAlert failure={failure} />
      <Form<RecordComplaintValues>
        form={form}
        name="record-complaint"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ receivedAt: now }}
        scrollToFirstError={{ focus: true }}
      >
        <Form.Item
          name="enterpriseUscc"
          label={t('complaint.enterpriseUscc')}
          rules={usccRules(t, t('complaint.enterpriseUscc'))}
          normalize={(value: string) => value.toUpperCase().trim()}
        >
          <Input maxLength={18} spellCheck={false} autoComplete="off" style={{ fontFamily: 'monospace' }} autoFocus />
        </Form.Item>
        <Form.Item
          name="receivedAt"
          label={t('complaint.record.receivedAt')}
          extra={t('complaint.record.receivedAtHint')}
          rules={[
            requiredRule(t, t('complaint.record.receivedAt')),
            {
              validator: (_, value: unknown) =>
                typeof value !== 'string' || value === '' || value <= shanghaiLocalNow()
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('complaint.record.future'))),
            },
          ]}
        >
          <DateTimeField max={now} style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="channel" label={t('complaint.channel')} rules={[requiredSelectRule(t, t('complaint.channel'))]}>
          <Select style={{ width: 240 }} options={INSURER_INTAKE_CHANNELS.map((value) => ({ value, label: t(`complaint.channel.${value}`) }))} />
        </Form.Item>
        <Form.Item name="request" label={t('complaint.request')} rules={[requiredRule(t, t('complaint.request'))]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} showCount />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('form.submit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
