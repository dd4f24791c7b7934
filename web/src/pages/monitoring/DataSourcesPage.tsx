import { useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { newIdempotencyKey } from '../../api';
import type { DataSource, Threshold } from '../../api/monitoring-api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { formatInstant, useI18n } from '../../i18n';
import { DataTable, FormFailureAlert, PageHeading, dateTimeColumn, describeApiError, useInvalidate, type DataColumn, type DataTablePageRequest } from '../../kit';
import { useColleagueNames } from '../../kit/useColleagueNames';
import { KIND_UNITS, THRESHOLD_KINDS, directionOf, thresholdBody, thresholdFormValues, type ThresholdFormValues } from './thresholds';
import { kindText } from './alarm-text';

/**
 * 监测数据源 (MON-2, issue 19): the insurer registers one data source per insured mine, picking the policy by the
 * enterprise's name; the API key is shown once (copy), and can be rotated or revoked; the mine's thresholds can be
 * set over the rule set's, each change audited. Insurer admins and staff.
 */
export function DataSourcesPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const invalidate = useInvalidate('monitoring');
  const [registering, setRegistering] = useState(false);
  const [apiKey, setApiKey] = useState<string>();
  const [thresholdsOf, setThresholdsOf] = useState<DataSource>();
  const [busy, setBusy] = useState<string>();

  const act = useCallback(
    async (key: string, action: () => Promise<unknown>, done: (result: unknown) => void) => {
      setBusy(key);
      try {
        done(await action());
        invalidate();
      } catch (error) {
        void message.error(describeApiError(error, t));
      } finally {
        setBusy(undefined);
      }
    },
    [message, t, invalidate],
  );

  const columns = useMemo<DataColumn<DataSource>[]>(
    () => [
      {
        key: 'enterprise',
        title: t('mon.field.enterprise'),
        width: 200,
        value: (source) => source.enterpriseName,
        render: (source) => <Link to={`/insurer/underwriting/${source.policyId}`}>{source.enterpriseName}</Link>,
      },
      { key: 'name', title: t('mon.src.name'), width: 160, value: (source) => source.name },
      { key: 'keyPrefix', title: t('mon.src.keyPrefix'), width: 150, value: (source) => source.keyPrefix, render: (source) => <Typography.Text code>{source.keyPrefix}</Typography.Text> },
      {
        key: 'status',
        title: t('mon.src.status'),
        width: 90,
        value: (source) => t(`mon.src.status.${source.status}`),
        render: (source) => <Tag color={source.status === 'ACTIVE' ? 'success' : 'default'}>{t(`mon.src.status.${source.status}`)}</Tag>,
      },
      dateTimeColumn<DataSource>('createdAt', t('mon.src.createdAt'), (source) => source.createdAt),
      {
        key: 'actions',
        title: t('table.actions'),
        width: 230,
        csv: false,
        render: (source) =>
          source.status === 'ACTIVE' ? (
            <Flex wrap gap={4}>
              <Button size="small" onClick={() => setThresholdsOf(source)}>
                {t('mon.src.thresholds')}
              </Button>
              <Popconfirm
                title={t('mon.src.rotateConfirm')}
                onConfirm={() => act(`rotate-${source.id}`, () => api.monitoring.rotate(source.id, newIdempotencyKey()), (result) => setApiKey((result as { apiKey: string }).apiKey))}
              >
                <Button size="small" loading={busy === `rotate-${source.id}`}>
                  {t('mon.src.rotate')}
                </Button>
              </Popconfirm>
              <Popconfirm
                title={t('mon.src.revokeConfirm')}
                onConfirm={() => act(`revoke-${source.id}`, () => api.monitoring.revoke(source.id, newIdempotencyKey()), () => void message.success(t('mon.src.revoked')))}
              >
                <Button size="small" danger loading={busy === `revoke-${source.id}`}>
                  {t('mon.src.revoke')}
                </Button>
              </Popconfirm>
            </Flex>
          ) : null,
      },
    ],
    [t, api, act, busy, message],
  );
  const fetchPage = useCallback(({ cursor, limit }: DataTablePageRequest, signal: AbortSignal) => api.monitoring.sources({ cursor, limit }, signal), [api]);

  return (
    <>
      <PageHeading
        title={t('mon.src.title')}
        extra={
          <Button type="primary" onClick={() => setRegistering(true)}>
            {t('mon.src.create')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('mon.src.intro')}</Typography.Paragraph>
      <DataTable<DataSource>
        queryKey={[...queryKeys.monitoring, '/api/v1/monitoring/sources']}
        caption={t('mon.src.list')}
        columns={columns}
        rowKey={(source) => source.id}
        fetchPage={fetchPage}
      />
      {registering && (
        <RegisterModal
          onClose={() => setRegistering(false)}
          onRegistered={(key) => {
            setRegistering(false);
            invalidate();
            setApiKey(key);
          }}
        />
      )}
      {thresholdsOf && <ThresholdsModal source={thresholdsOf} onClose={() => setThresholdsOf(undefined)} />}
      <Modal
        open={apiKey !== undefined}
        title={t('mon.src.keyTitle')}
        closable={false}
        maskClosable={false}
        footer={
          <Button type="primary" onClick={() => setApiKey(undefined)}>
            {t('mon.src.keySaved')}
          </Button>
        }
      >
        <Typography.Paragraph>{t('mon.src.keyIntro')}</Typography.Paragraph>
        <Typography.Paragraph code copyable data-testid="api-key" style={{ wordBreak: 'break-all' }}>
          {apiKey}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

/** The insurer's in-force policies found by the enterprise's name (issue 15: never a typed id). */
function usePolicySearch(q: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.underwriting, 'monitoring:policies', q],
    queryFn: ({ signal }) => api.policies.list({ limit: 20, status: 'ISSUED', ...(q ? { q } : {}) }, signal),
    staleTime: 30_000,
  });
}

