import { Button, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { useCallback } from 'react';
import type { Complaint, ExtendComplaintRequest } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, useApiForm } from '../../kit';
import { requiredRule } from '../platform/account-rules';
import { complaintRuleText } from './complaint-text';

/** CMP-4's ceiling in the 2024 Xinzhou rule set; the server checks the complaint's own rule set. */
const MAX_EXTENSION_DAYS = 30;

interface ExtendComplaintFormProps {
  readonly complaint: Complaint;
  readonly onExtended: (complaint: Complaint) => void;
  readonly onFailure: (error: unknown) => void;
  readonly onCancel: () => void;
}

/** CMP-4: the one extension of a complex case — who approved it, the reason told to the complainant, the days. */
export function ExtendComplaintForm({ complaint, onExtended, onFailure, onCancel }: ExtendComplaintFormProps) {
  const { t, messages } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: ExtendComplaintRequest, key: string) => api.complaints.extend(complaint.id, values, key),
    [api, complaint.id],
  );
  const { form, onFinish, submitting, failure } = useApiForm<ExtendComplaintRequest, Complaint>({ submit, onSuccess: onExtended, onFailure });

  return (
    <>
      <Typography.Paragraph type="secondary">{complaintRuleText('CMP-4', t, messages)}</Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<ExtendComplaintRequest> form={form} name="complaint-extend" layout="vertical" onFinish={onFinish} scrollToFirstError={{ focus: true }}>
        <Form.Item name="approvedBy" label={t('complaint.extend.approvedBy')} rules={[requiredRule(t, t('complaint.extend.approvedBy'))]}>
          <Input maxLength={100} autoComplete="off" autoFocus />
        </Form.Item>
        <Form.Item name="reason" label={t('complaint.extend.reason')} rules={[requiredRule(t, t('complaint.extend.reason'))]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
        <Form.Item
          name="days"
          label={t('complaint.extend.days')}
          extra={t('complaint.extend.daysHint')}
          rules={[
            { required: true, message: t('form.required', { field: t('complaint.extend.days') }) },
            { type: 'integer', min: 1, max: MAX_EXTENSION_DAYS, message: t('complaint.extend.daysRange') },
          ]}
        >
          <InputNumber min={1} max={MAX_EXTENSION_DAYS} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('complaint.action.extend')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
