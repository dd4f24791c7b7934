import { App, Button, Card, Divider, Flex, Form, Input, Select } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { type CreateRegulatorRequest, type Regulator } from '../../api';
import { AGENCIES } from '../../reference/domain';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, PageHeading, useApiForm } from '../../kit';
import { XINZHOU_COUNTIES } from '../../reference/xinzhou-counties';
import { nameRules, requiredSelectRule } from './account-rules';
import { AdminAccountFields } from './AdminAccountFields';

/** Onboards a regulator with its first administrator; a county EMB names its county. */
export function CreateRegulatorPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();

  const submit = useCallback((values: CreateRegulatorRequest, key: string) => api.platform.createRegulator(values, key), [api]);
  const onSuccess = useCallback(
    (regulator: Regulator) => {
      void message.success(t('regulator.created', { name: regulator.name }));
      void navigate('/platform/regulators');
    },
    [message, navigate, t],
  );
  const { form, onFinish, submitting, failure } = useApiForm<CreateRegulatorRequest, Regulator>({ submit, onSuccess });
  const agency = Form.useWatch('agency', form);

  return (
    <>
      <PageHeading title={t('regulator.createTitle')} />
      <Card style={{ maxWidth: 720 }}>
        <FormFailureAlert failure={failure} />
        <Form<CreateRegulatorRequest>
          form={form}
          name="create-regulator"
          layout="horizontal"
          labelCol={{ span: 7 }}
          wrapperCol={{ span: 15 }}
          onFinish={onFinish}
          scrollToFirstError={{ focus: true }}
        >
          <Divider titlePlacement="start" plain>
            {t('tenant.profile')}
          </Divider>
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
          <Divider titlePlacement="start" plain>
            {t('regulator.adminSection')}
          </Divider>
          <AdminAccountFields />
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => void navigate('/platform/regulators')}>{t('form.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={submitting}>
              {t('form.submit')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
