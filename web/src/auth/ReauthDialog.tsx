import { Alert, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../app/ServicesContext';
import { useI18n } from '../i18n';
import { SignInError, type SignInFailure } from './auth-session';

/**
 * Local sessions cannot be refreshed silently: when the token expires, the console asks for the same
 * user's password again. API calls made meanwhile wait and go ahead afterwards; nothing typed is lost.
 */
export function ReauthDialog() {
  const { t } = useI18n();
  const { state, auth } = useAuth();
  const [failure, setFailure] = useState<SignInFailure>();
  const [submitting, setSubmitting] = useState(false);
  const open = state.status === 'reauth-required';
  const username = state.status === 'signed-out' ? '' : state.session.user.username;

  const submit = async ({ password }: { password: string }) => {
    setSubmitting(true);
    setFailure(undefined);
    try {
      await auth.reauthenticate(password);
    } catch (error) {
      setFailure(error instanceof SignInError ? error.failure : 'unavailable');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal open={open} title={t('reauth.title')} closable={false} mask={{ closable: false }} keyboard={false} footer={null} destroyOnHidden>
      <Typography.Paragraph>{t('reauth.body', { username })}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon role="alert" title={t(`signIn.error.${failure}`)} style={{ marginBottom: 12 }} />}
      <Form name="reauth" layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={() => auth.signOut('expired')}>{t('reauth.signOut')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('reauth.submit')}
          </Button>
        </Flex>
      </Form>
    </Modal>
  );
}
