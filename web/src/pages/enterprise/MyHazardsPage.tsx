import { useInvalidate } from '../../kit/useInvalidate';
import { queryKeys } from '../../api/query-keys';
import { App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { type Hazard, type HazardStatus, type RectificationRequest } from '../../api';
import { HAZARD_STATUSES } from '../../reference/domain';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DataTable, FormFailureAlert, PageHeading, useApiForm, type DataColumn, type DataTablePageRequest, type FilterField, FormButtons } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { requiredRule } from '../platform/account-rules';
import { EvidenceUploader } from '../services/EvidenceUploader';
import { HazardDueCell, HazardGradeTag, HazardStatusTag } from '../services/ServiceTags';
import { evidenceRequestOf, type UploadedEvidence } from '../services/evidence-upload';
import { hazardDueOn } from '../services/service-dates';
import { hazardGradeText, hazardStatusText } from '../services/service-text';
import { DateField } from '../../kit/DateField';

type Dialog = { readonly kind: 'plan' | 'close'; readonly hazard: Hazard } | undefined;

/**
 * 隐患整改 (我的隐患, SVC-7): the hazards insurers found at the enterprise, MAJOR in red; it reports its
 * rectification plan, due date and responsible person, then reports the hazard closed with evidence uploaded
 * straight to the archive — after which the insurer verifies it.
 */
export function MyHazardsPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>();
  const invalidate = useInvalidate('services');
  const today = shanghaiToday();

  const filters = useMemo<FilterField[]>(
    () => [{ kind: 'select', name: 'status', label: t('hazard.status'), options: HAZARD_STATUSES.map((value) => ({ value, label: hazardStatusText(value, t) })) }],
    [t],
  );

  const columns = useMemo<DataColumn<Hazard>[]>(
    () => [
      { key: 'foundOn', title: t('hazard.foundOn'), width: 110, value: (hazard) => hazard.foundOn },
      { key: 'description', title: t('hazard.description'), value: (hazard) => hazard.description },
      { key: 'grade', title: t('hazard.grade'), width: 100, value: (hazard) => hazardGradeText(hazard.grade, t), render: (hazard) => <HazardGradeTag grade={hazard.grade} /> },
      { key: 'status', title: t('hazard.status'), width: 120, value: (hazard) => hazardStatusText(hazard.status, t), render: (hazard) => <HazardStatusTag status={hazard.status} /> },
      {
        key: 'due',
        title: t('hazard.dueOn'),
        width: 150,
        value: (hazard) => hazardDueOn(hazard),
        render: (hazard) => <HazardDueCell hazard={hazard} today={today} />,
      },
      { key: 'responsible', title: t('hazard.responsible'), width: 100, value: (hazard) => hazard.rectification?.responsiblePerson },
      {
        key: 'actions',
        title: t('table.actions'),
        width: 130,
        csv: false,
        render: (hazard) =>
          hazard.status === 'OPEN' || (hazard.status === 'RECTIFYING' && !hazard.rectification) ? (
            <Button size="small" type="primary" onClick={() => setDialog({ kind: 'plan', hazard })}>
              {t('hazard.my.report')}
            </Button>
          ) : hazard.status === 'RECTIFYING' ? (
            <Button size="small" type="primary" onClick={() => setDialog({ kind: 'close', hazard })}>
              {t('hazard.my.close')}
            </Button>
          ) : null,
      },
    ],
    [t, today],
  );

  const fetchPage = useCallback(
    ({ cursor, limit, filters: values }: DataTablePageRequest, signal: AbortSignal) =>
      api.myServices.listHazards({ cursor, limit, status: (values.status || undefined) as HazardStatus | undefined }, signal),
    [api],
  );

  const done = (text: string) => () => {
    setDialog(undefined);
    void message.success(text);
    invalidate();
  };

  return (
    <>
      <PageHeading title={t('hazard.my.title')} />
      <Typography.Paragraph type="secondary">{t('hazard.my.intro')}</Typography.Paragraph>
      <DataTable<Hazard> queryKey={[...queryKeys.services, '/api/v1/me/hazards']} caption={t('hazard.my.title')} columns={columns} rowKey={(hazard) => hazard.id} fetchPage={fetchPage} filters={filters} exportName="my-hazards" />
      <Modal open={dialog?.kind === 'plan'} title={t('hazard.my.reportTitle')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden>
        {dialog?.kind === 'plan' && <RectificationPlanForm hazard={dialog.hazard} onDone={done(t('hazard.my.reported'))} onCancel={() => setDialog(undefined)} />}
      </Modal>
      <Modal open={dialog?.kind === 'close'} title={t('hazard.my.closeTitle')} footer={null} onCancel={() => setDialog(undefined)} destroyOnHidden width={720}>
        {dialog?.kind === 'close' && <ClosureForm hazard={dialog.hazard} onDone={done(t('hazard.my.closed'))} onCancel={() => setDialog(undefined)} />}
      </Modal>
    </>
  );
}

