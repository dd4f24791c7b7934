import { useQuery } from '@tanstack/react-query';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { ApiError, newIdempotencyKey } from '../../api';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { decimalRule, describeApiError, describeFieldIssue, fenToYuanText, FormFailureAlert, Money, yuanToFen } from '../../kit';
import { DateField } from '../../kit/DateField';
import { shanghaiToday } from '../complaints/due-dates';
import { contentTypeOf, EVIDENCE_ACCEPT, sha256Hex } from '../services/evidence-upload';
import { CASUALTY_KINDS, CLAIM_REASON_CODES, ClaimsApi, type CasualtyKind, type Claim, type ClaimReasonCode } from './claims-api';

/** One submission of a modal form: its idempotency key, busy flag and the failure to show. */
function useSubmission<V>(run: (values: V, key: string) => Promise<Claim>, onDone: (claim: Claim) => void) {
  const [key] = useState(newIdempotencyKey);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const submit = async (values: V) => {
    setSaving(true);
    setFailure(undefined);
    try {
      onDone(await run(values, key));
    } catch (error) {
      setFailure(error);
    } finally {
      setSaving(false);
    }
  };
  return { saving, failure, submit };
}

/** A refused submission in the console's words: each field the server names, worded by the rule catalogue (CLM-1). */
function Failure({ failure }: { readonly failure: unknown }) {
  const { t, messages } = useI18n();
  if (failure === undefined) return null;
  const issues = failure instanceof ApiError ? failure.fieldIssues.map((issue) => describeFieldIssue(issue, t, messages)) : [];
  return <FormFailureAlert failure={{ message: issues.length > 0 ? t('form.error.fields') : describeApiError(failure, t), issues }} />;
}

/** The insurer's own policies found by the enterprise's name or the policy number (issue 15: never a typed id). */
function usePolicySearch(q: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.underwriting, 'claims:policies', q],
    queryFn: ({ signal }) => api.policies.list({ limit: 20, ...(q ? { q } : {}) }, signal),
    staleTime: 30_000,
  });
}

interface RegisterValues {
  policyId: string;
  accidentOn: string;
  place: string;
  casualties: { name: string; kind: CasualtyKind; amount: string }[];
  documents?: { archiveId: string; sha256: string; name: string }[];
}

