import { App, Button, Card, Divider, Flex, Form, Input } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { CreateTenantRequest, Tenant } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, PageHeading, useApiForm } from '../../kit';
import { nameRules, usccRules } from './account-rules';
import { AdminAccountFields } from './AdminAccountFields';

/** Onboards an insurer's branch as a tenant together with its first administrator. */
export function CreateTenantPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const submit = useCallback((values: CreateTenantRequest, key: string) => api.platform.createTenant(values, key), [api]);
  const onSuccess = useCallback(
    (tenant: Tenant) => {
      void message.success(t('tenant.created', { name: tenant.name }));
      void navigate(`/platform/tenants/${encodeURIComponent(tenant.id)}`);
    },
    [message, navigate, t],
  );
  const { form, onFinish, submitting, failure } = useApiForm<CreateTenantRequest, Tenant>({ submit, onSuccess });

  return (
    <>
      <PageHeading title={t('tenant.createTitle')} />
      <Card style={{ maxWidth: 720 }}>
        <FormFailureAlert failure={failure} />
        <Form<CreateTenantRequest>
          form={form}
          name="create-tenant"
          layout="horizontal"
          labelCol={{ span: 7 }}
          wrapperCol={{ span: 15 }}
          onFinish={onFinish}
          scrollToFirstError={{ focus: true }}
        >
          <Divider titlePlacement="start" plain>
            {t('tenant.profile')}
          </Divider>
          <Form.Item name="name" label={t('tenant.name')} rules={nameRules(t, t('tenant.name'))}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="branchName" label={t('tenant.branchName')} rules={nameRules(t, t('tenant.branchName'))}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="uscc"
            label={t('tenant.uscc')}
            rules={usccRules(t, t('tenant.uscc'))}
            normalize={(value: string) => value.toUpperCase().trim()}
          >
            <Input maxLength={18} spellCheck={false} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Divider titlePlacement="start" plain>
            {t('tenant.adminSection')}
          </Divider>
          <AdminAccountFields />
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => void navigate('/platform/tenants')}>{t('form.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {t('form.submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
