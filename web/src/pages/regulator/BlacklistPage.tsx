import { useInvalidate } from '../../kit/useInvalidate';
import { queryKeys } from '../../api/query-keys';
import { App, Button, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { BlacklistEntry, BlacklistRequest, LiftBlacklistRequest } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, FormFailureAlert, PageHeading, useApiForm, type DataColumn, type DataTablePageRequest, type FilterField } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { requiredRule } from '../platform/account-rules';
import { useSessionUser } from '../underwriting/session';
import { DateField } from '../../kit/DateField';

type Dialog = { readonly kind: 'list' } | { readonly kind: 'lift'; readonly entry: BlacklistEntry } | undefined;

/**
 * 联合惩戒黑名单 (BLK-1): every regulator reads it; the city EMB and the NFRA list an insurer (ineligible from
 * that day, QUAL-2) and lift their own listings. Lifted and ended listings stay, marked.
 */
export function BlacklistPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const user = useSessionUser();
  const writes = user?.agency === 'EMB_CITY' || user?.agency === 'NFRA';
  // BLK-1: only the agency that listed an entry lifts it (domain/platform/regulator.ts names the agencies).
  const agencyId = user?.agency === 'EMB_CITY' ? 'emb-city' : user?.agency === 'NFRA' ? 'nfra' : undefined;
  const [dialog, setDialog] = useState<Dialog>();
  const invalidate = useInvalidate('register');

  const filters = useMemo<FilterField[]>(() => [{ kind: 'text', name: 'insurerTenantId', label: t('blacklist.insurerTenantId') }], [t]);

  const columns = useMemo<DataColumn<BlacklistEntry>[]>(
    () => [
      { key: 'insurer', title: t('blacklist.insurerTenantId'), width: 220, value: (entry) => entry.insurerTenantId, render: (entry) => <span style={{ fontFamily: 'monospace' }}>{entry.insurerTenantId}</span> },
      { key: 'reason', title: t('blacklist.reason'), value: (entry) => entry.reason },
      { key: 'listedOn', title: t('blacklist.listedOn'), width: 110, value: (entry) => entry.listedOn },
      { key: 'until', title: t('blacklist.until'), width: 110, value: (entry) => entry.until ?? t('blacklist.noEnd') },
      {
        key: 'state',
        title: t('blacklist.state'),
        width: 150,
        value: (entry) => (entry.activeToday ? t('blacklist.active') : entry.liftedOn ? t('blacklist.lifted', { date: entry.liftedOn }) : t('blacklist.inactive')),
        render: (entry) =>
          entry.activeToday ? (
            <Tag color="red">{t('blacklist.active')}</Tag>
          ) : (
            <span title={entry.liftedReason}>
              <Tag>{entry.liftedOn ? t('blacklist.lifted', { date: entry.liftedOn }) : t('blacklist.inactive')}</Tag>
            </span>
          ),
      },
      {
        key: 'listedBy',
        title: t('blacklist.listedBy'),
        width: 130,
        value: (entry) => (entry.listedBy === 'emb-city' ? t('agency.EMB_CITY') : entry.listedBy === 'nfra' ? t('agency.NFRA') : entry.listedBy),
      },
      ...(writes
        ? [
            {
              key: 'actions',
              title: t('table.actions'),
              width: 80,
              csv: false as const,
              render: (entry: BlacklistEntry) =>
                entry.liftedOn || entry.listedBy !== agencyId ? null : (
                  <Button size="small" type="link" onClick={() => setDialog({ kind: 'lift', entry })}>
                    {t('blacklist.lift')}
                  </Button>
                ),
            },
          ]
        : []),
    ],
    [t, writes, agencyId],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.register.listBlacklist({ cursor, limit, insurerTenantId: values.insurerTenantId || undefined }, signal),
    [api],
  );

  const done = (text: string) => {
    setDialog(undefined);
    void message.success(text);
    invalidate();
  };

  return (
    <>
      <PageHeading title={t('blacklist.title')} />
      <Typography.Paragraph type="secondary">{writes ? t('blacklist.intro') : t('blacklist.introReadOnly')}</Typography.Paragraph>
      <DataTable<BlacklistEntry>
queryKey={[...queryKeys.register, '/api/v1/regulator/blacklist']}         caption={t('blacklist.title')}
        columns={columns}
        rowKey={(entry) => entry.id}
        fetchPage={fetchPage}
        filters={filters}
        exportName="blacklist"
        toolbar={
          writes && (
            <Button type="primary" danger onClick={() => setDialog({ kind: 'list' })}>
              {t('blacklist.add')}
            </Button>
          )
        }
      />
      <Modal open={dialog?.kind === 'list'} title={t('blacklist.addTitle')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden>
        <ListInsurerForm onDone={() => done(t('blacklist.added'))} onCancel={() => setDialog(undefined)} />
      </Modal>
      <Modal open={dialog?.kind === 'lift'} title={t('blacklist.liftTitle')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden>
        {dialog?.kind === 'lift' && <LiftForm entry={dialog.entry} onDone={() => done(t('blacklist.liftedDone'))} onCancel={() => setDialog(undefined)} />}
      </Modal>
    </>
  );
}

function ListInsurerForm({ onDone, onCancel }: { readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: BlacklistRequest, key: string) =>
      api.register.blacklist(
        {
          insurerTenantId: values.insurerTenantId.trim(),
          reason: values.reason.trim(),
          ...(values.listedOn ? { listedOn: values.listedOn } : {}),
          ...(values.until ? { until: values.until } : {}),
        },
        key,
      ),
    [api],
  );
  const { form, onFinish, submitting, failure } = useApiForm<BlacklistRequest, BlacklistEntry>({ submit, onSuccess: onDone });
  return (
    <>
      <FormFailureAlert failure={failure} />
      <Form<BlacklistRequest> form={form} name="blacklist-insurer" layout="vertical" onFinish={onFinish} initialValues={{ listedOn: shanghaiToday() }}>
        <Form.Item name="insurerTenantId" label={t('blacklist.insurerTenantId')} extra={t('blacklist.insurerHint')} rules={[requiredRule(t, t('blacklist.insurerTenantId'))]}>
          <Input spellCheck={false} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('blacklist.reason')} extra={t('blacklist.reasonHint')} rules={[requiredRule(t, t('blacklist.reason'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="listedOn" label={t('blacklist.listedOn')}>
            <DateField style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="until" label={t('blacklist.until')} extra={t('blacklist.untilHint')}>
            <DateField style={{ width: 170 }} />
          </Form.Item>
        </Flex>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" danger htmlType="submit" loading={submitting}>
            {t('blacklist.add')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}

function LiftForm({ entry, onDone, onCancel }: { readonly entry: BlacklistEntry; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: LiftBlacklistRequest, key: string) => api.register.lift(entry.id, { reason: values.reason.trim(), ...(values.liftedOn ? { liftedOn: values.liftedOn } : {}) }, key),
    [api, entry.id],
  );
  const { form, onFinish, submitting, failure } = useApiForm<LiftBlacklistRequest, BlacklistEntry>({ submit, onSuccess: onDone });
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('blacklist.liftIntro', { insurer: entry.insurerTenantId, listedOn: entry.listedOn })}
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<LiftBlacklistRequest> form={form} name="lift-blacklist" layout="vertical" onFinish={onFinish} initialValues={{ liftedOn: shanghaiToday() }}>
        <Form.Item name="reason" label={t('blacklist.liftReason')} rules={[requiredRule(t, t('blacklist.liftReason'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="liftedOn" label={t('blacklist.liftedOn')}>
          <DateField style={{ width: 170 }} />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('blacklist.lift')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