/** CLM-1: the claim's documents, each uploaded through its ticket to the write-once archive as it is picked. */
function ClaimDocumentsField() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  return (
    <Form.List name="documents">
      {(fields, { add, remove }) => (
        <Flex vertical gap={4} style={{ marginTop: 16 }}>
          <Typography.Text strong>{t('claim.documents')}</Typography.Text>
          <Typography.Text type="secondary">{t('claim.documents.help')}</Typography.Text>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="center">
              <Form.Item noStyle shouldUpdate>
                {(form) => {
                  const document = form.getFieldValue(['documents', field.name]) as { name?: string } | undefined;
                  return (
                    <Typography.Text style={{ flex: 1, minWidth: 0 }} ellipsis aria-label={`${t('claim.documents')} ${index + 1}`}>
                      {document?.name}
                    </Typography.Text>
                  );
                }}
              </Form.Item>
              <Button aria-label={t('claim.casualty.remove')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <input
            ref={input}
            type="file"
            accept={EVIDENCE_ACCEPT}
            hidden
            style={{ display: 'none' }}
            aria-label={t('claim.documents.upload')}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file) return;
              const contentType = contentTypeOf(file);
              if (contentType === undefined) {
                void message.error(t('claim.documents.notAllowed', { name: file.name }));
                return;
              }
              setUploading(true);
              void (async () => {
                try {
                  const bytes = await file.arrayBuffer();
                  const sha256 = await sha256Hex(bytes);
                  const { uploadId, ticket } = await new ClaimsApi(api.client).documentUpload({ fileName: file.name, contentType, size: file.size, sha256 }, newIdempotencyKey());
                  const stored = await fetch(ticket.url, { method: ticket.method, headers: { ...ticket.headers }, body: bytes });
                  if (!stored.ok) throw new Error(`${stored.status}`);
                  add({ name: file.name, archiveId: uploadId, sha256 });
                } catch (error) {
                  void message.error(t('claim.documents.failed', { name: file.name, reason: error instanceof Error ? error.message : String(error) }));
                } finally {
                  setUploading(false);
                }
              })();
            }}
          />
          <Button size="small" type="dashed" icon={<UploadOutlined />} loading={uploading} onClick={() => input.current?.click()} style={{ alignSelf: 'flex-start' }}>
            {t('claim.documents.upload')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

/** CLM-1: a claim on one of the insurer's policies, its accident day and place, and each person with the amount claimed. */
export function RegisterClaimModal({ onClose, onDone }: { readonly onClose: () => void; readonly onDone: (claim: Claim) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [form] = Form.useForm<RegisterValues>();
  const [q, setQ] = useState('');
  const policies = usePolicySearch(q);
  const options = useMemo(
    () => (policies.data?.items ?? []).map((policy) => ({ value: policy.id, label: `${policy.enterprise.name} · ${policy.policyNumber}` })),
    [policies.data],
  );
  const { saving, failure, submit } = useSubmission<RegisterValues>(
    (values, key) =>
      new ClaimsApi(api.client).register(
        {
          policyId: values.policyId,
          accidentOn: values.accidentOn,
          place: values.place.trim(),
          casualties: values.casualties.map((casualty) => ({ name: casualty.name.trim(), kind: casualty.kind, amountClaimedFen: yuanToFen(casualty.amount) ?? 0 })),
          ...(values.documents && values.documents.length > 0 ? { documents: values.documents } : {}),
        },
        key,
      ),
    onDone,
  );
  const required = [{ required: true, whitespace: true, message: t('claim.required') }];
  return (
    <Modal open width={720} title={t('claim.register')} onCancel={onClose} onOk={() => form.submit()} okText={t('claim.submit')} cancelText={t('claim.cancel')} confirmLoading={saving}>
      <Failure failure={failure} />
      <Form form={form} layout="vertical" name="register-claim" initialValues={{ casualties: [{ kind: 'INJURY' }] }} onFinish={(values) => void submit(values)}>
        <Form.Item name="policyId" label={t('claim.policy')} extra={t('claim.policyHelp')} rules={[{ required: true, message: t('claim.required') }]}>
          <Select showSearch={{ filterOption: false, onSearch: setQ }} options={options} loading={policies.isFetching} notFoundContent={null} aria-label={t('claim.policy')} />
        </Form.Item>
        <Form.Item name="accidentOn" label={t('claim.accidentOn')} extra={t('claim.accidentOnHelp')} rules={[{ required: true, message: t('claim.required') }]}>
          <DateField max={shanghaiToday()} aria-label={t('claim.accidentOn')} />
        </Form.Item>
        <Form.Item name="place" label={t('claim.place')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Typography.Text strong>{t('claim.casualties')}</Typography.Text>
        <Form.List name="casualties">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Flex key={field.key} wrap gap={8} align="flex-start" style={{ marginTop: 8 }}>
                  <Form.Item name={[field.name, 'name']} label={t('claim.casualty.name')} rules={required} style={{ flex: '1 1 120px', marginBottom: 8 }}>
                    <Input maxLength={100} aria-label={`${t('claim.casualty.name')} ${index + 1}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} label={t('claim.casualty.kind')} rules={required} style={{ flex: '1 1 100px', marginBottom: 8 }}>
                    <Select options={CASUALTY_KINDS.map((kind) => ({ value: kind, label: t(`claim.kind.${kind}`) }))} aria-label={`${t('claim.casualty.kind')} ${index + 1}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'amount']}
                    label={t('claim.casualty.claimed')}
                    rules={[...required, decimalRule(yuanToFen, t('claim.amountFormat'), true)]}
                    style={{ flex: '1 1 120px', marginBottom: 8 }}
                  >
                    <Input inputMode="decimal" aria-label={`${t('claim.casualty.claimed')} ${index + 1}`} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <Button type="link" danger onClick={() => remove(field.name)} style={{ marginTop: 30 }}>
                      {t('claim.casualty.remove')}
                    </Button>
                  )}
                </Flex>
              ))}
              <Button onClick={() => add({ kind: 'INJURY' })} style={{ marginTop: 8 }}>
                {t('claim.casualty.add')}
              </Button>
            </>
          )}
        </Form.List>
        <ClaimDocumentsField />
      </Form>
    </Modal>
  );
}

interface DecideValues {
  payable: string[];
  reasonCode?: ClaimReasonCode;
  reasonText?: string;
}

