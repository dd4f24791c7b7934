import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { Alert, Checkbox, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { type PreventionService, type ProviderKind, type ServiceType } from '../../api';
import { ApiError } from '../../api/api-error';
import { SERVICE_TYPES } from '../../reference/domain';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, useApiForm, FormButtons } from '../../kit';
import { shanghaiInstant } from '../complaints/due-dates';
import { requiredRule, requiredSelectRule } from '../platform/account-rules';
import { serviceTypeText } from './service-text';
import { expertOption, orgOption, useProviderChoices } from './useProviderChoices';
import { policyOption } from '../underwriting/policy-option';
import { DateTimeField } from '../../kit/DateField';

/** The form keeps the API's field names, so a 400's or 409's `details[].field` lands at its input. */
interface ScheduleValues {
  readonly policyId: string;
  readonly type: ServiceType;
  readonly deep?: boolean;
  /** A Xinzhou wall-clock time `YYYY-MM-DDTHH:mm`. */
  readonly scheduledAt: string;
  readonly provider: { readonly kind: ProviderKind; readonly orgId?: string };
  readonly expertIds?: string[];
  readonly plannedItems?: string[];
  readonly plannedMeasures?: string;
  /** SVC-4: the line of the agreed plan, counted from 0; empty: the only line of the type. */
  readonly planItem?: number;
}

const POLICY_CHOICES = 100;

interface ScheduleServiceFormProps {
  readonly initialPolicyId?: string;
  readonly onScheduled: (service: PreventionService) => void;
  readonly onCancel: () => void;
}

/**
 * 新建服务 (SVC-3, SVC-5, SVC-6): the policy, the kind of service (体检式精查 only for hazard inspections), the
 * planned time, and who provides it — the insurer's own team or a REG-2 organisation — with REG-3 experts.
 * SVC-6 refusals (an organisation not registered or not valid that day, an expert not in the pool) come back
 * as 409s at their fields.
 */
export function ScheduleServiceForm({ initialPolicyId, onScheduled, onCancel }: ScheduleServiceFormProps) {
  const { t } = useI18n();
  const api = useApi();
  const policies = useQuery({ queryKey: [...queryKeys.underwriting, 'services:policies'], queryFn: ({ signal }) => api.policies.list({ limit: POLICY_CHOICES, status: 'ISSUED' }, signal) });
  const providers = useProviderChoices();
  const submit = useCallback(
    (values: ScheduleValues, key: string) =>
      api.services.schedule(
        {
          policyId: values.policyId,
          type: values.type,
          ...(values.type === 'HAZARD_INSPECTION' ? { deep: Boolean(values.deep) } : {}),
          scheduledAt: shanghaiInstant(values.scheduledAt),
          provider: values.provider.kind === 'THIRD_PARTY' ? { kind: 'THIRD_PARTY', orgId: values.provider.orgId } : { kind: 'OWN' },
          expertIds: values.expertIds ?? [],
          plannedItems: (values.plannedItems ?? []).map((item) => item.trim()).filter(Boolean),
          ...(values.plannedMeasures?.trim() ? { plannedMeasures: values.plannedMeasures.trim() } : {}),
          ...(values.planItem === undefined ? {} : { planItem: values.planItem }),
        },
        key,
      ),
    [api],
  );
  const { form, onFinish, submitting, failure } = useApiForm<ScheduleValues, PreventionService>({ submit, onSuccess: onScheduled, conflictsAtFields: true });
  const type = Form.useWatch('type', form);
  const deep = Form.useWatch('deep', form);
  const providerKind = Form.useWatch(['provider', 'kind'], form);
  const policyId = Form.useWatch('policyId', form);
  // SVC-4: the policy's agreed plan, whose lines a service carries out; 404 is "no plan yet", not an error.
  const plan = useQuery({
    queryKey: [...queryKeys.services, `plan:${policyId}`],
    enabled: Boolean(policyId),
    queryFn: ({ signal }) =>
      api.services.plan(policyId as string, signal).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }),
  });
  const planLines = useMemo(
    () =>
      (plan.data?.items ?? []).flatMap((line, index) =>
        line.type === type && line.deep === (type === 'HAZARD_INSPECTION' && Boolean(deep))
          ? [{ value: index, label: `${t('plan.line')} ${index + 1}：${serviceTypeText(line, t)} ×${line.count}（${line.items.join('；')}）` }]
          : [],
      ),
    [plan.data, type, deep, t],
  );

  const policyOptions = useMemo(
    () => (policies.data?.items ?? []).map(policyOption),
    [policies.data],
  );
  const typeOptions = useMemo(() => SERVICE_TYPES.map((value) => ({ value, label: serviceTypeText({ type: value }, t) })), [t]);

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('svc.schedule.intro')}
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<ScheduleValues>
        form={form}
        name="schedule-service"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ policyId: initialPolicyId, provider: { kind: 'OWN' }, expertIds: [], plannedItems: [] }}
        scrollToFirstError={{ focus: true }}
      >
        <Form.Item name="policyId" label={t('svc.field.policy')} rules={[requiredSelectRule(t, t('svc.field.policy'))]}>
          <Select options={policyOptions} loading={policies.isFetching} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="type" label={t('svc.field.type')} rules={[requiredSelectRule(t, t('svc.field.type'))]} style={{ flex: '1 1 200px' }}>
            <Select options={typeOptions} />
          </Form.Item>
          <Form.Item name="scheduledAt" label={t('svc.field.scheduledAt')} rules={[requiredRule(t, t('svc.field.scheduledAt'))]} style={{ flex: '1 1 200px' }}>
            <DateTimeField />
          </Form.Item>
        </Flex>
        {type === 'HAZARD_INSPECTION' && (
          <Form.Item name="deep" valuePropName="checked" extra={t('svc.schedule.deepHint')}>
            <Checkbox>{t('svc.deep')}</Checkbox>
          </Form.Item>
        )}
        {plan.data === null && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('svc.schedule.noPlan')} />}
        {plan.data && type && planLines.length === 0 && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('svc.schedule.notInPlan')} />}
        {plan.data && planLines.length > 0 && (
          <Form.Item name="planItem" label={t('svc.field.planItem')} extra={t('svc.schedule.planItemHint')}>
            <Select allowClear options={planLines} />
          </Form.Item>
        )}
        <Form.Item name={['provider', 'kind']} label={t('svc.field.provider')}>
          <Radio.Group options={[
            { value: 'OWN', label: t('svc.provider.OWN') },
            { value: 'THIRD_PARTY', label: t('svc.provider.THIRD_PARTY') },
          ]} />
        </Form.Item>
        {providerKind === 'THIRD_PARTY' && (
          <Form.Item
            name={['provider', 'orgId']}
            label={t('svc.field.org')}
            rules={[requiredSelectRule(t, t('svc.field.org'))]}
            extra={t('svc.schedule.orgHint')}
          >
            <Select options={providers.orgs.map(orgOption)} loading={providers.loading} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        )}
        <Form.Item name="expertIds" label={t('svc.field.experts')}>
          <Select mode="multiple" options={providers.experts.map(expertOption)} loading={providers.loading} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="plannedItems" label={t('svc.field.plannedItems')} extra={t('svc.schedule.itemsHint')}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['；', ';']} />
        </Form.Item>
        <Form.Item name="plannedMeasures" label={t('svc.field.plannedMeasures')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <FormButtons onCancel={onCancel} submitting={submitting} submitLabel={t('svc.schedule.submit')} />
      </Form>
    </>
  );
}
