import { App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { IssueNoticeRequest, NoticeSubjectKind } from '../../../api';
import { useApi } from '../../../app/ServicesContext';
import { useI18n } from '../../../i18n';
import { FormFailureAlert, useApiForm } from '../../../kit';
import { DateField } from '../../../kit/DateField';
import { useInvalidate } from '../../../kit/useInvalidate';
import { shanghaiToday } from '../../complaints/due-dates';
import { requiredRule } from '../../platform/account-rules';

interface IssueNoticeButtonProps {
  readonly tenantId: string;
  readonly kind: NoticeSubjectKind;
  readonly subjectId: string;
  /** The item as the regulator sees it on the page (an enterprise, a fee year). */
  readonly label: string;
  readonly size?: 'small' | 'middle';
}

/**
 * 督办 (SUP-1): issues a notice about the item of the page it sits on — the regulator never types an id. The
 * server checks the item is the insurer's and within the caller's county (ACL-4).
 */
export function IssueNoticeButton({ tenantId, kind, subjectId, label, size }: IssueNoticeButtonProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size={size} onClick={() => setOpen(true)}>
        {t('notice.issue')}
      </Button>
      <Modal open={open} title={t('notice.issueTitle')} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        {open && (
          <IssueNoticeForm
            request={{ tenantId, kind, subjectId, label }}
            onDone={() => {
              setOpen(false);
              void message.success(t('notice.issued'));
            }}
            onCancel={() => setOpen(false)}
          />
        )}
      </Modal>
    </>
  );
}

interface NoticeFormValues {
  readonly dueOn: string;
  readonly text: string;
}

function IssueNoticeForm({
  request,
  onDone,
  onCancel,
}: {
  readonly request: Omit<IssueNoticeButtonProps, 'size'>;
  readonly onDone: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const invalidate = useInvalidate('supervision');
  const submit = useCallback(
    (values: NoticeFormValues, key: string) => {
      const body: IssueNoticeRequest = {
        tenantId: request.tenantId,
        subject: { kind: request.kind, id: request.subjectId },
        dueOn: values.dueOn,
        text: values.text.trim(),
      };
      return api.notices.issue(body, key);
    },
    [api, request],
  );
  const { form, onFinish, submitting, failure } = useApiForm<NoticeFormValues, unknown>({
    submit,
    onSuccess: () => {
      invalidate();
      onDone();
    },
  });
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('notice.issueIntro', { subject: `${t(`notice.kind.${request.kind}`)}：${request.label}` })}
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<NoticeFormValues> form={form} name="issue-notice" layout="vertical" onFinish={onFinish}>
        <Form.Item name="dueOn" label={t('notice.dueOn')} rules={[requiredRule(t, t('notice.dueOn'))]}>
          <DateField style={{ width: 170 }} min={shanghaiToday()} />
        </Form.Item>
        <Form.Item name="text" label={t('notice.text')} rules={[requiredRule(t, t('notice.text'))]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('notice.issueSubmit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
