import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { Complaint, EscalateComplaintRequest } from '../../api';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { queryKeys } from '../../api/query-keys';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { PageHeading, QueryFallback } from '../../kit';
import { useInvalidate } from '../../kit/useInvalidate';
import { useMyInsurers } from '../enterprise/insurer-names';
import { ComplaintActionAlert, isStateConflict, type ActionFailure } from './ComplaintActionAlert';
import { complaintActions } from './complaint-actions';
import { COMPLAINT_LIST_PATHS, type ComplaintAudience } from './complaint-audience';
import { ActionButton, ComplaintDetail } from './ComplaintDetail';
import { ComplaintReplyForm } from './ComplaintReplyForm';
import { ComplaintReplyView } from './ComplaintReplyView';
import { awaitsReply, isOverdue, shanghaiToday } from './due-dates';
import { EscalateForm } from './EscalateForm';
import { ExtendComplaintForm } from './ExtendComplaintForm';

type Dialog = 'extend' | 'escalate' | undefined;

/**
 * One complaint: facts, both deadlines, the reply, the timeline, and what its reader can do while it allows it.
 *
 * - The insurer: needs verification (CMP-3), extend (CMP-4), reply (CMP-5), record the complainant's
 *   escalation (CMP-6).
 * - The enterprise that filed it: where it stands with which insurer, then accept the reply or take the
 *   complaint to the EMB or the NFRA (CMP-6; also open once the insurer is overdue without a reply).
 *
 * Actions the status does not allow are disabled with the reason; a refusal (409, with its rule) is shown at
 * the top and the complaint is reloaded.
 */
