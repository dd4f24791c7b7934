import { Button, Flex, Form, Input, Select } from 'antd';
import { useCallback } from 'react';
import type { CreateUserRequest, Role, User } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, useApiForm } from '../../kit';
import { nameRules, passwordRules, requiredSelectRule, usernameRules } from '../platform/account-rules';

interface CreateUserFormProps {
  readonly roles: readonly Role[];
  readonly onCreated: (user: User) => void;
  readonly onCancel: () => void;
}

/** A new user of the admin's own tenant or agency (`POST /users`). */
export function CreateUserForm({ roles, onCreated, onCancel }: CreateUserFormProps) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback((values: CreateUserRequest, key: string) => api.users.create(values, key), [api]);
  const { form, onFinish, submitting, failure } = useApiForm<CreateUserRequest, User>({ submit, onSuccess: onCreated });

  return (
    <>
      <FormFailureAlert failure={failure} />
      <Form<CreateUserRequest>
        form={form}
        name="create-user"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ role: roles[0] }}
        scrollToFirstError={{ focus: true }}
      >
        <Form.Item name="username" label={t('team.username')} rules={usernameRules(t, t('team.username'))}>
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={32} autoFocus />
        </Form.Item>
        <Form.Item name="displayName" label={t('team.displayName')} rules={nameRules(t, t('team.displayName'))}>
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item name="role" label={t('team.role')} rules={[requiredSelectRule(t, t('team.role'))]}>
          <Select options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))} />
        </Form.Item>
        <Form.Item name="password" label={t('account.password')} rules={passwordRules(t, t('account.password'))} extra={t('account.passwordHint')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('form.submit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
