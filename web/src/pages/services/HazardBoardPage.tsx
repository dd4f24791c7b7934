import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { Alert, App, Button, Card, Col, Empty, Flex, Form, Input, Modal, Radio, Row, Select, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { type Api, type Hazard, type HazardGrade, type VerifyHazardRequest } from '../../api';
import { HAZARD_GRADES, HAZARD_STATUSES } from '../../reference/domain';
import { useApi } from '../../app/ServicesContext';
import { formatInstant, useI18n } from '../../i18n';
import { describeApiError, FormFailureAlert, PageHeading, useApiForm, useUrlFilters, FormButtons } from '../../kit';
import { OVERDUE_COLOR } from '../complaints/DueDateBadge';
import { shanghaiToday } from '../complaints/due-dates';
import { requiredRule } from '../platform/account-rules';
import { HazardGradeTag } from './ServiceTags';
import { SectionTitle } from '../../kit/SectionCard';
import { hazardColumns, hazardDueOn, isHazardOverdue } from './service-dates';
import { hazardGradeText, hazardStatusText, servicePath } from './service-text';
import { OnSiteRectificationForm } from './OnSiteRectificationForm';

/** Hazards read per column: an open board is short (the verified column shows the latest). */
const PER_COLUMN = 100;
const GRADE_FILTER = ['grade'] as const;

async function readBoard(api: Api, grade: HazardGrade | undefined, signal: AbortSignal): Promise<{ hazards: Hazard[]; truncated: boolean }> {
  const pages = await Promise.all(HAZARD_STATUSES.map((status) => api.services.listHazards({ status, grade, limit: PER_COLUMN }, signal)));
  return { hazards: pages.flatMap((page) => page.items), truncated: pages.some((page) => Boolean(page.nextCursor)) };
}

/**
 * 隐患看板 (SVC-7): the hazards found on services in four columns — 待整改, 整改中, 已整改待核验, 已核验 — MAJOR
 * ones in red and first, overdue ones marked; the grade filter lives in the URL. A rectified hazard is verified
 * here: accepted, or sent back to rectification with the reason. The rectification itself is the enterprise's
 * (SVC-7): one with an account reports it after signing in; for one without, its person reports on this device
 * (现场代录整改, flagged under SVC-13).
 */
export function HazardBoardPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const { filters: gradeFilter, setFilters: setGradeFilter } = useUrlFilters(GRADE_FILTER);
  const grade = HAZARD_GRADES.find((value) => value === gradeFilter.grade);
  const board = useQuery({ queryKey: [...queryKeys.services, `hazards:board:${grade ?? ''}`], queryFn: ({ signal }) => readBoard(api, grade, signal) });
  const [verifying, setVerifying] = useState<Hazard>();
  const [capturing, setCapturing] = useState<Hazard>();
  const today = shanghaiToday();
  const columns = hazardColumns(board.data?.hazards ?? []);

  const setGrade = (next: string | undefined) => setGradeFilter({ grade: next });

  return (
    <>
      <PageHeading title={t('hazard.board.title')} extra={<Link to="/insurer/services">{t('nav.insurer.services')}</Link>} />
      <Typography.Paragraph type="secondary">{t('hazard.board.intro')}</Typography.Paragraph>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }} role="search">
        <label htmlFor="hazard-grade-filter">{t('hazard.grade')}</label>
        <Select
          id="hazard-grade-filter"
          allowClear
          style={{ width: 160 }}
          value={grade}
          onChange={(value?: string) => setGrade(value)}
          options={HAZARD_GRADES.map((value) => ({ value, label: hazardGradeText(value, t) }))}
        />
        <Button onClick={() => void board.refetch()}>{t('table.refresh')}</Button>
      </Flex>
      {Boolean(board.error) && <Alert type="error" showIcon title={t('table.loadError')} description={describeApiError(board.error, t)} style={{ marginBottom: 12 }} />}
      {board.data?.truncated && <Alert type="info" showIcon title={t('hazard.truncated', { count: PER_COLUMN })} style={{ marginBottom: 12 }} />}
      {board.isFetching && !board.data ? (
        <Skeleton active />
      ) : (
        <Row gutter={[12, 12]}>
          {HAZARD_STATUSES.map((status) => (
            <Col key={status} xs={24} md={12} xl={6}>
              <section aria-label={hazardStatusText(status, t)} data-column={status}>
                <Card size="small" title={<SectionTitle>{`${hazardStatusText(status, t)}（${columns[status].length}）`}</SectionTitle>}>
                  {columns[status].length === 0 ? (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hazard.empty')} />
                  ) : (
                    <Flex vertical gap={8}>
                      {columns[status].map((hazard) => (
                        <HazardCard
                          key={hazard.id}
                          hazard={hazard}
                          today={today}
                          onVerify={status === 'RECTIFIED' ? () => setVerifying(hazard) : undefined}
                          onCapture={status === 'OPEN' || status === 'RECTIFYING' ? () => setCapturing(hazard) : undefined}
                        />
                      ))}
                    </Flex>
                  )}
                </Card>
              </section>
            </Col>
          ))}
        </Row>
      )}
      <Modal open={Boolean(verifying)} title={t('hazard.verify.title')} footer={null} onCancel={() => setVerifying(undefined)} destroyOnHidden>
        {verifying && (
          <VerifyHazardForm
            hazard={verifying}
            onDone={() => {
              setVerifying(undefined);
              void message.success(t('hazard.verify.done'));
              void board.refetch();
            }}
            onCancel={() => setVerifying(undefined)}
          />
        )}
      </Modal>
      <Modal open={Boolean(capturing)} title={t('hazard.onSiteCapture')} footer={null} onCancel={() => setCapturing(undefined)} destroyOnHidden width={720}>
        {capturing && (
          <OnSiteRectificationForm
            hazard={capturing}
            onDone={() => {
              setCapturing(undefined);
              void message.success(t('hazard.onSiteCapture.done'));
              void board.refetch();
            }}
            onCancel={() => setCapturing(undefined)}
          />
        )}
      </Modal>
    </>
  );
}