/** CLM-1: the payable amount per person; a decline or a cut with a reason from the list and its words. */
export function DecideClaimModal({ claim, onClose, onDone }: { readonly claim: Claim; readonly onClose: () => void; readonly onDone: (claim: Claim) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [form] = Form.useForm<DecideValues>();
  const { saving, failure, submit } = useSubmission<DecideValues>(
    (values, key) =>
      new ClaimsApi(api.client).decide(
        claim.id,
        {
          payableFen: values.payable.map((amount) => yuanToFen(amount) ?? 0),
          ...(values.reasonCode ? { reasonCode: values.reasonCode } : {}),
          ...(values.reasonText?.trim() ? { reasonText: values.reasonText.trim() } : {}),
        },
        key,
      ),
    onDone,
  );
  return (
    <Modal open width={640} title={t('claim.decideTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('claim.submit')} cancelText={t('claim.cancel')} confirmLoading={saving}>
      <Typography.Paragraph type="secondary">{t('claim.decideHelp')}</Typography.Paragraph>
      <Failure failure={failure} />
      <Form
        form={form}
        layout="vertical"
        name="decide-claim"
        initialValues={{ payable: claim.casualties.map((casualty) => fenToYuanText(casualty.amountClaimedFen)) }}
        onFinish={(values) => void submit(values)}
      >
        {claim.casualties.map((casualty, index) => (
          <Form.Item
            key={`${casualty.name}-${index}`}
            name={['payable', index]}
            label={`${casualty.name} · ${t(`claim.kind.${casualty.kind}`)}`}
            extra={
              <>
                {t('claim.claimed')} <Money fen={casualty.amountClaimedFen} />
              </>
            }
            rules={[{ required: true, message: t('claim.required') }, decimalRule(yuanToFen, t('claim.amountFormat'))]}
          >
            <Input inputMode="decimal" aria-label={`${casualty.name} ${t('claim.casualty.payable')}`} />
          </Form.Item>
        ))}
        <Form.Item name="reasonCode" label={t('claim.reasonCode')} extra={t('claim.reasonHelp')}>
          <Select allowClear options={CLAIM_REASON_CODES.map((code) => ({ value: code, label: t(`claim.reason.${code}`) }))} aria-label={t('claim.reasonCode')} />
        </Form.Item>
        <Form.Item name="reasonText" label={t('claim.reasonText')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface PayoutValues {
  paidOn: string;
  amount: string;
  note?: string;
}

/** CLM-1: money paid on a decided claim, on a day; the total never above the payable. */
export function PayoutModal({ claim, onClose, onDone }: { readonly claim: Claim; readonly onClose: () => void; readonly onDone: (claim: Claim) => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [form] = Form.useForm<PayoutValues>();
  const left = (claim.decision?.totalPayableFen ?? 0) - claim.paidFen;
  const { saving, failure, submit } = useSubmission<PayoutValues>(
    (values, key) =>
      new ClaimsApi(api.client).recordPayout(
        claim.id,
        { paidOn: values.paidOn, amountFen: yuanToFen(values.amount) ?? 0, ...(values.note?.trim() ? { note: values.note.trim() } : {}) },
        key,
      ),
    onDone,
  );
  return (
    <Modal open title={t('claim.payout')} onCancel={onClose} onOk={() => form.submit()} okText={t('claim.submit')} cancelText={t('claim.cancel')} confirmLoading={saving}>
      <Typography.Paragraph type="secondary">{t('claim.payout.left', { amount: `${fenToYuanText(left)} ${t('money.unit')}` })}</Typography.Paragraph>
      <Failure failure={failure} />
      <Form form={form} layout="vertical" name="claim-payout" initialValues={{ paidOn: shanghaiToday(), amount: fenToYuanText(left) }} onFinish={(values) => void submit(values)}>
        <Form.Item name="paidOn" label={t('claim.payout.paidOn')} rules={[{ required: true, message: t('claim.required') }]}>
          <DateField min={claim.decision?.decidedOn} max={shanghaiToday()} aria-label={t('claim.payout.paidOn')} />
        </Form.Item>
        <Form.Item name="amount" label={t('claim.payout.amount')} rules={[{ required: true, message: t('claim.required') }, decimalRule(yuanToFen, t('claim.amountFormat'), true)]}>
          <Input inputMode="decimal" />
        </Form.Item>
        <Form.Item name="note" label={t('claim.payout.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
