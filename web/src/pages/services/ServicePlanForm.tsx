import { Button, Card, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Tag, Typography } from 'antd';
import { useCallback } from 'react';
import { type ProviderKind, type RiskAssessmentResult, type ServicePlan, type ServicePlanRequest, type ServiceType } from '../../api';
import { SERVICE_TYPES } from '../../reference/domain';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, useApiForm, FormButtons } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { requiredRule, requiredSelectRule } from '../platform/account-rules';
import { serviceTypeText } from './service-text';
import { orgOption, useProviderChoices } from './useProviderChoices';
import { DateField } from '../../kit/DateField';

interface PlanLineValues {
  readonly type: ServiceType;
  readonly deep?: boolean;
  readonly count: number;
  readonly items?: string[];
  readonly measures: string;
  readonly provider: { readonly kind: ProviderKind; readonly orgId?: string };
  readonly personnel?: string[];
}

interface PlanValues {
  readonly items: PlanLineValues[];
  readonly goals: string;
  readonly support: string;
  readonly basis: string;
  readonly agreedBy: string;
  readonly agreedOn: string;
}

const initialOf = (plan: ServicePlan | undefined, risk: RiskAssessmentResult | undefined): Partial<PlanValues> =>
  plan
    ? {
        items: plan.items.map((item) => ({
          type: item.type,
          deep: item.deep,
          count: item.count,
          items: [...item.items],
          measures: item.measures,
          provider: { kind: item.provider.kind, orgId: item.provider.orgId },
          personnel: [...item.personnel],
        })),
        goals: plan.goals,
        support: plan.support,
        basis: plan.basis,
        agreedBy: plan.agreedBy,
        agreedOn: plan.agreedOn,
      }
    : {
        // SVC-12: the grade's proposals as a start; the insurer completes the lines with the enterprise.
        items: (risk?.proposedExtra ?? []).map((extra) => ({ type: extra.type, deep: extra.deep, count: extra.count, items: [], measures: '', provider: { kind: 'OWN' }, personnel: [] })),
        agreedOn: shanghaiToday(),
      };

/**
 * SVC-4 服务计划: one line per kind of service — how often, what and how, by whom (SVC-6) — with the goals, the
 * support and the enterprise's safety basis, agreed by a named person. SVC-1 shortfalls come back as a 400
 * naming `items` with one finding each, shown above the form.
 */
