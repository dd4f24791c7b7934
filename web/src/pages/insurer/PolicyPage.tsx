import { useQuery } from '@tanstack/react-query';
import { useInvalidate } from '../../kit/useInvalidate';
import { queryKeys } from '../../api/query-keys';
import { Alert, App, Button, Flex, Form, Input, Modal } from 'antd';
import type { Rule } from 'antd/es/form';
import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import type { CancelPolicyRequest, EndorsePolicyRequest, Policy, PremiumReceived } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { fenToYuanText, FormFailureAlert, PageHeading, useApiForm, wholeNumber, yuanToFen, QueryFallback } from '../../kit';
import { ActionButton } from '../complaints/ComplaintDetail';
import { shanghaiToday } from '../complaints/due-dates';
import { requiredRule } from '../platform/account-rules';
import { obligationsPath } from '../services/service-text';
import { FolderLinkButton } from '../archive/FolderLinkButton';
import { PolicyDetail } from '../underwriting/PolicyDetail';
import { useSessionUser } from '../underwriting/session';
import { DateField } from '../../kit/DateField';
import { useCoinsurers } from './useCoinsurers';
import { PolicyPremiumPanel } from '../fees/PolicyPremiumPanel';
import { PremiumReceiptForm } from '../fees/PremiumReceiptForm';

type Dialog = 'endorse' | 'cancel' | 'receipt' | undefined;

/**
 * One policy for the insurer: everything it records, and 批改 (UW-3, UW-4, UW-1, UW-9) and 注销 (UW-1) while
 * it allows them. A co-insurer's copy of a policy another insurer leads is read-only (ACL-1): the actions are
 * disabled with the reason written under them.
 */
