import { Checkbox, Flex, Form, Input, Typography } from 'antd';
import { useCallback, useState } from 'react';
import type { Hazard } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormButtons, FormFailureAlert, useApiForm } from '../../kit';
import { DateField } from '../../kit/DateField';
import { requiredRule } from '../platform/account-rules';
import { EvidenceUploader } from './EvidenceUploader';
import { currentLocation, type UploadedEvidence } from './evidence-upload';
import { needsPlan, onSiteRectificationRequest, reportsClosed, type OnSiteRectificationValues } from './on-site-rectification';
import { HazardGradeTag } from './ServiceTags';

/**
 * SVC-7, SVC-13: 现场代录整改 — the rectification report of an enterprise without an account, given by its person on
 * the insurer staff's device: who reported (and their title), the plan the first time, the closure with its
 * evidence; dated by the device and placed where it is (when it tells). The hazard keeps it marked 现场代录, and
 * its verification stays the insurer's own step.
 */
export function OnSiteRectificationForm({ hazard, onDone, onCancel }: { readonly hazard: Hazard; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [evidence, setEvidence] = useState<readonly UploadedEvidence[]>([]);
  const [missing, setMissing] = useState(false);
  const firstReport = needsPlan(hazard);
  const submit = useCallback(
    async (values: OnSiteRectificationValues, key: string) => {
      const outcome = onSiteRectificationRequest(hazard, values, { evidence, now: new Date(), location: await currentLocation() });
      // Checked before sending (onFinish below); kept for the type.
      if (!outcome.ok) throw new Error('SVC-7: closure evidence missing');
      return api.services.captureRectification(hazard.id, outcome.body, key);
    },
    [api, hazard, evidence],
  );
  const { form, onFinish, submitting, failure } = useApiForm<OnSiteRectificationValues, Hazard>({ submit, onSuccess: onDone });
  const closedValue = Form.useWatch('closed', form) as boolean | undefined;
  const closing = reportsClosed(hazard, { closed: closedValue });
  return (
    <>
      <Typography.Paragraph>
        <HazardGradeTag grade={hazard.grade} /> {hazard.description}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('hazard.onSiteCapture.intro', { enterprise: hazard.enterprise.name })}</Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<OnSiteRectificationValues>
        form={form}
        name="on-site-rectification"
        layout="vertical"
        initialValues={{ dueOn: hazard.rectifyBy, closed: false }}
        onFinish={(values) => {
          // SVC-7: the API refuses a closure without evidence; say so before anything is sent.
          if (reportsClosed(hazard, values) && evidence.length === 0) {
            setMissing(true);
            return;
          }
          void onFinish(values);
        }}
      >
        <Flex gap={12} wrap>
          <Form.Item name="reporterName" label={t('hazard.onSiteCapture.reporter')} rules={[requiredRule(t, t('hazard.onSiteCapture.reporter'))]} style={{ flex: '1 1 160px' }}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="reporterTitle" label={t('hazard.onSiteCapture.title')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={40} />
          </Form.Item>
        </Flex>
        {firstReport && (
          <>
            <Form.Item name="plan" label={t('hazard.my.plan')} rules={[requiredRule(t, t('hazard.my.plan'))]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} />
            </Form.Item>
            <Flex gap={12} wrap>
              <Form.Item name="dueOn" label={t('hazard.my.dueOn')} rules={[requiredRule(t, t('hazard.my.dueOn'))]} style={{ flex: '1 1 160px' }}>
                <DateField />
              </Form.Item>
              <Form.Item
                name="responsiblePerson"
                label={t('hazard.my.responsiblePerson')}
                rules={[requiredRule(t, t('hazard.my.responsiblePerson'))]}
                style={{ flex: '1 1 160px' }}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Flex>
            <Form.Item name="closed" valuePropName="checked">
              <Checkbox>{t('hazard.onSiteCapture.closed')}</Checkbox>
            </Form.Item>
          </>
        )}
        {closing && (
          <>
            <Form.Item name="closureNote" label={t('hazard.my.closureNote')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
            </Form.Item>
            <Typography.Text strong>{t('hazard.my.closureEvidence')}</Typography.Text>
            {missing && evidence.length === 0 && <Typography.Paragraph type="danger">{t('hazard.my.needsEvidence')}</Typography.Paragraph>}
            <div style={{ margin: '8px 0 16px' }}>
              <EvidenceUploader
                label={t('hazard.my.closureEvidence')}
                requestTicket={(request, key) => api.services.hazardEvidenceUpload(hazard.id, request, key)}
                value={evidence}
                onChange={setEvidence}
              />
            </div>
          </>
        )}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('hazard.onSiteCapture.device')}
        </Typography.Paragraph>
        <FormButtons onCancel={onCancel} submitting={submitting} submitLabel={t('hazard.onSiteCapture.submit')} />
      </Form>
    </>
  );
}