interface PlanValues {
  readonly plan: string;
  readonly dueOn: string;
  readonly responsiblePerson: string;
}

/** SVC-7: the plan, its due date and the person responsible — required the first time. */
function RectificationPlanForm({ hazard, onDone, onCancel }: { readonly hazard: Hazard; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: PlanValues, key: string) =>
      api.myServices.reportRectification(hazard.id, { plan: values.plan.trim(), dueOn: values.dueOn, responsiblePerson: values.responsiblePerson.trim() }, key),
    [api, hazard.id],
  );
  const { form, onFinish, submitting, failure } = useApiForm<PlanValues, Hazard>({ submit, onSuccess: onDone });
  return (
    <>
      <Typography.Paragraph>
        <HazardGradeTag grade={hazard.grade} /> {hazard.description}
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      <Form<PlanValues> form={form} name="rectification-plan" layout="vertical" onFinish={onFinish} initialValues={{ dueOn: hazard.rectifyBy }}>
        <Form.Item name="plan" label={t('hazard.my.plan')} rules={[requiredRule(t, t('hazard.my.plan'))]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="dueOn" label={t('hazard.my.dueOn')} rules={[requiredRule(t, t('hazard.my.dueOn'))]} style={{ flex: '1 1 160px' }}>
            <DateField />
          </Form.Item>
          <Form.Item name="responsiblePerson" label={t('hazard.my.responsiblePerson')} rules={[requiredRule(t, t('hazard.my.responsiblePerson'))]} style={{ flex: '1 1 160px' }}>
            <Input maxLength={50} />
          </Form.Item>
        </Flex>
        <FormButtons onCancel={onCancel} submitting={submitting} submitLabel={t('hazard.my.report')} />
      </Form>
    </>
  );
}

/** SVC-7: closed, with at least one piece of closure evidence uploaded to the archive (SVC-13). */
function ClosureForm({ hazard, onDone, onCancel }: { readonly hazard: Hazard; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const [evidence, setEvidence] = useState<readonly UploadedEvidence[]>([]);
  const [missing, setMissing] = useState(false);
  const submit = useCallback(
    (values: { closureNote?: string }, key: string) => {
      const body: RectificationRequest = {
        closed: true,
        ...(values.closureNote?.trim() ? { closureNote: values.closureNote.trim() } : {}),
        closureEvidence: evidence.map(evidenceRequestOf),
      };
      return api.myServices.reportRectification(hazard.id, body, key);
    },
    [api, hazard.id, evidence],
  );
  const { form, onFinish, submitting, failure } = useApiForm<{ closureNote?: string }, Hazard>({ submit, onSuccess: onDone });
  return (
    <>
      <Typography.Paragraph>
        <HazardGradeTag grade={hazard.grade} /> {hazard.description}
      </Typography.Paragraph>
      <FormFailureAlert failure={failure} />
      {missing && evidence.length === 0 && <Typography.Paragraph type="danger">{t('hazard.my.needsEvidence')}</Typography.Paragraph>}
      <Form<{ closureNote?: string }>
        form={form}
        name="rectification-closure"
        layout="vertical"
        onFinish={(values) => {
          // SVC-7: the server refuses a closure without evidence; say so before sending.
          if (evidence.length === 0) {
            setMissing(true);
            return;
          }
          void onFinish(values);
        }}
      >
        <Form.Item name="closureNote" label={t('hazard.my.closureNote')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Typography.Text strong>{t('hazard.my.closureEvidence')}</Typography.Text>
        <div style={{ margin: '8px 0 16px' }}>
          <EvidenceUploader
            label={t('hazard.my.closureEvidence')}
            requestTicket={(request, key) => api.myServices.hazardEvidenceUpload(hazard.id, request, key)}
            value={evidence}
            onChange={setEvidence}
          />
        </div>
        <FormButtons onCancel={onCancel} submitting={submitting} submitLabel={t('hazard.my.close')} />
      </Form>
    </>
  );
}
