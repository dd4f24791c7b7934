import { Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { type HazardGrade, type PreventionService, type ServicePerson } from '../../api';
import { HAZARD_GRADES } from '../../reference/domain';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, useApiForm } from '../../kit';
import { shanghaiInstant, shanghaiLocalNow, shanghaiToday } from '../complaints/due-dates';
import { requiredRule, requiredSelectRule } from '../platform/account-rules';
import { EvidenceUploader } from './EvidenceUploader';
import { evidenceRequestOf, type UploadedEvidence } from './evidence-upload';
import { needsPrincipal } from './service-dates';
import { hazardGradeText } from './service-text';
import { expertOption, type ProviderChoices } from './useProviderChoices';
import { DateField, DateTimeField } from '../../kit/DateField';

/** The API's field names (`hazards.0.rectifyBy`, `personnel.1.expertId` …); times as Xinzhou wall-clock `YYYY-MM-DDTHH:mm`. */
interface RecordValues {
  readonly performedAt: string;
  readonly endedAt?: string;
  readonly place: string;
  readonly personnel: { readonly name: string; readonly role?: string; readonly expertId?: string }[];
  readonly items?: string[];
  readonly measures: string;
  readonly process: string;
  readonly hazards?: { readonly description: string; readonly grade: HazardGrade; readonly rectifyBy: string }[];
  readonly principalName?: string;
}

interface CompleteServiceFormProps {
  readonly service: PreventionService;
  /** The detail page's registers (SVC-6), read once there. */
  readonly providers: ProviderChoices;
  readonly onCompleted: () => void;
  readonly onFailure: (error: unknown) => void;
}

const trimmed = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

/**
 * 服务记录 (SVC-9): when and where, who (experts from the REG-3 pool, SVC-6), the items, measures and process,
 * the hazards found with their grade and rectification deadline (SVC-7: a MAJOR one needs the enterprise's
 * principal responsible person), and the evidence uploaded with its capture time and place (SVC-13).
 */