export function ServicePlanForm({
  policyId,
  plan,
  risk,
  onSaved,
  onCancel,
}: {
  readonly policyId: string;
  readonly plan?: ServicePlan;
  readonly risk?: RiskAssessmentResult;
  readonly onSaved: (plan: ServicePlan) => void;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const providers = useProviderChoices();
  const submit = useCallback(
    (values: PlanValues, key: string) => {
      const body: ServicePlanRequest = {
        items: (values.items ?? []).map((line) => ({
          type: line.type,
          deep: line.type === 'HAZARD_INSPECTION' ? Boolean(line.deep) : false,
          count: line.count,
          items: (line.items ?? []).map((item) => item.trim()).filter(Boolean),
          measures: line.measures.trim(),
          provider: line.provider.kind === 'THIRD_PARTY' ? { kind: 'THIRD_PARTY', orgId: line.provider.orgId } : { kind: 'OWN' },
          personnel: (line.personnel ?? []).map((person) => person.trim()).filter(Boolean),
        })),
        goals: values.goals.trim(),
        support: values.support.trim(),
        basis: values.basis.trim(),
        agreedBy: values.agreedBy.trim(),
        agreedOn: values.agreedOn,
      };
      return api.services.savePlan(policyId, body, key);
    },
    [api, policyId],
  );
  const { form, onFinish, submitting, failure } = useApiForm<PlanValues, ServicePlan>({ submit, onSuccess: onSaved, conflictsAtFields: true });
  const lines = Form.useWatch('items', form);
  const typeOptions = SERVICE_TYPES.map((value) => ({ value, label: serviceTypeText({ type: value }, t) }));

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('plan.intro')}
      </Typography.Paragraph>
      {risk && (
        <Typography.Paragraph>
          {t('obl.risk.title')}：<Tag>{t(`obl.risk.grade.${risk.grade}`)}</Tag>
        </Typography.Paragraph>
      )}
      <FormFailureAlert failure={failure} />
      <Form<PlanValues> form={form} name="service-plan" layout="vertical" onFinish={onFinish} initialValues={initialOf(plan, risk)} scrollToFirstError={{ focus: true }}>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              {fields.map((field, index) => {
                const line = lines?.[field.name];
                return (
                  <Card key={field.key} size="small" title={`${t('plan.lines')} ${index + 1}`} extra={<Button type="link" danger onClick={() => remove(field.name)}>{t('form.removeRow')}</Button>}>
                    <Flex gap={12} wrap>
                      <Form.Item name={[field.name, 'type']} label={`${t('svc.field.type')} ${index + 1}`} rules={[requiredSelectRule(t, t('svc.field.type'))]} style={{ flex: '1 1 200px' }}>
                        <Select options={typeOptions} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'count']} label={`${t('plan.count')} ${index + 1}`} rules={[{ required: true, message: t('form.required', { field: t('plan.count') }) }]} style={{ flex: '0 1 120px' }}>
                        <InputNumber min={1} max={52} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                      {line?.type === 'HAZARD_INSPECTION' && (
                        <Form.Item name={[field.name, 'deep']} valuePropName="checked" style={{ flex: '0 1 140px', marginTop: 30 }}>
                          <Checkbox>{t('svc.deep')}</Checkbox>
                        </Form.Item>
                      )}
                    </Flex>
                    <Form.Item name={[field.name, 'items']} label={`${t('plan.items')} ${index + 1}`} extra={t('svc.schedule.itemsHint')}>
                      <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['；', ';']} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'measures']} label={`${t('plan.measures')} ${index + 1}`} rules={[requiredRule(t, t('plan.measures'))]}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
                    </Form.Item>
                    <Flex gap={12} wrap>
                      <Form.Item name={[field.name, 'provider', 'kind']} label={`${t('svc.field.provider')} ${index + 1}`} style={{ flex: '1 1 260px' }}>
                        <Radio.Group options={[{ value: 'OWN', label: t('svc.provider.OWN') }, { value: 'THIRD_PARTY', label: t('svc.provider.THIRD_PARTY') }]} />
                      </Form.Item>
                      {line?.provider?.kind === 'THIRD_PARTY' && (
                        <Form.Item name={[field.name, 'provider', 'orgId']} label={`${t('svc.field.org')} ${index + 1}`} rules={[requiredSelectRule(t, t('svc.field.org'))]} style={{ flex: '1 1 260px' }}>
                          <Select options={providers.orgs.map(orgOption)} loading={providers.loading} showSearch={{ optionFilterProp: 'label' }} />
                        </Form.Item>
                      )}
                    </Flex>
                    <Form.Item name={[field.name, 'personnel']} label={`${t('plan.personnel')} ${index + 1}`} extra={t('svc.schedule.itemsHint')}>
                      <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['；', ';', '、']} />
                    </Form.Item>
                  </Card>
                );
              })}
              <Button type="dashed" onClick={() => add({ count: 1, items: [], measures: '', provider: { kind: 'OWN' }, personnel: [] })} style={{ alignSelf: 'flex-start' }}>
                {t('plan.addLine')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="goals" label={t('plan.goals')} rules={[requiredRule(t, t('plan.goals'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="support" label={t('plan.support')} rules={[requiredRule(t, t('plan.support'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="basis" label={t('plan.basis')} rules={[requiredRule(t, t('plan.basis'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={4000} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="agreedBy" label={t('plan.agreedBy')} rules={[requiredRule(t, t('plan.agreedBy'))]} style={{ flex: '1 1 200px' }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="agreedOn" label={t('plan.agreedOn')} rules={[requiredRule(t, t('plan.agreedOn'))]} style={{ flex: '1 1 200px' }}>
            <DateField />
          </Form.Item>
        </Flex>
        <FormButtons onCancel={onCancel} submitting={submitting} submitLabel={t('plan.submit')} />
      </Form>
    </>
  );
}
