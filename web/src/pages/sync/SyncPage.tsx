import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Flex, Form, Row, Statistic, Table, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, FormFailureAlert, PageHeading, dateTimeColumn, describeApiError, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { DateField } from '../../kit/DateField';
import { SyncStateTag } from './StateTag';
import { RETRYABLE, SYNC_KINDS, SYNC_QUERY, SYNC_STATES, syncApi, type Reconciliation, type SyncKind, type SyncRecord, type SyncState } from './sync-api';

/** Today in Xinzhou (the reconciliation's default day). */
const todayInXinzhou = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 省平台同步 (SYNC-1) for the insurer: how many of its records stand in each upload state, the records with the
 * province's reasons, a retry of a failed one, and the day's reconciliation against what the province lists.
 */
export function InsurerSyncPage() {
  const { t } = useI18n();
  const api = useApi();
  const sync = useMemo(() => syncApi(api), [api]);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [retrying, setRetrying] = useState<string>();
  const counts = useQuery({ queryKey: [...SYNC_QUERY, 'counts'], queryFn: ({ signal }) => sync.mine({ limit: 1 }, signal) });

  const retry = useCallback(
    async (record: SyncRecord) => {
      setRetrying(record.id);
      try {
        await sync.retry(record.id);
        void message.success(t('sync.retried'));
        void queryClient.invalidateQueries({ queryKey: SYNC_QUERY });
      } catch (error) {
        void message.error(describeApiError(error, t));
      } finally {
        setRetrying(undefined);
      }
    },
    [sync, message, t, queryClient],
  );

  const columns = useSyncColumns(
    useMemo(
      () => [
        {
          key: 'actions',
          title: t('table.actions'),
          width: 90,
          csv: false,
          render: (record: SyncRecord) =>
            RETRYABLE.includes(record.state) ? (
              <Button size="small" loading={retrying === record.id} onClick={() => void retry(record)}>
                {t('sync.retry')}
              </Button>
            ) : null,
        },
      ],
      [t, retry, retrying],
    ),
  );
  const fetchPage = useCallback(
    ({ cursor, limit, filters }: DataTablePageRequest, signal: AbortSignal) =>
      sync.mine({ cursor, limit, state: (filters.state || undefined) as SyncState | undefined, kind: (filters.kind || undefined) as SyncKind | undefined }, signal),
    [sync],
  );

  return (
    <>
      <PageHeading title={t('sync.title')} />
      <Typography.Paragraph type="secondary">{t('sync.intro')}</Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        {SYNC_STATES.map((state) => (
          <Col key={state} xs={12} sm={8} md={4}>
            <Card size="small">
              <Statistic title={t(`sync.state.${state}`)} value={counts.data?.counts[state] ?? '–'} />
            </Card>
          </Col>
        ))}
      </Row>
      <DataTable<SyncRecord>
        queryKey={[...SYNC_QUERY, '/api/v1/sync/records']}
        caption={t('sync.records')}
        columns={columns}
        rowKey={(record) => record.id}
        fetchPage={fetchPage}
        filters={useSyncFilters()}
        exportName="provincial-sync"
      />
      <ReconciliationCard load={sync.reconciliation} />
    </>
  );
}

/** 省平台同步 for the regulators (ACL-2, ACL-4): every insurer's upload states in scope, failures with reasons. */
export function RegulatorSyncPage() {
  const { t } = useI18n();
  const api = useApi();
  const sync = useMemo(() => syncApi(api), [api]);
  const insurers = useQuery({ queryKey: [...SYNC_QUERY, 'insurers'], queryFn: ({ signal }) => api.supervision.insurers({ limit: 100 }, signal) });
  const names = useMemo(() => new Map((insurers.data?.items ?? []).map((insurer) => [insurer.tenantId, insurer.name])), [insurers.data]);
  const insurerColumn = useMemo<DataColumn<SyncRecord>[]>(
    () => [{ key: 'insurer', title: t('sync.insurer'), width: 180, ellipsis: true, value: (record) => names.get(record.tenantId) ?? record.tenantId }],
    [t, names],
  );
  const columns = useSyncColumns(insurerColumn, true);
  const fetchPage = useCallback(
    ({ cursor, limit, filters }: DataTablePageRequest, signal: AbortSignal) =>
      sync.regulators({ cursor, limit, state: (filters.state || undefined) as SyncState | undefined, kind: (filters.kind || undefined) as SyncKind | undefined }, signal),
    [sync],
  );
  return (
    <>
      <PageHeading title={t('sync.title')} />
      <Typography.Paragraph type="secondary">{t('sync.regulatorIntro')}</Typography.Paragraph>
      <DataTable<SyncRecord>
        queryKey={[...SYNC_QUERY, '/api/v1/regulator/sync/records']}
        caption={t('sync.records')}
        columns={columns}
        rowKey={(record) => record.id}
        fetchPage={fetchPage}
        filters={useSyncFilters()}
        exportName="provincial-sync"
      />
    </>
  );
}