export function CompleteServiceForm({ service, providers, onCompleted, onFailure }: CompleteServiceFormProps) {
  const { t } = useI18n();
  const api = useApi();
  const [evidence, setEvidence] = useState<readonly UploadedEvidence[]>([]);

  const submit = useCallback(
    (values: RecordValues, key: string) =>
      api.services.complete(
        service.id,
        {
          performedAt: shanghaiInstant(values.performedAt),
          ...(values.endedAt ? { endedAt: shanghaiInstant(values.endedAt) } : {}),
          place: values.place.trim(),
          personnel: values.personnel.map(
            (person): ServicePerson => ({
              name: person.name.trim(),
              ...(trimmed(person.role) ? { role: trimmed(person.role) } : {}),
              ...(person.expertId ? { expertId: person.expertId } : {}),
            }),
          ),
          items: (values.items ?? []).map((item) => item.trim()).filter(Boolean),
          measures: values.measures.trim(),
          process: values.process.trim(),
          hazards: (values.hazards ?? []).map((hazard) => ({ description: hazard.description.trim(), grade: hazard.grade, rectifyBy: hazard.rectifyBy })),
          ...(trimmed(values.principalName) ? { principalName: trimmed(values.principalName) } : {}),
          evidence: evidence.map(evidenceRequestOf),
        },
        key,
      ),
    [api, service.id, evidence],
  );
  const { form, onFinish, submitting, failure } = useApiForm<RecordValues, PreventionService>({ submit, onSuccess: onCompleted, onFailure, conflictsAtFields: true });
  const hazards = Form.useWatch('hazards', form);
  const major = needsPrincipal(hazards);

  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('svc.record.intro')}
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<RecordValues>
        form={form}
        name="service-record"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{
          performedAt: shanghaiLocalNow(),
          personnel: [{ name: '' }],
          items: [...service.plannedItems],
          measures: service.plannedMeasures ?? '',
          hazards: [],
        }}
        scrollToFirstError={{ focus: true }}
      >
        <Flex gap={12} wrap>
          <Form.Item name="performedAt" label={t('svc.record.performedAt')} rules={[requiredRule(t, t('svc.record.performedAt'))]} style={{ flex: '1 1 200px' }}>
            <DateTimeField />
          </Form.Item>
          <Form.Item name="endedAt" label={t('svc.record.endedAt')} extra={t('svc.record.endedAtHint')} style={{ flex: '1 1 200px' }}>
            <DateTimeField />
          </Form.Item>
        </Flex>
        <Form.Item name="place" label={t('svc.record.place')} rules={[requiredRule(t, t('svc.record.place'))]}>
          <Input maxLength={200} />
        </Form.Item>

        <Typography.Text strong>{t('svc.record.personnel')}</Typography.Text>
        <Form.List name="personnel">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0} style={{ marginTop: 8 }}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} wrap align="flex-start">
                  <Form.Item
                    name={[field.name, 'name']}
                    label={`${t('svc.record.personName')} ${index + 1}`}
                    rules={[requiredRule(t, t('svc.record.personName'))]}
                    style={{ flex: '1 1 140px' }}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'role']} label={`${t('svc.record.personRole')} ${index + 1}`} style={{ flex: '1 1 140px' }}>
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'expertId']} label={`${t('svc.record.personExpert')} ${index + 1}`} style={{ flex: '1 1 200px' }}>
                    <Select
                      allowClear
                      options={providers.experts.map(expertOption)}
                      loading={providers.loading}
                      showSearch={{ optionFilterProp: 'label' }}
                      onChange={(expertId: string | undefined) => {
                        const expert = providers.experts.find((candidate) => candidate.id === expertId);
                        if (expert && !form.getFieldValue(['personnel', field.name, 'name'])) form.setFieldValue(['personnel', field.name, 'name'], expert.name);
                      }}
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button type="link" danger onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                      {t('form.removeRow')}
                    </Button>
                  )}
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add({ name: '' })} style={{ marginBottom: 16, alignSelf: 'flex-start' }}>
                {t('svc.record.addPerson')}
              </Button>
            </Flex>
          )}
        </Form.List>

        <Form.Item name="items" label={t('svc.record.items')} extra={t('svc.schedule.itemsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('form.required', { field: t('svc.record.items') }) }]}>
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['；', ';']} />
        </Form.Item>
        <Form.Item name="measures" label={t('svc.record.measures')} rules={[requiredRule(t, t('svc.record.measures'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
        </Form.Item>
        <Form.Item name="process" label={t('svc.record.process')} rules={[requiredRule(t, t('svc.record.process'))]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={8000} />
        </Form.Item>

        <Typography.Text strong>{t('svc.record.hazards')}</Typography.Text>
        <Form.List name="hazards">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginTop: 8, marginBottom: 16 }}>
              {fields.map((field, index) => (
                <Card key={field.key} size="small" title={`${t('svc.record.hazards')} ${index + 1}`} extra={<Button type="link" danger onClick={() => remove(field.name)}>{t('form.removeRow')}</Button>}>
                  <Form.Item
                    name={[field.name, 'description']}
                    label={`${t('svc.record.hazardDescription')} ${index + 1}`}
                    rules={[requiredRule(t, t('svc.record.hazardDescription'))]}
                  >
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
                  </Form.Item>
                  <Flex gap={12} wrap>
                    <Form.Item
                      name={[field.name, 'grade']}
                      label={`${t('svc.record.hazardGrade')} ${index + 1}`}
                      rules={[requiredSelectRule(t, t('svc.record.hazardGrade'))]}
                      style={{ flex: '1 1 160px' }}
                    >
                      <Select options={HAZARD_GRADES.map((grade) => ({ value: grade, label: hazardGradeText(grade, t) }))} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'rectifyBy']}
                      label={`${t('svc.record.hazardRectifyBy')} ${index + 1}`}
                      rules={[requiredRule(t, t('svc.record.hazardRectifyBy'))]}
                      style={{ flex: '1 1 160px' }}
                    >
                      <DateField min={shanghaiToday()} />
                    </Form.Item>
                  </Flex>
                </Card>
              ))}
              <Button type="dashed" onClick={() => add({ grade: 'GENERAL' })} style={{ alignSelf: 'flex-start' }}>
                {t('svc.record.addHazard')}
              </Button>
            </Flex>
          )}
        </Form.List>
        {major && (
          <Form.Item name="principalName" label={t('svc.record.principalName')} extra={t('svc.record.principalHint')} rules={[requiredRule(t, t('svc.record.principalName'))]}>
            <Input maxLength={50} />
          </Form.Item>
        )}

        <Typography.Text strong>{t('svc.evidence.title')}</Typography.Text>
        <div style={{ margin: '8px 0 16px' }}>
          <EvidenceUploader
            label={t('svc.evidence.title')}
            requestTicket={(request, key) => api.services.evidenceUpload(service.id, request, key)}
            value={evidence}
            onChange={setEvidence}
          />
        </div>
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('svc.record.submit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