function RegisterModal({ onClose, onRegistered }: { readonly onClose: () => void; readonly onRegistered: (apiKey: string) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [form] = Form.useForm<{ policyId: string; name: string }>();
  const [q, setQ] = useState('');
  const policies = usePolicySearch(q);
  const [key] = useState(newIdempotencyKey);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const options = useMemo(
    () => (policies.data?.items ?? []).map((policy) => ({ value: policy.id, label: `${policy.enterprise.name} · ${policy.policyNumber}` })),
    [policies.data],
  );
  const submit = async (values: { policyId: string; name: string }) => {
    setSaving(true);
    setFailure(undefined);
    try {
      onRegistered((await api.monitoring.register({ policyId: values.policyId, name: values.name.trim() }, key)).apiKey);
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t('mon.src.create')} onCancel={onClose} onOk={() => form.submit()} okText={t('mon.submit')} cancelText={t('mon.cancel')} confirmLoading={saving}>
      {failure !== undefined && <FormFailureAlert failure={{ message: describeApiError(failure, t), issues: [] }} />}
      <Form form={form} layout="vertical" name="register-source" onFinish={(values) => void submit(values)}>
        <Form.Item name="policyId" label={t('mon.src.policy')} extra={t('mon.src.policyHelp')} rules={[{ required: true, message: t('mon.src.policy') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            options={options}
            loading={policies.isFetching}
            notFoundContent={null}
            aria-label={t('mon.src.policy')}
          />
        </Form.Item>
        <Form.Item name="name" label={t('mon.src.name')} extra={t('mon.src.nameHelp')} rules={[{ required: true, whitespace: true, message: t('mon.src.name') }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** MON-2: this mine's thresholds over the rule set's; an empty pair goes back to the rule set. Each change is audited. */
function ThresholdsModal({ source, onClose }: { readonly source: DataSource; readonly onClose: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const invalidate = useInvalidate('monitoring');
  const { nameOf } = useColleagueNames();
  const [form] = Form.useForm<ThresholdFormValues>();
  const [key] = useState(newIdempotencyKey);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  // RULES-1: the rule set in force today gives the defaults an empty field keeps.
  const ruleSets = useQuery({ queryKey: [...queryKeys.register, 'rule-sets'], queryFn: ({ signal }) => api.register.listRuleSets(signal), staleTime: 5 * 60_000 });
  const defaults = ruleSets.data?.items.find((version) => version.inForceToday)?.ruleSet.monitoring?.thresholds ?? {};
  const placeholder = (value: number | undefined) => (value === undefined ? undefined : t('mon.src.default', { value }));
  const submit = async (values: ThresholdFormValues) => {
    setSaving(true);
    setFailure(undefined);
    try {
      await api.monitoring.setThresholds(source.id, thresholdBody(values, source.thresholds), key);
      void message.success(t('mon.src.saved'));
      invalidate();
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };
  const thresholdText = (threshold: Threshold | null) =>
    threshold ? [threshold.warning ?? '—', threshold.major ?? '—'].join(' / ') : '—';
  return (
    <Modal
      open
      width={640}
      title={`${t('mon.src.thresholds')} · ${source.enterpriseName}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('mon.src.save')}
      cancelText={t('mon.cancel')}
      confirmLoading={saving}
    >
      <Typography.Paragraph type="secondary">{t('mon.src.thresholdsIntro')}</Typography.Paragraph>
      {failure !== undefined && <FormFailureAlert failure={{ message: describeApiError(failure, t), issues: [] }} />}
      <Form form={form} layout="vertical" name="source-thresholds" initialValues={thresholdFormValues(source.thresholds)} onFinish={(values) => void submit(values)}>
        {THRESHOLD_KINDS.map((kind) => (
          <Flex key={kind} wrap gap={8} align="flex-end">
            <Flex vertical style={{ flex: '1 1 120px', marginBottom: 24 }}>
              <Typography.Text>
                {kindText(t, kind)}（{KIND_UNITS[kind]}）
              </Typography.Text>
              {(source.thresholds[kind]?.direction ?? defaults[kind]?.direction ?? directionOf(kind)) === 'BELOW' && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('mon.src.below')}
                </Typography.Text>
              )}
            </Flex>
            <Form.Item name={[kind, 'warning']} label={t('mon.src.warning')} style={{ flex: '1 1 100px' }}>
              <InputNumber min={0} style={{ width: '100%' }} placeholder={placeholder(defaults[kind]?.warning)} aria-label={`${kindText(t, kind)} ${t('mon.src.warning')}`} />
            </Form.Item>
            <Form.Item name={[kind, 'major']} label={t('mon.src.major')} style={{ flex: '1 1 100px' }}>
              <InputNumber min={0} style={{ width: '100%' }} placeholder={placeholder(defaults[kind]?.major)} aria-label={`${kindText(t, kind)} ${t('mon.src.major')}`} />
            </Form.Item>
          </Flex>
        ))}
      </Form>
      {source.thresholdChanges.length > 0 && (
        <Table
          size="small"
          rowKey={(change) => `${change.at}-${change.kind}`}
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={[...source.thresholdChanges].reverse()}
          columns={[
            { key: 'at', title: t('mon.src.changedAt'), render: (_, change) => formatInstant(change.at) },
            { key: 'by', title: t('mon.src.changedBy'), render: (_, change) => nameOf(change.by) ?? '' },
            { key: 'kind', title: t('mon.field.kind'), render: (_, change) => kindText(t, change.kind) },
            { key: 'from', title: t('mon.src.changedFrom'), render: (_, change) => thresholdText(change.from) },
            { key: 'to', title: t('mon.src.changedTo'), render: (_, change) => thresholdText(change.to) },
          ]}
        />
      )}
    </Modal>
  );
}