export function ComplaintPage({ audience }: { readonly audience: ComplaintAudience }) {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const insurerReads = audience === 'insurer';
  const { nameOf } = useMyInsurers({ enabled: !insurerReads });
  const complaintId = useParams().complaintId ?? '';
  const query = useQuery({
    queryKey: [...queryKeys.complaints, `${insurerReads ? 'complaint' : 'my-complaint'}:${complaintId}`],
    queryFn: ({ signal }) => (insurerReads ? api.complaints : api.myComplaints).get(complaintId, signal),
  });
  const complaint = query.data;
  const reload = useInvalidate('complaints');
  const [failure, setFailure] = useState<ActionFailure>();
  const [dialog, setDialog] = useState<Dialog>();
  const [running, setRunning] = useState<string>();
  const today = shanghaiToday();

  /** A one-click action (verify, accept): its success said, its refusal shown at the top, the complaint reloaded. */
  const run = useCallback(
    async (action: string, call: (idempotencyKey: string) => Promise<Complaint>, success: string) => {
      setRunning(action);
      setFailure(undefined);
      try {
        await call(newIdempotencyKey());
        void message.success(success);
      } catch (error) {
        setFailure({ action, error });
      } finally {
        setRunning(undefined);
        reload();
      }
    },
    [message, reload],
  );

  const failed = useCallback(
    (action: string) => (error: unknown) => {
      if (!isStateConflict(error)) return;
      setDialog(undefined);
      setFailure({ action, error });
      reload();
    },
    [reload],
  );

  const done = useCallback(
    (text: string) => {
      setDialog(undefined);
      setFailure(undefined);
      void message.success(text);
      reload();
    },
    [message, reload],
  );

  const escalate = useCallback(
    (values: EscalateComplaintRequest, key: string) =>
      insurerReads ? api.complaints.recordEscalation(complaintId, values, key) : api.myComplaints.escalate(complaintId, values, key),
    [api, complaintId, insurerReads],
  );

  const back = <Button onClick={() => void navigate(COMPLAINT_LIST_PATHS[audience])}>{t('complaint.backToList')}</Button>;

  if (!complaint) {
    return (
      <>
        <PageHeading title={t('complaint.detailTitle')} extra={back} />
        <QueryFallback query={query} onRetry={reload} />
      </>
    );
  }

  const why = complaintActions(complaint, today, t);
  const insurerName = nameOf(complaint.tenantId);
  const overdue = isOverdue(complaint, today);
  const due = complaint.deadlines.binding.dueOn;
  const escalation = insurerReads
    ? { action: t('complaint.action.escalate'), title: t('complaint.action.escalateTitle'), submitLabel: t('complaint.action.escalate'), doneKey: 'complaint.action.escalated' as const }
    : { action: t('complaint.my.escalate'), title: t('complaint.my.escalate'), submitLabel: t('form.submit'), doneKey: 'complaint.my.escalated' as const };

  const reply = complaint.reply ? (
    <ComplaintReplyView reply={complaint.reply} />
  ) : insurerReads && awaitsReply(complaint) ? (
    <ComplaintReplyForm complaint={complaint} onReplied={() => done(t('complaint.reply.sent'))} onFailure={failed(t('complaint.reply.submit'))} />
  ) : (
    <Typography.Text type="secondary">{t('complaint.reply.none')}</Typography.Text>
  );

  const actions = insurerReads ? (
    <>
      <ActionButton
        label={t('complaint.action.verify')}
        unavailable={why.verify}
        confirm={t('complaint.action.verifyConfirm')}
        loading={running === t('complaint.action.verify')}
        onClick={() =>
          void run(t('complaint.action.verify'), (key) => api.complaints.requireVerification(complaintId, key), t('complaint.action.verified'))
        }
      />
      <ActionButton label={t('complaint.action.extend')} unavailable={why.extend} onClick={() => setDialog('extend')} />
      <ActionButton label={escalation.action} unavailable={why.escalate} onClick={() => setDialog('escalate')} />
    </>
  ) : (
    <>
      <ActionButton
        primary
        label={t('complaint.my.accept')}
        unavailable={why.accept}
        confirm={t('complaint.my.acceptConfirm')}
        loading={running === t('complaint.my.accept')}
        onClick={() => void run(t('complaint.my.accept'), (key) => api.myComplaints.accept(complaintId, key), t('complaint.my.accepted'))}
      />
      <ActionButton label={escalation.action} unavailable={why.escalate} onClick={() => setDialog('escalate')} />
    </>
  );

  return (
    <>
      <PageHeading title={t('complaint.detailTitle')} extra={back} />
      <ComplaintActionAlert failure={failure} onClose={() => setFailure(undefined)} />
      {!insurerReads && complaint.status === 'OPEN' && (
        <Alert
          type={overdue ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={overdue ? t('complaint.my.overdueNotice', { insurer: insurerName, date: due }) : t('complaint.my.waiting', { insurer: insurerName, date: due })}
        />
      )}
      <ComplaintDetail complaint={complaint} today={today} insurer={insurerReads ? undefined : insurerName} reply={reply} actions={actions} />
      {insurerReads && (
        <Modal open={dialog === 'extend'} title={t('complaint.action.extendTitle')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden>
          <ExtendComplaintForm
            complaint={complaint}
            onExtended={(updated) => done(t('complaint.action.extended', { days: updated.extension?.days ?? 0 }))}
            onFailure={failed(t('complaint.action.extend'))}
            onCancel={() => setDialog(undefined)}
          />
        </Modal>
      )}
      <Modal open={dialog === 'escalate'} title={escalation.title} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden>
        <EscalateForm
          submit={escalate}
          submitLabel={escalation.submitLabel}
          onDone={(updated) => done(t(escalation.doneKey, { to: updated.escalation ? t(`complaint.target.${updated.escalation.to}`) : '' }))}
          onFailure={failed(escalation.action)}
          onCancel={() => setDialog(undefined)}
        />
      </Modal>
    </>
  );
}

/** The insurer's page of one complaint (`/insurer/complaints/:complaintId`). */
export const InsurerComplaintPage = () => <ComplaintPage audience="insurer" />;
/** The enterprise's page of one of its complaints (`/my/complaints/:complaintId`). */
export const MyComplaintPage = () => <ComplaintPage audience="enterprise" />;
