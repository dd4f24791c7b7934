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
import { isOverdue, shanghaiToday } from '../complaints/due-dates';
import { EscalateForm } from '../complaints/EscalateForm';
import { useMyInsurers } from './insurer-names';

/**
 * The enterprise's complaint: where it stands, the insurer's reply with its four parts, and the
 * complainant's two choices — accept the reply, or take the complaint to the EMB or the NFRA (CMP-6; also
 * open once the insurer is overdue without a reply).
 */
export function MyComplaintPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { nameOf } = useMyInsurers();
  const complaintId = useParams().complaintId ?? '';
  const query = useQuery({ queryKey: [...queryKeys.complaints, `my-complaint:${complaintId}`], queryFn: ({ signal }) => api.myComplaints.get(complaintId, signal) });
  const complaint = query.data;
  const reload = useInvalidate('complaints');
  const [failure, setFailure] = useState<ActionFailure>();
  const [escalating, setEscalating] = useState(false);
  const [accepting, setAccepting] = useState(false);
  const today = shanghaiToday();

  const accept = useCallback(async () => {
    setAccepting(true);
    setFailure(undefined);
    try {
      await api.myComplaints.accept(complaintId, newIdempotencyKey());
      void message.success(t('complaint.my.accepted'));
    } catch (error) {
      setFailure({ action: t('complaint.my.accept'), error });
    } finally {
      setAccepting(false);
      reload();
    }
  }, [api, complaintId, message, reload, t]);

  const escalate = useCallback(
    (values: EscalateComplaintRequest, key: string) => api.myComplaints.escalate(complaintId, values, key),
    [api, complaintId],
  );

  const back = <Button onClick={() => void navigate('/my/complaints')}>{t('complaint.backToList')}</Button>;

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

  const insurer = nameOf(complaint.tenantId);
  const overdue = isOverdue(complaint, today);
  const closed = complaint.status === 'ACCEPTED' || complaint.status === 'ESCALATED';
  const acceptUnavailable = complaint.status === 'REPLIED' ? undefined : closed ? t('complaint.action.why.closed') : t('complaint.reply.none');
  const escalateUnavailable = closed
    ? t('complaint.action.why.closed')
    : complaint.status === 'OPEN' && !overdue
      ? t('complaint.action.why.notYet')
      : undefined;
  const due = complaint.deadlines.binding.dueOn;

  const reply = complaint.reply ? (
    <ComplaintReplyView reply={complaint.reply} />
  ) : (
    <Typography.Text type="secondary">{t('complaint.reply.none')}</Typography.Text>
  );

  const actions = (
    <>
      <ActionButton
        primary
        label={t('complaint.my.accept')}
        unavailable={acceptUnavailable}
        confirm={t('complaint.my.acceptConfirm')}
        loading={accepting}
        onClick={() => void accept()}
      />
      <ActionButton label={t('complaint.my.escalate')} unavailable={escalateUnavailable} onClick={() => setEscalating(true)} />
    </>
  );

  return (
    <>
      <PageHeading title={t('complaint.detailTitle')} extra={back} />
      <ComplaintActionAlert failure={failure} onClose={() => setFailure(undefined)} />
      {complaint.status === 'OPEN' && (
        <Alert
          type={overdue ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={overdue ? t('complaint.my.overdueNotice', { insurer, date: due }) : t('complaint.my.waiting', { insurer, date: due })}
        />
      )}
      <ComplaintDetail complaint={complaint} today={today} insurer={insurer} reply={reply} actions={actions} />
      <Modal open={escalating} title={t('complaint.my.escalate')} footer={null} onCancel={() => setEscalating(false)} destroyOnHidden>
        <EscalateForm
          submit={escalate}
          submitLabel={t('form.submit')}
          onDone={(updated) => {
            setEscalating(false);
            setFailure(undefined);
            void message.success(t('complaint.my.escalated', { to: updated.escalation ? t(`complaint.target.${updated.escalation.to}`) : '' }));
            reload();
          }}
          onFailure={(error) => {
            if (!isStateConflict(error)) return;
            setEscalating(false);
            setFailure({ action: t('complaint.my.escalate'), error });
            reload();
          }}
          onCancel={() => setEscalating(false)}
        />
      </Modal>
    </>
  );
}
