import { Button, Flex, Form, Input, Radio, Rate, Typography, type RateProps } from 'antd';
import { useCallback, useState } from 'react';
import { type ConfirmScheduleRequest, type FollowUpChannel, type PreventionService } from '../../api';
import { FOLLOW_UP_CHANNELS } from '../../reference/domain';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, useApiForm } from '../../kit';
import { shanghaiInstant, shanghaiLocalNow } from '../complaints/due-dates';
import { requiredRule, requiredSelectRule } from '../platform/account-rules';
import { currentLocation } from './evidence-upload';
import { DateTimeField } from '../../kit/DateField';

interface ActionFormProps {
  readonly onDone: (service: PreventionService) => void;
  readonly onFailure?: (error: unknown) => void;
  readonly onCancel?: () => void;
}

/**
 * antd's Rate, without the `aria-required` Form.Item gives a required field: on Rate's `<ul>` (a list, not a
 * radio group) it is not an allowed attribute (axe-core aria-allowed-attr, critical; issue 15). The rating
 * always holds a value (5 to start with), so there is nothing left to require.
 */
function SatisfactionRate({ 'aria-required': _required, ...props }: RateProps & { readonly 'aria-required'?: unknown }) {
  return <Rate {...props} />;
}

const Buttons = ({ submitting, label, onCancel }: { readonly submitting: boolean; readonly label: string; readonly onCancel?: () => void }) => {
  const { t } = useI18n();
  return (
    <Flex gap={8} justify="flex-end">
      {onCancel && <Button onClick={onCancel}>{t('form.cancel')}</Button>}
      <Button type="primary" htmlType="submit" loading={submitting}>
        {label}
      </Button>
    </Flex>
  );
};

/** SVC-5: the enterprise's person who agreed the items, measures and time (the insurer's or the enterprise's route). */
export function ConfirmScheduleForm({
  submit,
  onDone,
  onFailure,
  onCancel,
}: ActionFormProps & { readonly submit: (body: ConfirmScheduleRequest, key: string) => Promise<PreventionService> }) {
  const { t } = useI18n();
  const send = useCallback((values: ConfirmScheduleRequest, key: string) => submit({ confirmedByName: values.confirmedByName.trim() }, key), [submit]);
  const { form, onFinish, submitting, failure } = useApiForm<ConfirmScheduleRequest, PreventionService>({ submit: send, onSuccess: onDone, onFailure });
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('svc.confirmSchedule.intro')}
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<ConfirmScheduleRequest> form={form} name="confirm-schedule" layout="vertical" onFinish={onFinish}>
        <Form.Item name="confirmedByName" label={t('svc.confirmSchedule.name')} rules={[requiredRule(t, t('svc.confirmSchedule.name'))]}>
          <Input maxLength={50} />
        </Form.Item>
        <Buttons submitting={submitting} label={t('svc.confirmSchedule.submit')} onCancel={onCancel} />
      </Form>
    </>
  );
}

interface FollowUpValues {
  readonly channel: FollowUpChannel;
  readonly satisfaction: number;
  readonly comments: string;
}

