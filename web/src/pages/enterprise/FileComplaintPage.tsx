import { Alert, App, Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { Complaint, FileComplaintRequest } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { describeApiError, FormFailureAlert, PageHeading, useApiForm } from '../../kit';
import { requiredRule, requiredSelectRule } from '../platform/account-rules';
import { useMyInsurers } from './insurer-names';
import { complaintPath } from '../complaints/complaint-audience';

/**
 * CMP-1: the enterprise complains about an insurer it holds a policy with (第十九条: 投保单位); the insurer is told
 * at once. Only those insurers are offered: the server refuses any other (issue 21, ACL-5).
 */
export function FileComplaintPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const insurers = useMyInsurers();
  const { nameOf } = insurers;
  const policies = useQuery({ queryKey: [...queryKeys.complaints, 'me:policy-insurers'], queryFn: ({ signal }) => api.myPolicies.list({ limit: 100 }, signal) });
  const insuring = useMemo(() => new Set((policies.data?.items ?? []).map((policy) => policy.tenantId)), [policies.data]);

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
              loading={insurers.loading || policies.isLoading}
              showSearch={{ optionFilterProp: 'label' }}
              options={insurers.insurers.filter((insurer) => insuring.has(insurer.id)).map((insurer) => ({ value: insurer.id, label: t('complaint.my.insurerOption', { branch: insurer.branchName, name: insurer.name }) }))}
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
