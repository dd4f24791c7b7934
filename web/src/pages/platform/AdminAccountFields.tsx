import { Form, Input } from 'antd';
import { useI18n } from '../../i18n';
import { nameRules, passwordRules, usernameRules } from './account-rules';

/** The `admin.username / displayName / password` block shared by the tenant and regulator forms. */
export function AdminAccountFields() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item name={['admin', 'username']} label={t('account.username')} rules={usernameRules(t, t('account.username'))}>
        <Input autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={32} />
      </Form.Item>
      <Form.Item name={['admin', 'displayName']} label={t('account.displayName')} rules={nameRules(t, t('account.displayName'))}>
        <Input autoComplete="off" maxLength={64} />
      </Form.Item>
      <Form.Item
        name={['admin', 'password']}
        label={t('account.password')}
        rules={passwordRules(t, t('account.password'))}
        extra={t('account.passwordHint')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
