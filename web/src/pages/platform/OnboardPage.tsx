import { App, Button, Card, Divider, Flex, Form, Input, Select } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { CreateRegulatorRequest, CreateTenantRequest } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n, type MessageKey } from '../../i18n';
import { FormFailureAlert, PageHeading, useApiForm } from '../../kit';
import { AGENCIES } from '../../reference/domain';
import { XINZHOU_COUNTIES } from '../../reference/xinzhou-counties';
import { nameRules, requiredSelectRule, usccRules } from './account-rules';
import { AdminAccountFields } from './AdminAccountFields';

/** What the platform operator onboards: an insurer's branch (a tenant) or a regulator. */
export type OnboardKind = 'tenant' | 'regulator';

type OnboardRequest = CreateTenantRequest | CreateRegulatorRequest;

interface OnboardVariant {
  readonly title: MessageKey;
  readonly formName: string;
  readonly listPath: string;
  readonly adminSection: MessageKey;
}

const VARIANTS: Readonly<Record<OnboardKind, OnboardVariant>> = {
  tenant: { title: 'tenant.createTitle', formName: 'create-tenant', listPath: '/platform/tenants', adminSection: 'tenant.adminSection' },
  regulator: { title: 'regulator.createTitle', formName: 'create-regulator', listPath: '/platform/regulators', adminSection: 'regulator.adminSection' },
};

/**
 * Onboards an organisation together with its first administrator: an insurer's branch as a tenant (then its
 * page opens), or a regulator (a county EMB names its county; then the list of regulators opens).
 */
export function OnboardPage({ kind }: { readonly kind: OnboardKind }) {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const variant = VARIANTS[kind];

  const submit = useCallback(
    async (values: OnboardRequest, key: string): Promise<{ readonly name: string; readonly path: string }> => {
      if (kind === 'tenant') {
        const tenant = await api.platform.createTenant(values as CreateTenantRequest, key);
        return { name: tenant.name, path: `/platform/tenants/${encodeURIComponent(tenant.id)}` };
      }
      const regulator = await api.platform.createRegulator(values as CreateRegulatorRequest, key);
      return { name: regulator.name, path: '/platform/regulators' };
    },
    [api, kind],
  );
  const onSuccess = useCallback(
    (created: { readonly name: string; readonly path: string }) => {
      void message.success(t(kind === 'tenant' ? 'tenant.created' : 'regulator.created', { name: created.name }));
      void navigate(created.path);
    },
    [kind, message, navigate, t],
  );
  const { form, onFinish, submitting, failure } = useApiForm<OnboardRequest, { readonly name: string; readonly path: string }>({ submit, onSuccess });

  return (
    <>
      <PageHeading title={t(variant.title)} />
      <Card style={{ maxWidth: 720 }}>
        <FormFailureAlert failure={failure} />
        <Form<OnboardRequest>
          form={form}
          name={variant.formName}
          layout="horizontal"
          labelCol={{ span: 7 }}
          wrapperCol={{ span: 15 }}
          onFinish={onFinish}
          scrollToFirstError={{ focus: true }}
        >
          <Divider titlePlacement="start" plain>
            {t('tenant.profile')}
          </Divider>
          {kind === 'tenant' ? <TenantProfileFields /> : <RegulatorProfileFields />}
          <Divider titlePlacement="start" plain>
            {t(variant.adminSection)}
          </Divider>
          <AdminAccountFields />
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => void navigate(variant.listPath)}>{t('form.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {t('form.submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}

function TenantProfileFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name="name" label={t('tenant.name')} rules={nameRules(t, t('tenant.name'))}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="branchName" label={t('tenant.branchName')} rules={nameRules(t, t('tenant.branchName'))}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="uscc" label={t('tenant.uscc')} rules={usccRules(t, t('tenant.uscc'))} normalize={(value: string) => value.toUpperCase().trim()}>
        <Input maxLength={18} spellCheck={false} style={{ fontFamily: 'monospace' }} />
      </Form.Item>
    </>
  );
}

function RegulatorProfileFields() {
  const { t, locale } = useI18n();
  const agency = Form.useWatch('agency', Form.useFormInstance()) as CreateRegulatorRequest['agency'] | undefined;
  return (
    <>
      <Form.Item name="agency" label={t('regulator.agency')} rules={[requiredSelectRule(t, t('regulator.agency'))]}>
        <Select options={AGENCIES.map((value) => ({ value, label: t(`agency.${value}`) }))} />
      </Form.Item>
      {agency === 'EMB_COUNTY' && (
        <Form.Item name="county" label={t('regulator.county')} rules={[requiredSelectRule(t, t('regulator.county'))]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={XINZHOU_COUNTIES.map((county) => ({
              value: county.code,
              label: `${locale.startsWith('zh') ? county.nameZh : county.nameEn}（${county.code}）`,
            }))}
          />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('regulator.name')} rules={nameRules(t, t('regulator.name'))}>
        <Input maxLength={100} />
      </Form.Item>
    </>
  );
}

export const CreateTenantPage = () => <OnboardPage kind="tenant" />;
export const CreateRegulatorPage = () => <OnboardPage kind="regulator" />;
