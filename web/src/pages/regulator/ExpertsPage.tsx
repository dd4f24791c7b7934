import { useInvalidate } from '../../kit/useInvalidate';
import { queryKeys } from '../../api/query-keys';
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { type CreateExpertRequest, type Expert, type ExpertStatus } from '../../api';
import { EXPERT_STATUSES } from '../../reference/domain';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, FormFailureAlert, PageHeading, useApiForm, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { requiredRule } from '../platform/account-rules';
import { useSessionUser } from '../underwriting/session';
import { useStatusChange } from './useStatusChange';

/**
 * 专家库 (REG-3): the city's pool of safety and emergency experts. Every regulator reads it; the city EMB adds
 * experts and removes or restores them — SVC-6 lets a service record name only experts in the pool.
 */
export function ExpertsPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const user = useSessionUser();
  const writes = user?.agency === 'EMB_CITY';
  const [adding, setAdding] = useState(false);
  const { reload, changeStatus: setStatus } = useStatusChange<Expert, ExpertStatus>(
    (expert, status, key) => api.providers.updateExpert(expert.id, { status, version: expert.version }, key),
    (expert, status) => t('expert.statusChanged', { name: expert.name, status: t(`expert.status.${status}`) }),
  );

  const filters = useMemo<FilterField[]>(
    () => [
      { kind: 'select', name: 'status', label: t('expert.status'), options: EXPERT_STATUSES.map((value) => ({ value, label: t(`expert.status.${value}`) })) },
      { kind: 'text', name: 'specialty', label: t('expert.specialties') },
    ],
    [t],
  );

  const columns = useMemo<DataColumn<Expert>[]>(
    () => [
      { key: 'name', title: t('expert.name'), width: 120, value: (expert) => expert.name },
      { key: 'specialties', title: t('expert.specialties'), value: (expert) => expert.specialties.join('、') },
      { key: 'title', title: t('expert.titleField'), width: 130, value: (expert) => expert.title },
      { key: 'employer', title: t('expert.employer'), ellipsis: true, value: (expert) => expert.employer },
      {
        key: 'status',
        title: t('expert.status'),
        width: 90,
        value: (expert) => t(`expert.status.${expert.status}`),
        render: (expert) => (
          <Tag color={expert.status === 'ACTIVE' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
            {t(`expert.status.${expert.status}`)}
          </Tag>
        ),
      },
      ...(writes
        ? [
            {
              key: 'actions',
              title: t('table.actions'),
              width: 110,
              csv: false as const,
              render: (expert: Expert) =>
                expert.status === 'ACTIVE' ? (
                  <Popconfirm title={t('expert.removeConfirm')} onConfirm={() => void setStatus(expert, 'REMOVED')} okText={t('form.submit')} cancelText={t('form.cancel')}>
                    <Button size="small" type="link" danger>
                      {t('expert.remove')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" type="link" onClick={() => void setStatus(expert, 'ACTIVE')}>
                    {t('expert.restore')}
                  </Button>
                ),
            },
          ]
        : []),
    ],
    [t, writes, setStatus],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.providers.listExperts({ cursor, limit, status: (values.status || undefined) as ExpertStatus | undefined, specialty: values.specialty || undefined }, signal),
    [api],
  );

  return (
    <>
      <PageHeading title={t('expert.title')} />
      <Typography.Paragraph type="secondary">{writes ? t('expert.intro') : t('expert.introReadOnly')}</Typography.Paragraph>
      <DataTable<Expert>
queryKey={[...queryKeys.providers, '/api/v1/regulator/experts']}         caption={t('expert.title')}
        columns={columns}
        rowKey={(expert) => expert.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="experts"
        toolbar={
          writes && (
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('expert.add')}
            </Button>
          )
        }
      />
      <Modal open={adding} title={t('expert.addTitle')} footer={null} onCancel={() => setAdding(false)} destroyOnHidden>
        <AddExpertForm
          onDone={() => {
            setAdding(false);
            void message.success(t('expert.added'));
            reload();
          }}
          onCancel={() => setAdding(false)}
        />
      </Modal>
    </>
  );
}

interface ExpertValues extends Omit<CreateExpertRequest, 'specialties'> {
  readonly specialties?: string[];
}

function AddExpertForm({ onDone, onCancel }: { readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: ExpertValues, key: string) =>
      api.providers.createExpert(
        {
          name: values.name.trim(),
          specialties: (values.specialties ?? []).map((entry) => entry.trim()).filter(Boolean),
          ...(values.title?.trim() ? { title: values.title.trim() } : {}),
          ...(values.employer?.trim() ? { employer: values.employer.trim() } : {}),
        },
        key,
      ),
    [api],
  );
  const { form, onFinish, submitting, failure } = useApiForm<ExpertValues, Expert>({ submit, onSuccess: onDone });
  return (
    <>
      <FormFailureAlert failure={failure} />
      <Form<ExpertValues> form={form} name="expert" layout="vertical" onFinish={onFinish} initialValues={{ specialties: [] }}>
        <Form.Item name="name" label={t('expert.name')} rules={[requiredRule(t, t('expert.name'))]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="specialties"
          label={t('expert.specialties')}
          extra={t('expert.specialtiesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('form.required', { field: t('expert.specialties') }) }]}
        >
          <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['；', ';', '、', ',', '，']} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="title" label={t('expert.titleField')} style={{ flex: '1 1 160px' }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="employer" label={t('expert.employer')} style={{ flex: '1 1 220px' }}>
            <Input maxLength={200} />
          </Form.Item>
        </Flex>
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
