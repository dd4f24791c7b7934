import { Flex, Form, Input, Select } from 'antd';
import { useCallback } from 'react';
import type { CreateExpertRequest, CreateServiceOrgRequest, Expert, ServiceOrg } from '../../api';
import { useApiForm, FormFailureAlert, FormButtons } from '../../kit';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { shanghaiToday } from '../complaints/due-dates';
import { requiredRule, usccRules } from '../platform/account-rules';
import { DateField } from '../../kit/DateField';

export interface AddProviderFormProps {
  readonly onDone: () => void;
  readonly onCancel: () => void;
}

/** A list typed as tags, split on Chinese and Latin separators (an organisation's scope, an expert's specialties). */
const TagsInput = () => <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['；', ';', '、', ',', '，']} />;
const tagList = (entries: readonly string[] | undefined): string[] => (entries ?? []).map((entry) => entry.trim()).filter(Boolean);
const optional = <K extends string>(key: K, value: string | undefined) => (value?.trim() ? ({ [key]: value.trim() } as Record<K, string>) : {});

interface OrgValues extends Omit<CreateServiceOrgRequest, 'scope'> {
  readonly scope?: string[];
}

/** REG-2: registers an organisation (备案) with its registration number, validity and scope. */
export function AddServiceOrgForm({ onDone, onCancel }: AddProviderFormProps) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: OrgValues, key: string) =>
      api.providers.createOrg(
        {
          name: values.name.trim(),
          uscc: values.uscc.trim(),
          registrationNumber: values.registrationNumber.trim(),
          validFrom: values.validFrom,
          validTo: values.validTo,
          scope: tagList(values.scope),
          ...optional('contact', values.contact),
        },
        key,
      ),
    [api],
  );
  const { form, onFinish, submitting, failure } = useApiForm<OrgValues, ServiceOrg>({ submit, onSuccess: onDone, conflictsAtFields: true });
  return (
    <>
      <FormFailureAlert failure={failure} />
      <Form<OrgValues> form={form} name="service-org" layout="vertical" onFinish={onFinish} initialValues={{ validFrom: shanghaiToday(), scope: [] }}>
        <Form.Item name="name" label={t('org.name')} rules={[requiredRule(t, t('org.name'))]}>
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="uscc" label={t('org.uscc')} rules={usccRules(t, t('org.uscc'))} style={{ flex: '1 1 220px' }}>
            <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Form.Item name="registrationNumber" label={t('org.registrationNumber')} rules={[requiredRule(t, t('org.registrationNumber'))]} style={{ flex: '1 1 220px' }}>
            <Input maxLength={64} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="validFrom" label={t('org.validFrom')} rules={[requiredRule(t, t('org.validFrom'))]} style={{ flex: '1 1 160px' }}>
            <DateField />
          </Form.Item>
          <Form.Item name="validTo" label={t('org.validTo')} rules={[requiredRule(t, t('org.validTo'))]} style={{ flex: '1 1 160px' }}>
            <DateField />
          </Form.Item>
        </Flex>
        <Form.Item
          name="scope"
          label={t('org.scope')}
          extra={t('org.scopeHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('form.required', { field: t('org.scope') }) }]}
        >
          <TagsInput />
        </Form.Item>
        <Form.Item name="contact" label={t('org.contact')}>
          <Input maxLength={200} />
        </Form.Item>
        <FormButtons onCancel={onCancel} submitting={submitting} />
      </Form>
    </>
  );
}

interface ExpertValues extends Omit<CreateExpertRequest, 'specialties'> {
  readonly specialties?: string[];
}

/** REG-3: adds an expert to the pool with their specialties. */
export function AddExpertForm({ onDone, onCancel }: AddProviderFormProps) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: ExpertValues, key: string) =>
      api.providers.createExpert(
        { name: values.name.trim(), specialties: tagList(values.specialties), ...optional('title', values.title), ...optional('employer', values.employer) },
        key,
      ),
    [api],
  );
  const { form, onFinish, submitting, failure } = useApiForm<ExpertValues, Expert>({ submit, onSuccess: onDone });
  return (
    <>
      <FormFailureAlert failure={failure} />
      <Form<ExpertValues> form={form} name="expert" layout="vertical" onFinish={onFinish} initialValues={{ specialties: [] }}>
        <Form.Item name="name" label={t('expert.name')} rules={[requiredRule(t, t('expert.name'))]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="specialties"
          label={t('expert.specialties')}
          extra={t('expert.specialtiesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('form.required', { field: t('expert.specialties') }) }]}
        >
          <TagsInput />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="title" label={t('expert.titleField')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="employer" label={t('expert.employer')} style={{ flex: '1 1 220px' }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
        <FormButtons onCancel={onCancel} submitting={submitting} />
      </Form>
    </>
  );
}
