import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../../app/ServicesContext';
import { useI18n, type MessageKey, type Translate } from '../../i18n';
import { DataTable, FormFailureAlert, PageHeading, dateTimeColumn, describeApiError, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { DateField } from '../../kit/DateField';
import { formatWhole } from '../../i18n/format';
import { DELIVERY_STATUSES, WEBHOOKS_QUERY, catalogueEventTypes, webhooksApi, type Delivery, type DeliveryStatus, type Subscription } from './webhooks-api';

const STATUS_COLOURS: Record<DeliveryStatus, string> = { PENDING: 'default', RETRYING: 'warning', DELIVERED: 'success', DEAD_LETTERED: 'error' };

/** An event type's Chinese description, or the type itself when the catalogue has one the console does not know yet. */
export const eventText = (t: Translate, name: string): string => (t(`wh.ev.${name}` as MessageKey) as string | undefined) ?? name;
const contextText = (t: Translate, context: string): string => (t(`wh.ctx.${context}` as MessageKey) as string | undefined) ?? context;
const patternText = (t: Translate, pattern: string): string =>
  pattern.endsWith('.*') ? t('wh.allOf', { context: contextText(t, pattern.slice(0, -2)) }) : eventText(t, pattern);

/** Midnight of a day in Xinzhou (UTC+8), as the instant the replay starts from. */
const startOfDay = (day: string): string => new Date(`${day}T00:00:00+08:00`).toISOString();

interface EndpointForm {
  readonly url: string;
  readonly description?: string;
  readonly eventTypes: string[];
  readonly fullPayload?: boolean;
}

/**
 * 事件订阅 (issue 17): the organisation's webhook endpoints — create (event types from the catalogue, by context, in
 * Chinese), the secret shown once with copy, edit, enable/disable, delete, rotate, test event — and the delivery log
 * with its status filter, replay of one message or of every message since a day. Insurer admins and regulators.
 */
export function WebhooksPage() {
  const { t } = useI18n();
  const api = useApi();
  const hooks = useMemo(() => webhooksApi(api), [api]);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: [...WEBHOOKS_QUERY, 'subscriptions'], queryFn: ({ signal }) => hooks.list(signal) });
  const catalogue = useQuery({ queryKey: [...WEBHOOKS_QUERY, 'catalogue'], queryFn: ({ signal }) => catalogueEventTypes(signal), staleTime: Infinity });
  const [editing, setEditing] = useState<Subscription | 'new'>();
  const [secret, setSecret] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const refresh = useCallback(() => void queryClient.invalidateQueries({ queryKey: WEBHOOKS_QUERY }), [queryClient]);

  const act = useCallback(
    async (key: string, action: () => Promise<unknown>, done: (result: unknown) => void) => {
      setBusy(key);
      try {
        done(await action());
        refresh();
      } catch (error) {
        void message.error(describeApiError(error, t));
      } finally {
        setBusy(undefined);
      }
    },
    [message, t, refresh],
  );

  const endpoints = list.data?.items ?? [];
  const columns = [
    { key: 'url', title: t('wh.url'), render: (_: unknown, row: Subscription) => <Typography.Text style={{ wordBreak: 'break-all' }}>{row.url}</Typography.Text> },
    { key: 'description', title: t('wh.description'), dataIndex: 'description' },
    {
      key: 'eventTypes',
      title: t('wh.eventTypes'),
      render: (_: unknown, row: Subscription) => row.eventTypes.map((pattern) => <Tag key={pattern}>{patternText(t, pattern)}</Tag>),
    },
    {
      key: 'enabled',
      title: t('wh.enabled'),
      render: (_: unknown, row: Subscription) => (
        <Space direction="vertical" size={0}>
          <Tag color={row.enabled ? 'success' : 'default'}>{row.enabled ? t('wh.on') : t('wh.off')}</Tag>
          {row.disabledReason && <Typography.Text type="secondary">{row.disabledReason}</Typography.Text>}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('table.actions'),
      render: (_: unknown, row: Subscription) => (
        <Flex wrap gap={4}>
          <Button size="small" onClick={() => setEditing(row)}>
            {t('wh.edit')}
          </Button>
          <Button
            size="small"
            loading={busy === `toggle-${row.id}`}
            onClick={() => void act(`toggle-${row.id}`, () => hooks.update(row.id, { version: row.version, enabled: !row.enabled }), () => void message.success(t('wh.saved')))}
          >
            {row.enabled ? t('wh.disable') : t('wh.enable')}
          </Button>
          <Button
            size="small"
            loading={busy === `test-${row.id}`}
            onClick={() =>
              void act(`test-${row.id}`, () => hooks.test(row.id), (result) =>
                void message.info(t('wh.tested', { status: t(`wh.status.${(result as Delivery).status}`) })),
              )
            }
          >
            {t('wh.test')}
          </Button>
          <Popconfirm title={t('wh.rotateConfirm')} onConfirm={() => act(`rotate-${row.id}`, () => hooks.rotate(row.id), (result) => setSecret((result as { secret: string }).secret))}>
            <Button size="small" loading={busy === `rotate-${row.id}`}>
              {t('wh.rotate')}
            </Button>
          </Popconfirm>
          <Popconfirm title={t('wh.deleteConfirm')} onConfirm={() => act(`delete-${row.id}`, () => hooks.remove(row.id), () => void message.success(t('wh.deleted')))}>
            <Button size="small" danger loading={busy === `delete-${row.id}`}>
              {t('wh.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeading title={t('wh.title')} />
      <Typography.Paragraph type="secondary">{t('wh.intro')}</Typography.Paragraph>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('wh.endpoints')}
        </Typography.Title>
        {/* Issue 15: the endpoints come in one answer (never paged); its total is the 共 N 条 of the list. */}
        {list.data?.total !== undefined && (
          <Typography.Text type="secondary" data-testid="table-total" style={{ marginInlineEnd: 'auto' }}>
            {t('table.total', { count: formatWhole(list.data.total) })}
          </Typography.Text>
        )}
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('wh.create')}
        </Button>
      </Flex>
      <Table<Subscription> size="small" rowKey="id" loading={list.isLoading} dataSource={endpoints} columns={columns} pagination={false} scroll={{ x: 'max-content' }} />
      <ReplaySince endpoints={endpoints} replay={hooks.replaySince} />
      <DeliveryLog endpoints={endpoints} hooks={hooks} />
      {editing && (
        <EndpointModal
          editing={editing}
          catalogue={catalogue.data}
          onClose={() => setEditing(undefined)}
          onSaved={(created) => {
            setEditing(undefined);
            refresh();
            if (created) setSecret(created);
            else void message.success(t('wh.saved'));
          }}
          hooks={hooks}
        />
      )}
      <Modal open={secret !== undefined} title={t('wh.secretTitle')} closable={false} maskClosable={false} footer={<Button type="primary" onClick={() => setSecret(undefined)}>{t('wh.close')}</Button>}>
        <Typography.Paragraph>{t('wh.secretIntro')}</Typography.Paragraph>
        <Typography.Paragraph code copyable style={{ wordBreak: 'break-all' }}>
          {secret}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}

function EndpointModal(props: {
  readonly editing: Subscription | 'new';
  readonly catalogue: Map<string, string[]> | undefined;
  readonly hooks: ReturnType<typeof webhooksApi>;
  readonly onClose: () => void;
  readonly onSaved: (createdSecret?: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<EndpointForm>();
  const [failure, setFailure] = useState<unknown>();
  const [saving, setSaving] = useState(false);
  const existing = props.editing === 'new' ? undefined : props.editing;
  const submit = async (values: EndpointForm) => {
    setSaving(true);
    setFailure(undefined);
    try {
      const body = { url: values.url.trim(), eventTypes: values.eventTypes, description: values.description ?? '', fullPayload: values.fullPayload ?? false };
      if (existing) {
        await props.hooks.update(existing.id, { version: existing.version, ...body });
        props.onSaved();
      } else {
        props.onSaved((await props.hooks.create(body)).secret);
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={existing ? t('wh.edit') : t('wh.create')} onCancel={props.onClose} onOk={() => form.submit()} okText={t('wh.save')} cancelText={t('wh.cancel')} confirmLoading={saving} width={720}>
      {failure !== undefined && <FormFailureAlert failure={{ message: describeApiError(failure, t), issues: [] }} />}
      <Form<EndpointForm>
        form={form}
        layout="vertical"
        initialValues={existing ? { url: existing.url, description: existing.description, eventTypes: [...existing.eventTypes], fullPayload: existing.fullPayload } : { eventTypes: [] }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="url" label={t('wh.url')} extra={t('wh.urlHelp')} rules={[{ required: true, message: t('wh.url') }]}>
          <Input inputMode="url" maxLength={2048} />
        </Form.Item>
        <Form.Item name="description" label={t('wh.description')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="eventTypes" label={t('wh.eventTypes')} extra={t('wh.eventTypesHelp')} rules={[{ required: true, type: 'array', min: 1, message: t('wh.eventTypes') }]}>
          <Checkbox.Group style={{ width: '100%' }}>
            <Flex vertical gap={8} style={{ width: '100%' }}>
              {[...(props.catalogue ?? new Map<string, string[]>())].map(([context, names]) => (
                <fieldset key={context} style={{ border: '1px solid #f0f0f0', padding: 8, margin: 0 }}>
                  <legend style={{ fontSize: 14, width: 'auto', margin: 0 }}>{contextText(t, context)}</legend>
                  <Flex wrap gap={4}>
                    <Checkbox value={`${context}.*`}>{t('wh.allOf', { context: contextText(t, context) })}</Checkbox>
                    {names.map((name) => (
                      <Checkbox key={name} value={name}>
                        {eventText(t, name)}
                      </Checkbox>
                    ))}
                  </Flex>
                </fieldset>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="fullPayload" label={t('wh.fullPayload')} extra={t('wh.fullPayloadHelp')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Replay of every message of one endpoint since a day (Asia/Shanghai midnight). */
function ReplaySince({ endpoints, replay }: { readonly endpoints: readonly Subscription[]; readonly replay: (id: string, since: string) => Promise<{ replayed: number }> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  if (endpoints.length === 0) return null;
  const run = async (values: { subscriptionId: string; day: string }) => {
    setBusy(true);
    try {
      const done = await replay(values.subscriptionId, startOfDay(values.day));
      void message.success(t('wh.replaySinceDone', { count: done.replayed }));
    } catch (error) {
      void message.error(describeApiError(error, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form<{ subscriptionId: string; day: string }> layout="inline" style={{ marginTop: 16, rowGap: 8 }} onFinish={(values) => void run(values)} aria-label={t('wh.replaySince')}>
      <Typography.Text strong style={{ marginRight: 12, lineHeight: '32px' }}>
        {t('wh.replaySince')}
      </Typography.Text>
      <Form.Item name="subscriptionId" label={t('wh.endpoint')} rules={[{ required: true, message: t('wh.endpoint') }]}>
        <select aria-label={t('wh.endpoint')} style={{ height: 32, maxWidth: 260 }}>
          <option value="" />
          {endpoints.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpoint.description || endpoint.url}
            </option>
          ))}
        </select>
      </Form.Item>
      <Form.Item name="day" label={t('wh.replaySinceDate')} rules={[{ required: true, message: t('wh.replaySinceDate') }]}>
        <DateField aria-label={t('wh.replaySinceDate')} />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        {t('wh.replay')}
      </Button>
    </Form>
  );
}

function DeliveryLog({ endpoints, hooks }: { readonly endpoints: readonly Subscription[]; readonly hooks: ReturnType<typeof webhooksApi> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string>();
  const names = useMemo(() => new Map(endpoints.map((endpoint) => [endpoint.id, endpoint.description || endpoint.url])), [endpoints]);
  const filters = useMemo<FilterField[]>(
    () => [
      { kind: 'select', name: 'status', label: t('wh.status'), options: DELIVERY_STATUSES.map((value) => ({ value, label: t(`wh.status.${value}`) })) },
      { kind: 'select', name: 'subscriptionId', label: t('wh.endpoint'), options: endpoints.map((endpoint) => ({ value: endpoint.id, label: names.get(endpoint.id) ?? endpoint.id })) },
    ],
    [t, endpoints, names],
  );
  const replay = useCallback(
    async (delivery: Delivery) => {
      setBusy(delivery.id);
      try {
        await hooks.replay(delivery.id);
        void message.success(t('wh.replayed'));
        void queryClient.invalidateQueries({ queryKey: WEBHOOKS_QUERY });
      } catch (error) {
        void message.error(describeApiError(error, t));
      } finally {
        setBusy(undefined);
      }
    },
    [hooks, message, t, queryClient],
  );
  const columns = useMemo<DataColumn<Delivery>[]>(
    () => [
      dateTimeColumn<Delivery>('createdAt', t('wh.createdAt'), (delivery) => delivery.createdAt),
      { key: 'endpoint', title: t('wh.endpoint'), width: 180, ellipsis: true, value: (delivery) => names.get(delivery.subscriptionId) ?? delivery.subscriptionId },
      { key: 'event', title: t('wh.event'), width: 160, value: (delivery) => (delivery.eventType === 'webhooks.endpoint.tested' ? t('wh.test') : eventText(t, delivery.eventType)) },
      {
        key: 'status',
        title: t('wh.status'),
        width: 100,
        value: (delivery) => t(`wh.status.${delivery.status}`),
        render: (delivery) => <Tag color={STATUS_COLOURS[delivery.status]}>{t(`wh.status.${delivery.status}`)}</Tag>,
      },
      { key: 'attempts', title: t('wh.attempts'), width: 80, value: (delivery) => String(delivery.attempts.length) },
      {
        key: 'last',
        title: t('wh.lastAnswer'),
        width: 220,
        ellipsis: true,
        value: (delivery) => {
          const last = delivery.attempts.at(-1);
          if (!last) return '';
          const answer = last.status !== undefined ? String(last.status) : (last.error ?? t('wh.noAnswer'));
          return `${answer} · ${t('wh.latency', { ms: last.latencyMs })}${last.response ? ` · ${last.response}` : ''}`;
        },
      },
      dateTimeColumn<Delivery>('nextAttemptAt', t('wh.nextAttemptAt'), (delivery) => delivery.nextAttemptAt),
      { key: 'messageId', title: t('wh.messageId'), width: 200, ellipsis: true, value: (delivery) => delivery.messageId },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 80,
        csv: false,
        render: (delivery) => (
          <Button size="small" loading={busy === delivery.id} onClick={() => void replay(delivery)}>
            {t('wh.replay')}
          </Button>
        ),
      },
    ],
    [t, names, busy, replay],
  );
  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      hooks.deliveries(
        { cursor, limit, status: (values.status || undefined) as DeliveryStatus | undefined, subscriptionId: values.subscriptionId || undefined },
        signal,
      ),
    [hooks],
  );
  return (
    <div style={{ marginTop: 16 }}>
      <DataTable<Delivery>
        queryKey={[...WEBHOOKS_QUERY, '/api/v1/webhooks/deliveries']}
        caption={t('wh.deliveries')}
        columns={columns}
        rowKey={(delivery) => delivery.id}
        fetchPage={fetchPage}
        filters={filters}
      />
    </div>
  );
}