/** SVC-8: 回访 — channel, satisfaction 1..5 and the enterprise's comments; late ones are recorded as late. */
export function FollowUpForm({ service, onDone, onFailure }: ActionFormProps & { readonly service: PreventionService }) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: FollowUpValues, key: string) => api.services.followUp(service.id, { channel: values.channel, satisfaction: values.satisfaction, comments: values.comments.trim() }, key),
    [api, service.id],
  );
  const { form, onFinish, submitting, failure } = useApiForm<FollowUpValues, PreventionService>({ submit, onSuccess: onDone, onFailure });
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('svc.followUp.intro')}
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<FollowUpValues> form={form} name="follow-up" layout="vertical" onFinish={onFinish} initialValues={{ channel: 'PHONE', satisfaction: 5 }}>
        <Form.Item name="channel" label={t('svc.followUp.channel')} rules={[requiredSelectRule(t, t('svc.followUp.channel'))]}>
          <Radio.Group options={FOLLOW_UP_CHANNELS.map((channel) => ({ value: channel, label: t(`svc.followUp.channel.${channel}`) }))} />
        </Form.Item>
        <Form.Item name="satisfaction" label={t('svc.followUp.satisfaction')} rules={[requiredSelectRule(t, t('svc.followUp.satisfaction'))]}>
          <SatisfactionRate count={5} aria-label={t('svc.followUp.satisfaction')} />
        </Form.Item>
        <Form.Item name="comments" label={t('svc.followUp.comments')} rules={[requiredRule(t, t('svc.followUp.comments'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Buttons submitting={submitting} label={t('svc.followUp.submit')} />
      </Form>
    </>
  );
}

interface ConfirmValues {
  readonly signerName: string;
  readonly signerTitle?: string;
  /** A Xinzhou wall-clock time `YYYY-MM-DDTHH:mm`; only the insurer's form shows it (a paper signature is entered after the fact). */
  readonly signedAt?: string;
}

/**
 * SVC-9, SVC-13: one party's own signature on the record by a named person — the insurer's on its page, the
 * enterprise's on its own (never the insurer for the enterprise: see {@link OnSiteSignatureForm}). The insurer may
 * give the time it signed on paper; the enterprise's form signs now.
 */
export function ConfirmRecordForm({
  submit,
  askTime,
  onDone,
  onFailure,
  onCancel,
}: ActionFormProps & {
  readonly submit: (body: { signerName: string; signerTitle?: string; signedAt: string }, key: string) => Promise<PreventionService>;
  /** Asks when it was signed (the insurer entering its paper signature); otherwise the signature is dated now. */
  readonly askTime: boolean;
}) {
  const { t } = useI18n();
  // The field shows the minute the form opened; left as it is, the signature is dated the moment it is sent,
  // so a signature made right after the record is not flagged as predating it (SVC-13) by the minute's rounding.
  const [openedAt] = useState(shanghaiLocalNow);
  const send = useCallback(
    (values: ConfirmValues, key: string) =>
      submit(
        {
          signerName: values.signerName.trim(),
          ...(values.signerTitle?.trim() ? { signerTitle: values.signerTitle.trim() } : {}),
          signedAt: askTime && values.signedAt && values.signedAt !== openedAt ? shanghaiInstant(values.signedAt) : new Date().toISOString(),
        },
        key,
      ),
    [submit, askTime, openedAt],
  );
  const { form, onFinish, submitting, failure } = useApiForm<ConfirmValues, PreventionService>({ submit: send, onSuccess: onDone, onFailure });
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('svc.confirm.intro')}
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<ConfirmValues> form={form} name="confirm-record" layout="vertical" onFinish={onFinish} initialValues={{ signedAt: openedAt }}>
        <SignerFields />
        {askTime ? (
          <Form.Item name="signedAt" label={t('svc.confirm.signedAt')} rules={[requiredRule(t, t('svc.confirm.signedAt'))]}>
            <DateTimeField />
          </Form.Item>
        ) : (
          <Typography.Paragraph type="secondary">{t('svc.my.signedNow')}</Typography.Paragraph>
        )}
        <Buttons submitting={submitting} label={t('svc.confirm.submit')} onCancel={onCancel} />
      </Form>
    </>
  );
}

function SignerFields() {
  const { t } = useI18n();
  return (
    <Flex gap={12} wrap>
      <Form.Item name="signerName" label={t('svc.confirm.signerName')} rules={[requiredRule(t, t('svc.confirm.signerName'))]} style={{ flex: '1 1 160px' }}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="signerTitle" label={t('svc.confirm.signerTitle')} style={{ flex: '1 1 160px' }}>
        <Input maxLength={50} />
      </Form.Item>
    </Flex>
  );
}

/**
 * SVC-9, SVC-13: the enterprise's signer signs on this (the service staff's) device — offered only for an
 * enterprise without an account. Dated now and placed where the device is (when it tells); the platform keeps it
 * marked as captured on site, and flags a missing position.
 */
export function OnSiteSignatureForm({ service, onDone, onFailure }: ActionFormProps & { readonly service: PreventionService }) {
  const { t } = useI18n();
  const api = useApi();
  const send = useCallback(
    async (values: ConfirmValues, key: string) => {
      const location = await currentLocation();
      return api.services.onSiteSignature(
        service.id,
        {
          signerName: values.signerName.trim(),
          ...(values.signerTitle?.trim() ? { signerTitle: values.signerTitle.trim() } : {}),
          signedAt: new Date().toISOString(),
          ...(location ? { location } : {}),
        },
        key,
      );
    },
    [api, service.id],
  );
  const { form, onFinish, submitting, failure } = useApiForm<ConfirmValues, PreventionService>({ submit: send, onSuccess: onDone, onFailure });
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('svc.onSite.intro')}
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<ConfirmValues> form={form} name="on-site-signature" layout="vertical" onFinish={onFinish}>
        <SignerFields />
        <Buttons submitting={submitting} label={t('svc.onSite.submit')} />
      </Form>
    </>
  );
}
