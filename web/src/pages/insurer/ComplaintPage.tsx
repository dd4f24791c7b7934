import { useQuery } from '@tanstack/react-query';
import { useInvalidate } from '../../kit/useInvalidate';
import { queryKeys } from '../../api/query-keys';
import { Alert, App, Button, Modal, Skeleton, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { newIdempotencyKey } from '../../api/idempotency-key';
import type { EscalateComplaintRequest } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { describeApiError, PageHeading } from '../../kit';
import { ComplaintActionAlert, isStateConflict, type ActionFailure } from '../complaints/ComplaintActionAlert';
import { ActionButton, ComplaintDetail } from '../complaints/ComplaintDetail';
import { ComplaintReplyView } from '../complaints/ComplaintReplyView';
import { awaitsReply, isOverdue, shanghaiToday } from '../complaints/due-dates';
import { EscalateForm } from '../complaints/EscalateForm';
import { ComplaintReplyForm } from './ComplaintReplyForm';
import { ExtendComplaintForm } from './ExtendComplaintForm';

type Dialog = 'extend' | 'escalate' | undefined;

/**
 * One complaint for the insurer: facts, both deadlines, the timeline, and what can be done while it is open —
 * needs verification (CMP-3), extend (CMP-4), reply (CMP-5), record the complainant's escalation (CMP-6).
 * Actions the status does not allow are disabled with the reason; a refusal (409, with its rule) is shown
 * at the top and the complaint is reloaded.
 */
export function ComplaintPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const complaintId = useParams().complaintId ?? '';
  const query = useQuery({ queryKey: [...queryKeys.complaints, `complaint:${complaintId}`], queryFn: ({ signal }) => api.complaints.get(complaintId, signal) });
  const complaint = query.data;
  const [failure, setFailure] = useState<ActionFailure>();
  const [dialog, setDialog] = useState<Dialog>();
  const [verifying, setVerifying] = useState(false);
  const today = shanghaiToday();
  const reload = useInvalidate('complaints');

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
    (text: string) => () => {
      setDialog(undefined);
      setFailure(undefined);
      void message.success(text);
      reload();
    },
    [message, reload],
  );

  const requireVerification = useCallback(async () => {
    setVerifying(true);
    setFailure(undefined);
    try {
      await api.complaints.requireVerification(complaintId, newIdempotencyKey());
      void message.success(t('complaint.action.verified'));
    } catch (error) {
      setFailure({ action: t('complaint.action.verify'), error });
    } finally {
      setVerifying(false);
      reload();
    }
  }, [api, complaintId, message, reload, t]);

  const recordEscalation = useCallback(
    (values: EscalateComplaintRequest, key: string) => api.complaints.recordEscalation(complaintId, values, key),
    [api, complaintId],
  );

  const back = <Button onClick={() => void navigate('/insurer/complaints')}>{t('complaint.backToList')}</Button>;

  if (!complaint) {
    return (
      <>
        <PageHeading title={t('complaint.detailTitle')} extra={back} />
        {Boolean(query.error) && (
          <Alert
            type="error"
            showIcon
            title={describeApiError(query.error, t)}
            action={
              <Button size="small" onClick={reload}>
                {t('table.retry')}
              </Button>
            }
          />
        )}
        {query.isFetching && <Skeleton active />}
      </>
    );
  }

  // What the status allows (CMP-3, CMP-4: once each, while OPEN and not overdue; CMP-6: after the reply or
  // once overdue). The server stays the judge: a refusal it gives anyway (another user was faster, the
  // day turned) is shown with its rule.
  const open = complaint.status === 'OPEN';
  const overdue = isOverdue(complaint, today);
  const notOpen = t('complaint.action.why.notOpen');
  const tooLate = t('complaint.action.why.overdue', { date: complaint.deadlines.binding.dueOn });
  const verifyUnavailable = !open
    ? notOpen
    : complaint.needsVerification
      ? t('complaint.action.why.verified')
      : overdue
        ? tooLate
        : undefined;
  const extendUnavailable = !open ? notOpen : complaint.extension ? t('complaint.action.why.extended') : overdue ? tooLate : undefined;
  const escalateUnavailable =
    complaint.status === 'ACCEPTED' || complaint.status === 'ESCALATED'
      ? t('complaint.action.why.closed')
      : open && !overdue
        ? t('complaint.action.why.notYet')
        : undefined;

  const reply = complaint.reply ? (
    <ComplaintReplyView reply={complaint.reply} />
  ) : awaitsReply(complaint) ? (
    <ComplaintReplyForm complaint={complaint} onReplied={done(t('complaint.reply.sent'))} onFailure={failed(t('complaint.reply.submit'))} />
  ) : (
    <Typography.Text type="secondary">{t('complaint.reply.none')}</Typography.Text>
  );

  const actions = (
    <>
      <ActionButton
        label={t('complaint.action.verify')}
        unavailable={verifyUnavailable}
        confirm={t('complaint.action.verifyConfirm')}
        loading={verifying}
        onClick={() => void requireVerification()}
      />
      <ActionButton label={t('complaint.action.extend')} unavailable={extendUnavailable} onClick={() => setDialog('extend')} />
      <ActionButton label={t('complaint.action.escalate')} unavailable={escalateUnavailable} onClick={() => setDialog('escalate')} />
    </>
  );

  return (
    <>
      <PageHeading title={t('complaint.detailTitle')} extra={back} />
      <ComplaintActionAlert failure={failure} onClose={() => setFailure(undefined)} />
      <ComplaintDetail complaint={complaint} today={today} reply={reply} actions={actions} />
      <Modal open={dialog === 'extend'} title={t('complaint.action.extendTitle')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden>
        <ExtendComplaintForm
          complaint={complaint}
          onExtended={(updated) => done(t('complaint.action.extended', { days: updated.extension?.days ?? 0 }))()}
          onFailure={failed(t('complaint.action.extend'))}
          onCancel={() => setDialog(undefined)}
        />
      </Modal>
      <Modal open={dialog === 'escalate'} title={t('complaint.action.escalateTitle')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden>
        <EscalateForm
          submit={recordEscalation}
          submitLabel={t('complaint.action.escalate')}
          onDone={(updated) =>
            done(t('complaint.action.escalated', { to: updated.escalation ? t(`complaint.target.${updated.escalation.to}`) : '' }))()
          }
          onFailure={failed(t('complaint.action.escalate'))}
          onCancel={() => setDialog(undefined)}
        />
      </Modal>
    </>
  );
}