export function PolicyPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const user = useSessionUser();
  const policyId = useParams().policyId ?? '';
  const query = useQuery({ queryKey: [...queryKeys.underwriting, `policy:${policyId}`], queryFn: ({ signal }) => api.policies.get(policyId, signal) });
  const policy = query.data;
  // Issue 15: the co-insurers by name, not by their tenant ids.
  const coinsurers = useCoinsurers({ enabled: policy?.mode === 'COINSURANCE' });
  const [dialog, setDialog] = useState<Dialog>();
  const today = shanghaiToday();
  const reload = useInvalidate('underwriting');
  const reloadFees = useInvalidate('fees');
  // FEE-1 (issue 15): a receipt booked from the policy page refreshes its premium figures and the fee ledger.
  const onReceipt = useCallback(
    ({ receipt }: PremiumReceived) => {
      setDialog(undefined);
      void message.success(t('fee.policy.recorded', { policy: receipt.policyNumber }));
      reloadFees();
    },
    [message, reloadFees, t],
  );

  const done = useCallback(
    (text: string) => {
      setDialog(undefined);
      void message.success(text);
      reload();
    },
    [message, reload],
  );

  const back = <Button onClick={() => void navigate('/insurer/underwriting')}>{t('policy.backToList')}</Button>;
  if (!policy) {
    return (
      <>
        <PageHeading title={t('policy.detailTitle')} extra={back} />
        <QueryFallback query={query} onRetry={reload} />
      </>
    );
  }

  // ACL-1: only the lead insurer (the issuer) changes a policy; UW-1: a cancelled or ended one no longer.
  const memberCopy = policy.tenantId !== user?.tenantId;
  const cancelled = policy.status === 'CANCELLED';
  const ended = today > policy.periodEnd;
  const endorseUnavailable = memberCopy
    ? t('policy.why.memberCopy')
    : cancelled
      ? t('policy.why.cancelled')
      : ended
        ? t('policy.why.ended', { date: policy.periodEnd })
        : undefined;
  const cancelUnavailable = memberCopy ? t('policy.why.memberCopy') : cancelled ? t('policy.why.cancelled') : ended ? t('policy.why.ended', { date: policy.periodEnd }) : undefined;

  const actions = (
    <>
      {/* SVC-1, SVC-2, SVC-11: the services this policy owes; a member's copy has none (they are the lead's). */}
      {!memberCopy && <Button onClick={() => void navigate(obligationsPath(policy.id))}>{t('policy.obligations')}</Button>}
      {/* SVC-10 (issue 18): the enterprise's archive folder of this policy year; a member's copy archives nothing (the lead does). */}
      {!memberCopy && <FolderLinkButton uscc={policy.enterprise.uscc} periodStart={policy.periodStart} />}
      {/* FEE-1..3 (issue 15): the premium's receipt follows the issue, on the policy, not by typing its id elsewhere. */}
      <PolicyPremiumPanel policyId={policy.id} onRecord={() => setDialog('receipt')} />
      <ActionButton label={t('policy.endorse')} unavailable={endorseUnavailable} onClick={() => setDialog('endorse')} primary />
      <ActionButton label={t('policy.cancel')} unavailable={cancelUnavailable} onClick={() => setDialog('cancel')} danger />
    </>
  );

  return (
    <>
      <PageHeading title={t('policy.detailTitleNumber', { number: policy.policyNumber })} extra={back} />
      <PolicyDetail policy={policy} today={today} tenantId={user?.tenantId} actions={actions} memberName={coinsurers.nameOf} />
      <Modal open={dialog === 'endorse'} title={t('policy.endorseTitle')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden width={640}>
        <EndorsePolicyForm policy={policy} onDone={() => done(t('policy.endorsed'))} onStale={reload} onCancel={() => setDialog(undefined)} />
      </Modal>
      <Modal open={dialog === 'receipt'} title={t('fee.policy.record')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden width={620}>
        <PremiumReceiptForm policy={policy} onBooked={onReceipt} onCancel={() => setDialog(undefined)} />
      </Modal>
      <Modal open={dialog === 'cancel'} title={t('policy.cancelTitle')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden>
        <CancelPolicyForm policy={policy} today={today} onDone={() => done(t('policy.cancelled'))} onStale={reload} onCancel={() => setDialog(undefined)} />
      </Modal>
    </>
  );
}

interface EndorseValues {
  readonly employeesCovered?: string;
  readonly perPersonInsuredAmountFen?: string;
  readonly perPersonDeathLimitFen?: string;
  readonly periodEnd?: string;
  readonly reason?: string;
}

interface FormProps {
  readonly policy: Policy;
  readonly onDone: () => void;
  /** A 409 or 412: the policy changed or a rule refuses; the page reloads it. */
  readonly onStale: () => void;
  readonly onCancel: () => void;
}

const staleOrConflict = (error: unknown): boolean => error instanceof ApiError && (error.status === 409 || error.status === 412);

/** 批改: what changes (only the fields that differ are sent) and why. */
function EndorsePolicyForm({ policy, onDone, onStale, onCancel }: FormProps) {
  const { t } = useI18n();
  const api = useApi();
  const [unchanged, setUnchanged] = useState(false);
  const submit = useCallback(
    (values: EndorseValues, key: string) => {
      const employees = wholeNumber(values.employeesCovered);
      const amount = yuanToFen(values.perPersonInsuredAmountFen);
      const death = yuanToFen(values.perPersonDeathLimitFen);
      const body: EndorsePolicyRequest = {
        ...(employees !== undefined && employees !== policy.employeesCovered ? { employeesCovered: employees } : {}),
        ...(amount !== undefined && amount !== policy.perPersonInsuredAmountFen ? { perPersonInsuredAmountFen: amount } : {}),
        ...(death !== undefined && death !== policy.perPersonDeathLimitFen ? { perPersonDeathLimitFen: death } : {}),
        ...(values.periodEnd && values.periodEnd !== policy.periodEnd ? { periodEnd: values.periodEnd } : {}),
        reason: (values.reason ?? '').trim(),
      };
      return api.policies.endorse(policy.id, body, key);
    },
    [api, policy],
  );
  const { form, onFinish, submitting, failure } = useApiForm<EndorseValues, Policy>({
    submit,
    onSuccess: onDone,
    onFailure: (error) => {
      if (error instanceof ApiError && error.status === 412) onStale();
    },
    conflictsAtFields: true,
  });
  const finish = (values: EndorseValues) => {
    const same =
      wholeNumber(values.employeesCovered) === policy.employeesCovered &&
      yuanToFen(values.perPersonInsuredAmountFen) === policy.perPersonInsuredAmountFen &&
      yuanToFen(values.perPersonDeathLimitFen) === policy.perPersonDeathLimitFen &&
      values.periodEnd === policy.periodEnd;
    setUnchanged(same);
    if (!same) void onFinish(values);
  };
  const amountRule = (label: string): Rule[] => [
    requiredRule(t, label),
    { validator: (_, value: unknown) => (typeof value !== 'string' || value.trim() === '' || yuanToFen(value) ? Promise.resolve() : Promise.reject(new Error(t('uw.yuanFormat')))) },
  ];
  return (
    <>
      <FormFailureAlert failure={failure} />
      {unchanged && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('policy.endorse.nothing')} />}
      <Form<EndorseValues>
        form={form}
        name="endorse-policy"
        layout="vertical"
        onFinish={finish}
        initialValues={{
          employeesCovered: String(policy.employeesCovered),
          perPersonInsuredAmountFen: fenToYuanText(policy.perPersonInsuredAmountFen),
          perPersonDeathLimitFen: fenToYuanText(policy.perPersonDeathLimitFen),
          periodEnd: policy.periodEnd,
        }}
      >
        <Flex gap={12} wrap>
          <Form.Item
            name="employeesCovered"
            label={t('policy.employeesCovered')}
            extra={t('policy.endorse.employeesHint')}
            rules={[requiredRule(t, t('policy.employeesCovered')), { validator: (_, value: unknown) => (typeof value !== 'string' || wholeNumber(value) ? Promise.resolve() : Promise.reject(new Error(t('uw.wholeNumber')))) }]}
            style={{ flex: '1 1 180px' }}
          >
            <Input inputMode="numeric" suffix={t('unit.people')} />
          </Form.Item>
          <Form.Item name="periodEnd" label={t('policy.periodEnd')} rules={[requiredRule(t, t('policy.periodEnd'))]} style={{ flex: '1 1 180px' }}>
            <DateField />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="perPersonInsuredAmountFen" label={t('policy.insuredAmount')} rules={amountRule(t('policy.insuredAmount'))} style={{ flex: '1 1 180px' }}>
            <Input inputMode="decimal" suffix={t('money.unit')} />
          </Form.Item>
          <Form.Item name="perPersonDeathLimitFen" label={t('policy.deathLimit')} rules={amountRule(t('policy.deathLimit'))} extra={t('policy.deathLimitHint')} style={{ flex: '1 1 180px' }}>
            <Input inputMode="decimal" suffix={t('money.unit')} />
          </Form.Item>
        </Flex>
        <Form.Item name="reason" label={t('policy.endorsement.reason')} rules={[requiredRule(t, t('policy.endorsement.reason'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('policy.endorse')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}

/** 注销: from a day on (never back-dated: today at the earliest), with the reason. */
function CancelPolicyForm({ policy, today, onDone, onStale, onCancel }: FormProps & { readonly today: string }) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback((values: CancelPolicyRequest, key: string) => api.policies.cancel(policy.id, { on: values.on, reason: values.reason.trim() }, key), [api, policy.id]);
  const { form, onFinish, submitting, failure } = useApiForm<CancelPolicyRequest, Policy>({
    submit,
    onSuccess: onDone,
    onFailure: (error) => {
      if (staleOrConflict(error)) onStale();
    },
  });
  const earliest = today > policy.periodStart ? today : policy.periodStart;
  return (
    <>
      <FormFailureAlert failure={failure} />
      <Form<CancelPolicyRequest> form={form} name="cancel-policy" layout="vertical" onFinish={onFinish} initialValues={{ on: earliest }}>
        <Form.Item name="on" label={t('policy.cancel.on')} extra={t('policy.cancel.onHint')} rules={[requiredRule(t, t('policy.cancel.on'))]}>
          <DateField min={earliest} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="reason" label={t('policy.cancel.reason')} rules={[requiredRule(t, t('policy.cancel.reason'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" danger htmlType="submit" loading={submitting}>
            {t('policy.cancel')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
