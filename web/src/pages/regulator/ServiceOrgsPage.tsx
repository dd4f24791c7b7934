import { useInvalidate } from '../../kit/useInvalidate';
import { queryKeys } from '../../api/query-keys';
import { App, Button, Dropdown, Flex, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { type CreateServiceOrgRequest, type ServiceOrg, type ServiceOrgStatus } from '../../api';
import { SERVICE_ORG_STATUSES } from '../../reference/domain';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, FormFailureAlert, PageHeading, useApiForm, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { requiredRule, usccRules } from '../platform/account-rules';
import { useSessionUser } from '../underwriting/session';
import { useStatusChange } from './useStatusChange';

const STATUS_COLORS: Readonly<Record<ServiceOrgStatus, string>> = { ACTIVE: 'green', SUSPENDED: 'orange', REVOKED: 'default' };

/**
 * 第三方服务机构 (REG-2): the organisations registered (备案) with the city EMB, their status and validity. Every
 * regulator reads the register; the city EMB registers organisations and suspends, revokes or restores them —
 * SVC-6 lets insurers name only ACTIVE ones inside their validity.
 */
export function ServiceOrgsPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const user = useSessionUser();
  const writes = user?.agency === 'EMB_CITY';
  const [adding, setAdding] = useState(false);
  const { reload, changeStatus } = useStatusChange<ServiceOrg, ServiceOrgStatus>(
    (org, status, key) => api.providers.updateOrg(org.id, { status, version: org.version }, key),
    (org, status) => t('org.statusChanged', { name: org.name, status: t(`org.status.${status}`) }),
  );

  const filters = useMemo<FilterField[]>(
    () => [{ kind: 'select', name: 'status', label: t('org.status'), options: SERVICE_ORG_STATUSES.map((value) => ({ value, label: t(`org.status.${value}`) })) }],
    [t],
  );

  const columns = useMemo<DataColumn<ServiceOrg>[]>(
    () => [
      { key: 'name', title: t('org.name'), value: (org) => org.name },
      { key: 'uscc', title: t('org.uscc'), width: 180, value: (org) => org.uscc, render: (org) => <span style={{ fontFamily: 'monospace' }}>{org.uscc}</span> },
      { key: 'registrationNumber', title: t('org.registrationNumber'), width: 170, value: (org) => org.registrationNumber },
      { key: 'validity', title: t('org.validity'), width: 200, value: (org) => `${org.validFrom} ~ ${org.validTo}` },
      { key: 'scope', title: t('org.scope'), ellipsis: true, value: (org) => org.scope.join('、') },
      { key: 'contact', title: t('org.contact'), width: 140, value: (org) => org.contact },
      {
        key: 'status',
        title: t('org.status'),
        width: 90,
        value: (org) => t(`org.status.${org.status}`),
        render: (org) => (
          <Tag color={STATUS_COLORS[org.status]} style={{ marginInlineEnd: 0 }}>
            {t(`org.status.${org.status}`)}
          </Tag>
        ),
      },
      ...(writes
        ? [
            {
              key: 'actions',
              title: t('table.actions'),
              width: 100,
              csv: false as const,
              render: (org: ServiceOrg) => (
                <Dropdown
                  trigger={['click']}
                  menu={{
                    items: SERVICE_ORG_STATUSES.filter((status) => status !== org.status).map((status) => ({ key: status, label: t(`org.status.${status}`) })),
                    onClick: ({ key }) => void changeStatus(org, key as ServiceOrgStatus),
                  }}
                >
                  <Button size="small" type="link">
                    {t('org.changeStatus')}
                  </Button>
                </Dropdown>
              ),
            },
          ]
        : []),
    ],
    [t, writes, changeStatus],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.providers.listOrgs({ cursor, limit, status: (values.status || undefined) as ServiceOrgStatus | undefined }, signal),
    [api],
  );

  return (
    <>
      <PageHeading title={t('org.title')} />
      <Typography.Paragraph type="secondary">{writes ? t('org.intro') : t('org.introReadOnly')}</Typography.Paragraph>
      <DataTable<ServiceOrg>
queryKey={[...queryKeys.providers, '/api/v1/regulator/service-orgs']}         caption={t('org.title')}
        columns={columns}
        rowKey={(org) => org.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="service-orgs"
        toolbar={
          writes && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('org.add')}
            </Button>
          )
        }
      />
      <Modal open={adding} title={t('org.addTitle')} footer={null} onCancel={() => setAdding(false)} destroyOnHidden width={620}>
        <AddServiceOrgForm
          onDone={() => {
            setAdding(false);
            void message.success(t('org.added'));
            reload();
          }}
          onCancel={() => setAdding(false)}
        />
      </Modal>
    </>
  );
}

interface OrgValues extends Omit<CreateServiceOrgRequest, 'scope'> {
  readonly scope?: string[];
}

function AddServiceOrgForm({ onDone, onCancel }: { readonly onDone: () => void; readonly onCancel: () => void }) {
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
          scope: (values.scope ?? []).map((entry) => entry.trim()).filter(Boolean),
          ...(values.contact?.trim() ? { contact: values.contact.trim() } : {}),
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
            <Input type="date" />
          </Form.Item>
          <Form.Item name="validTo" label={t('org.validTo')} rules={[requiredRule(t, t('org.validTo'))]} style={{ flex: '1 1 160px' }}>
            <Input type="date" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="scope"
          label={t('org.scope')}
          extra={t('org.scopeHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('form.required', { field: t('org.scope') }) }]}
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['；', ';', '、', ',', '，']} />
        </Form.Item>
        <Form.Item name="contact" label={t('org.contact')}>
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={8} justify="flex-end">
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('form.submit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