/**
 * SVC-7: who reports this hazard's rectification — an enterprise with an account itself, after signing in (a
 * hint, no button); for one without, its person on this device (SVC-13), the one case the insurer's staff enter it.
 */
function RectificationReporter({ hazard, onCapture }: { readonly hazard: Hazard; readonly onCapture: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  // The service page asks the same (its on-site signature): one answer per service, shared.
  const account = useQuery({
    queryKey: [...queryKeys.services, `service:${hazard.serviceId}:enterprise-account`],
    queryFn: ({ signal }) => api.services.enterpriseAccount(hazard.serviceId, signal),
    staleTime: 60_000,
  });
  if (account.data === undefined) return null;
  return account.data.hasAccount ? (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="enterprise-reports-itself">
      {t('hazard.onSiteCapture.selfReports')}
    </Typography.Text>
  ) : (
    <Button size="small" onClick={onCapture}>
      {t('hazard.onSiteCapture')}
    </Button>
  );
}

function HazardCard({
  hazard,
  today,
  onVerify,
  onCapture,
}: {
  readonly hazard: Hazard;
  readonly today: string;
  readonly onVerify?: () => void;
  readonly onCapture?: () => void;
}) {
  const { t } = useI18n();
  const dueOn = hazardDueOn(hazard);
  const overdue = isHazardOverdue(hazard, today);
  const onSite = hazard.rectification?.onSiteReports ?? [];
  return (
    <Card
      size="small"
      data-hazard={hazard.id}
      style={hazard.grade === 'MAJOR' ? { borderColor: OVERDUE_COLOR, borderInlineStartWidth: 4 } : undefined}
      styles={{ body: { padding: 10 } }}
    >
      <Flex vertical gap={4}>
        <Flex gap={4} wrap align="center">
          <HazardGradeTag grade={hazard.grade} />
          {overdue && (
            <Tag color={OVERDUE_COLOR} variant="solid" style={{ marginInlineEnd: 0 }}>
              {t('hazard.overdue')}
            </Tag>
          )}
        </Flex>
        <Typography.Text>{hazard.description}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {hazard.enterprise.name} · {t('hazard.foundOn')} {hazard.foundOn}
        </Typography.Text>
        {dueOn && (
          <Typography.Text style={{ fontSize: 12, color: overdue ? OVERDUE_COLOR : undefined }}>
            {t('hazard.dueOn')} {dueOn}
          </Typography.Text>
        )}
        {hazard.rectification && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('hazard.responsible')}：{hazard.rectification.responsiblePerson} · {hazard.rectification.plan}
          </Typography.Text>
        )}
        {/* SVC-7, SVC-13: reports captured on the staff's device (an enterprise without an account) stay marked. */}
        {onSite.length > 0 && (
          <Tooltip title={t('hazard.onSite.hint', { reports: onSite.map((report) => `${report.reporterName} ${formatInstant(report.reportedAt)}`).join('；') })}>
            <Tag color="orange" style={{ width: 'fit-content' }} data-testid="hazard-on-site">
              {t('hazard.onSite')}
            </Tag>
          </Tooltip>
        )}
        <Flex gap={8} align="center" wrap>
          <Link to={servicePath({ id: hazard.serviceId })} style={{ fontSize: 12 }}>
            {t('hazard.service')}
          </Link>
          {onVerify && (
            <Button size="small" type="primary" onClick={onVerify}>
              {t('hazard.verify')}
            </Button>
          )}
          {onCapture && <RectificationReporter hazard={hazard} onCapture={onCapture} />}
        </Flex>
      </Flex>
    </Card>
  );
}

interface VerifyValues {
  readonly accepted: 'yes' | 'no';
  readonly comments: string;
}

/** SVC-7: the insurer's check of a rectified hazard; a refusal sends it back to RECTIFYING. */
function VerifyHazardForm({ hazard, onDone, onCancel }: { readonly hazard: Hazard; readonly onDone: () => void; readonly onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: VerifyValues, key: string) => {
      const body: VerifyHazardRequest = { accepted: values.accepted === 'yes', comments: values.comments.trim() };
      return api.services.verifyHazard(hazard.id, body, key);
    },
    [api, hazard.id],
  );
  const { form, onFinish, submitting, failure } = useApiForm<VerifyValues, Hazard>({ submit, onSuccess: onDone });
  return (
    <>
      <Typography.Paragraph>{hazard.description}</Typography.Paragraph>
      {hazard.rectification?.closureNote && <Typography.Paragraph type="secondary">{hazard.rectification.closureNote}</Typography.Paragraph>}
      <FormFailureAlert failure={failure} />
      <Form<VerifyValues> form={form} name="verify-hazard" layout="vertical" onFinish={onFinish} initialValues={{ accepted: 'yes' }}>
        <Form.Item name="accepted" label={t('hazard.verify.accepted')}>
          <Radio.Group
            options={[
              { value: 'yes', label: t('hazard.verify.accept') },
              { value: 'no', label: t('hazard.verify.reject') },
            ]}
          />
        </Form.Item>
        <Form.Item name="comments" label={t('hazard.verify.comments')} rules={[requiredRule(t, t('hazard.verify.comments'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <FormButtons onCancel={onCancel} submitting={submitting} submitLabel={t('hazard.verify.submit')} />
      </Form>
    </>
  );
}