function useSyncFilters(): FilterField[] {
  const { t } = useI18n();
  return useMemo(
    () => [
      { kind: 'select', name: 'state', label: t('sync.state'), options: SYNC_STATES.map((value) => ({ value, label: t(`sync.state.${value}`) })) },
      { kind: 'select', name: 'kind', label: t('sync.kind'), options: SYNC_KINDS.map((value) => ({ value, label: t(`sync.kind.${value}`) })) },
    ],
    [t],
  );
}

/** The columns both sides share; `extra` goes first for the regulators (the insurer), last for the insurer (its actions). */
function useSyncColumns(extra: readonly DataColumn<SyncRecord>[], extraFirst = false): DataColumn<SyncRecord>[] {
  const { t } = useI18n();
  return useMemo(() => {
    const shared: DataColumn<SyncRecord>[] = [
      { key: 'kind', title: t('sync.kind'), width: 110, value: (record) => t(`sync.kind.${record.kind}`) },
      { key: 'label', title: t('sync.label'), width: 200, ellipsis: true, value: (record) => record.label },
      { key: 'version', title: t('sync.version'), width: 70, value: (record) => String(record.sourceVersion) },
      { key: 'state', title: t('sync.state'), width: 100, value: (record) => t(`sync.state.${record.state}`), render: (record) => <SyncStateTag state={record.state} t={t} /> },
      { key: 'reason', title: t('sync.reason'), width: 280, ellipsis: true, value: (record) => record.reason ?? '' },
      { key: 'attempts', title: t('sync.attempts'), width: 80, value: (record) => String(record.attempts) },
      dateTimeColumn<SyncRecord>('lastSentAt', t('sync.lastSentAt'), (record) => record.lastSentAt),
      dateTimeColumn<SyncRecord>('nextAttemptAt', t('sync.nextAttemptAt'), (record) => (record.state === 'RETRYING' ? record.nextAttemptAt : undefined)),
    ];
    return extraFirst ? [...extra, ...shared] : [...shared, ...extra];
  }, [t, extra, extraFirst]);
}

/** SYNC-1: a day's reconciliation — ours against the province's listing, per kind, with the ids that differ. */
function ReconciliationCard({ load }: { readonly load: (date: string) => Promise<Reconciliation> }) {
  const { t } = useI18n();
  const [report, setReport] = useState<Reconciliation>();
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = async (values: { date?: string }) => {
    setBusy(true);
    setFailure(undefined);
    try {
      setReport(await load(values.date ?? todayInXinzhou()));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const differing = (ids: readonly string[]) => (ids.length === 0 ? t('sync.none') : ids.join('、'));
  return (
    <Card title={t('sync.reconciliation')} size="small" style={{ marginTop: 16 }}>
      <Typography.Paragraph type="secondary">{t('sync.reconciliationIntro')}</Typography.Paragraph>
      {failure !== undefined && <FormFailureAlert failure={{ message: describeApiError(failure, t), issues: [] }} />}
      <Form<{ date?: string }> layout="inline" initialValues={{ date: todayInXinzhou() }} onFinish={(values) => void run(values)}>
        <Form.Item name="date" label={t('sync.date')}>
          <DateField aria-label={t('sync.date')} max={todayInXinzhou()} />
        </Form.Item>
        <Flex>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('sync.reconcile')}
          </Button>
        </Flex>
      </Form>
      {report && (
        <Table
          style={{ marginTop: 12 }}
          size="small"
          pagination={false}
          scroll={{ x: 'max-content' }}
          rowKey="kind"
          dataSource={report.kinds}
          columns={[
            { key: 'kind', title: t('sync.kind'), render: (_, row) => t(`sync.kind.${row.kind}`) },
            { key: 'sent', title: t('sync.sent'), dataIndex: 'sent' },
            { key: 'accepted', title: t('sync.acceptedByUs'), dataIndex: 'accepted' },
            { key: 'provinceHas', title: t('sync.provinceHas'), dataIndex: 'provinceHas' },
            { key: 'missing', title: t('sync.missingAtProvince'), render: (_, row) => differing(row.missingAtProvince) },
            { key: 'unknown', title: t('sync.unknownToUs'), render: (_, row) => differing(row.unknownToUs) },
            { key: 'version', title: t('sync.versionDiffers'), render: (_, row) => differing(row.versionDiffers) },
          ]}
        />
      )}
    </Card>
  );
}
