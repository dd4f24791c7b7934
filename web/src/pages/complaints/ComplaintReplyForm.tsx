import { Button, Flex, Form, Input, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useCallback } from 'react';
import type { Complaint, ReplyToComplaintRequest } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, useApiForm } from '../../kit';

const PARTS = ['request', 'facts', 'basis', 'measures'] as const satisfies readonly (keyof ReplyToComplaintRequest)[];

interface ComplaintReplyFormProps {
  readonly complaint: Complaint;
  readonly onReplied: (complaint: Complaint) => void;
  readonly onFailure: (error: unknown) => void;
}

/**
 * CMP-5: the reply's four parts, each a labelled text area. An empty part is flagged before sending; the
 * server stays the judge (a blank part, spaces only, comes back as a 400 naming that field and CMP-5, and
 * is shown under it).
 */
export function ComplaintReplyForm({ complaint, onReplied, onFailure }: ComplaintReplyFormProps) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: ReplyToComplaintRequest, key: string) => api.complaints.reply(complaint.id, values, key),
    [api, complaint.id],
  );
  const { form, onFinish, submitting, failure } = useApiForm<ReplyToComplaintRequest, Complaint>({ submit, onSuccess: onReplied, onFailure });
  const partRules: Rule[] = [{ required: true, message: `${t('rule.CMP-5')}（CMP-5）` }];

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('complaint.reply.intro')}
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<ReplyToComplaintRequest>
        form={form}
        name="complaint-reply"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ request: complaint.request }}
        scrollToFirstError={{ focus: true }}
      >
        {PARTS.map((part) => (
          <Form.Item key={part} name={part} label={t(`complaint.reply.${part}`)} rules={partRules}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={4000} />
          </Form.Item>
        ))}
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('complaint.reply.submit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
