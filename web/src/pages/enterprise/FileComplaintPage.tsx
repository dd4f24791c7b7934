import { Alert, App, Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { Complaint, FileComplaintRequest } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { describeApiError, FormFailureAlert, PageHeading, useApiForm } from '../../kit';
import { requiredRule, requiredSelectRule } from '../platform/account-rules';
import { useMyInsurers } from './insurer-names';
import { complaintPath } from '../complaints/complaint-audience';

/** CMP-1: the enterprise complains about an insurer on the platform; the insurer is told at once. */
export function FileComplaintPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const insurers = useMyInsurers();
  const { nameOf } = insurers;

  const submit = useCallback((values: FileComplaintRequest, key: string) => api.myComplaints.file(values, key), [api]);
  const onSuccess = useCallback(
    (complaint: Complaint) => {
      void message.success(t('complaint.my.filed', { insurer: nameOf(complaint.tenantId) }));
      void navigate(complaintPath('enterprise', complaint));
    },
    [message, navigate, nameOf, t],
  );
  const { form, onFinish, submitting, failure } = useApiForm<FileComplaintRequest, Complaint>({ submit, onSuccess });

  return (
    <>
      <PageHeading title={t('complaint.my.newTitle')} />
      <Card style={{ maxWidth: 760 }}>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('complaint.due.intro')}
        </Typography.Paragraph>
        {Boolean(insurers.error) && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={describeApiError(insurers.error, t)}
            action={
              <Button size="small" onClick={insurers.reload}>
                {t('table.retry')}
              </Button>
            }
          />
        )}
        <FormFailureAlert failure={failure} />
        <Form<FileComplaintRequest> form={form} name="file-complaint" layout="vertical" onFinish={onFinish} scrollToFirstError={{ focus: true }}>
          <Form.Item name="insurerId" label={t('complaint.my.insurer')} rules={[requiredSelectRule(t, t('complaint.my.insurer'))]}>
            <Select
              loading={insurers.loading}
              showSearch={{ optionFilterProp: 'label' }}
              options={insurers.insurers.map((insurer) => ({ value: insurer.id, label: t('complaint.my.insurerOption', { branch: insurer.branchName, name: insurer.name }) }))}
            />
          </Form.Item>
          <Form.Item
            name="request"
            label={t('complaint.request')}
            extra={t('complaint.my.requestHint')}
            rules={[requiredRule(t, t('complaint.request'))]}
          >
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={4000} showCount />
          </Form.Item>
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => void navigate('/my/complaints')}>{t('form.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {t('form.submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
