import { Alert, App, Button, Checkbox, Form, Input, Space } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../i18n';
import { SectionCard } from '../../kit';
import { NOTIFICATION_KINDS, usePreferences, useSavePreferences, type NotificationPreferences } from './notifications-api';

type Extra = 'EMAIL' | 'SMS';
interface Values {
  readonly kinds: NotificationPreferences['kinds'];
  readonly channels: Extra[];
  readonly email?: string;
  readonly mobile?: string;
}

/** Issue 16: which kinds reach this person and by which channels; the inbox itself cannot be turned off. */
export function NotificationPreferencesForm() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const preferences = usePreferences();
  const save = useSavePreferences();
  const channels = Form.useWatch('channels', form) ?? [];

  useEffect(() => {
    if (!preferences.data) return;
    const { kinds, channels: chosen, email, mobile } = preferences.data;
    form.setFieldsValue({ kinds, channels: chosen.filter((channel): channel is Extra => channel !== 'IN_APP'), email: email ?? '', mobile: mobile ?? '' });
  }, [preferences.data, form]);

  const submit = async (values: Values) => {
    await save.mutateAsync({
      kinds: values.kinds,
      channels: ['IN_APP', ...values.channels],
      ...(values.email ? { email: values.email.trim() } : {}),
      ...(values.mobile ? { mobile: values.mobile.trim() } : {}),
    });
    void message.success(t('ntf.prefs.saved'));
  };

  return (
    <SectionCard title={t('ntf.prefs.title')} data-testid="notification-preferences">
      <Form form={form} layout="vertical" onFinish={submit} disabled={preferences.isLoading} style={{ maxWidth: 560 }}>
        <Form.Item name="kinds" label={t('ntf.prefs.kinds')}>
          <Checkbox.Group options={NOTIFICATION_KINDS.map((kind) => ({ value: kind, label: t(`ntf.kind.${kind}`) }))} />
        </Form.Item>
        <Form.Item label={t('ntf.prefs.channels')} style={{ marginBottom: 8 }}>
          <Space direction="vertical" size={4}>
            <Checkbox checked disabled>
              {t('ntf.prefs.inApp')}
            </Checkbox>
            <Form.Item name="channels" noStyle>
              <Checkbox.Group options={[{ value: 'EMAIL', label: t('ntf.prefs.email') }, { value: 'SMS', label: t('ntf.prefs.sms') }]} />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="email" label={t('ntf.prefs.emailAddress')} extra={t('ntf.prefs.emailNote')} rules={[{ type: 'email', message: t('ntf.prefs.emailInvalid') }]}>
          <Input type="email" autoComplete="email" maxLength={254} />
        </Form.Item>
        <Form.Item name="mobile" label={t('ntf.prefs.mobile')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('ntf.prefs.mobileInvalid') }]}>
          <Input inputMode="numeric" autoComplete="tel" maxLength={11} />
        </Form.Item>
        {channels.includes('SMS') && <Alert type="info" showIcon message={t('ntf.prefs.smsNote')} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('ntf.prefs.save')}
        </Button>
      </Form>
    </SectionCard>
  );
}
