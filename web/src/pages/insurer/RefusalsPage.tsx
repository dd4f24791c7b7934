import { App, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { RecordRefusalRequest, Refusal, RefusalReason } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n, type MessageKey } from '../../i18n';
import { DataTable, FormFailureAlert, PageHeading, useApiForm, type DataColumn, type DataTablePageRequest } from '../../kit';
import { DateField } from '../../kit/DateField';
import { useInvalidate } from '../../kit/useInvalidate';
import { countyName } from '../../reference/xinzhou-counties';
import { industryName } from '../../reference/underwriting';
import { requiredRule } from '../platform/account-rules';

/** UW-12: the reasons an insurer may record, in the API's order (domain/underwriting/refusal.ts). */
export const REFUSAL_REASON_CODES: readonly RefusalReason[] = [
  'APPLICATION_WITHDRAWN',
  'APPLICATION_INCOMPLETE',
  'NO_FILED_RATE',
  'INSURER_NOT_ELIGIBLE',
  'ALREADY_INSURED',
  'PREMIUM_NOT_AGREED',
  'OTHER',
];

export const reasonKey = (reason: RefusalReason): MessageKey => `refusal.reason.${reason}` as MessageKey;

/**
 * 拒保登记 (UW-12, 承诺函第四条：无正当理由不得拒保): the insurer's own refusals to insure, and the form that
 * records one — the enterprise (on the register), the reason from the list, and what happened. Regulators see
 * every refusal.
 */
export function RefusalsPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const invalidate = useInvalidate('underwriting');

  const columns = useMemo<DataColumn<Refusal>[]>(
    () => [
      { key: 'refusedOn', title: t('refusal.refusedOn'), width: 110, value: (refusal) => refusal.refusedOn },
      { key: 'enterprise', title: t('refusal.enterprise'), value: (refusal) => `${refusal.enterprise.name}（${refusal.enterprise.uscc}）` },
      { key: 'county', title: t('refusal.county'), width: 110, value: (refusal) => countyName(refusal.enterprise.county, locale) },
      { key: 'industry', title: t('refusal.industry'), width: 140, value: (refusal) => industryName(refusal.enterprise.industry, locale) },
      { key: 'reason', title: t('refusal.reason'), width: 200, value: (refusal) => t(reasonKey(refusal.reason)) },
      { key: 'explanation', title: t('refusal.explanation'), value: (refusal) => refusal.explanation },
    ],
    [t, locale],
  );

  const fetchPage = useCallback(
    ({ cursor, limit }: DataTablePageRequest, signal: AbortSignal) => api.refusals.list({ cursor, limit }, signal),
    [api],
  );

  return (
    <>
      <PageHeading title={t('refusal.title')} />
      <Typography.Paragraph type="secondary">{t('refusal.intro')}</Typography.Paragraph>
      <DataTable<Refusal>
        queryKey={[...queryKeys.underwriting, '/api/v1/refusals']}
        caption={t('refusal.title')}
        columns={columns}
        rowKey={(refusal) => refusal.id}
        fetchPage={fetchPage}
        exportName="refusals"
        toolbar={
          <Button type="primary" onClick={() => setOpen(true)}>
            {t('refusal.add')}
          </Button>
        }
      />
      <Modal open={open} title={t('refusal.addTitle')} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        <RecordRefusalForm
          onDone={() => {
            setOpen(false);
            void message.success(t('refusal.added'));
            invalidate();
          }}
          onCancel={() => setOpen(false)}
        />
      </Modal>
    </>
  );
}

function RecordRefusalForm({ onDone, onCancel }: { readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: RecordRefusalRequest, key: string) =>
      api.refusals.record(
        {
          enterpriseUscc: values.enterpriseUscc.trim(),
          reason: values.reason,
          explanation: values.explanation.trim(),
          ...(values.appliedOn ? { appliedOn: values.appliedOn } : {}),
        },
        key,
      ),
    [api],
  );
  const { form, onFinish, submitting, failure } = useApiForm<RecordRefusalRequest, Refusal>({ submit, onSuccess: onDone });
  return (
    <>
      <FormFailureAlert failure={failure} />
      <Form<RecordRefusalRequest> form={form} name="record-refusal" layout="vertical" onFinish={onFinish}>
        <Form.Item name="enterpriseUscc" label={t('refusal.enterpriseUscc')} extra={t('refusal.enterpriseUsccHint')} rules={[requiredRule(t, t('refusal.enterpriseUscc'))]}>
          <Input spellCheck={false} autoComplete="off" maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Form.Item name="reason" label={t('refusal.reason')} rules={[requiredRule(t, t('refusal.reason'))]}>
          <Select options={REFUSAL_REASON_CODES.map((code) => ({ value: code, label: t(reasonKey(code)) }))} />
        </Form.Item>
        <Form.Item name="explanation" label={t('refusal.explanation')} extra={t('refusal.explanationHint')} rules={[requiredRule(t, t('refusal.explanation'))]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="appliedOn" label={t('refusal.appliedOn')}>
          <DateField style={{ width: 170 }} />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('refusal.add')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
