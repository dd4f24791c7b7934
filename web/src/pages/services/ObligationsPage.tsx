import { useQuery } from '@tanstack/react-query';
import { useInvalidate } from '../../kit/useInvalidate';
import { queryKeys } from '../../api/query-keys';
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Modal, Progress, Select, Skeleton, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ObligationStatus, Requirement, RiskAssessmentResult, RiskGrade, ServicePlan } from '../../api';
import { ApiError } from '../../api/api-error';
import { useApi } from '../../app/ServicesContext';
import { useI18n, type MessageKey } from '../../i18n';
import { describeApiError, labelledTable, PageHeading, useUrlFilters } from '../../kit';
import { industryName } from '../../reference/underwriting';
import { DUE_SOON_COLOR, OVERDUE_COLOR } from '../complaints/DueDateBadge';
import { progressPercent, requirementLabel } from './obligation-rows';
import { ServicePlanForm } from './ServicePlanForm';
import { SectionTitle } from '../../kit/SectionCard';
import { serviceTypeText } from './service-text';
import { ShortSha } from './ServiceTags';
import { policyOption } from '../underwriting/policy-option';

const POLICY_CHOICES = 100;
const POLICY_FILTER = ['policyId'] as const;
const RISK_COLORS: Readonly<Record<RiskGrade, string>> = { HIGH: OVERDUE_COLOR, MEDIUM: DUE_SOON_COLOR, LOW: '#15803d' };

/**
 * 服务义务 (SVC-1, SVC-2, SVC-11) for the policy picked (`?policyId=`, linked from a policy or the services list):
 * one row per requirement with done/required, its due date and the days left (OVERDUE in red); the risk grade
 * (SVC-12) and the service plan with its editor (SVC-4).
 */
export function ObligationsPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const { filters: picked, setFilters: setPicked } = useUrlFilters(POLICY_FILTER);
  const policyId = picked.policyId;
  const invalidate = useInvalidate('services');
  const [editing, setEditing] = useState(false);
  const policies = useQuery({ queryKey: [...queryKeys.underwriting, 'obligations:policies'], queryFn: ({ signal }) => api.policies.list({ limit: POLICY_CHOICES }, signal) });
  const obligations = useQuery({ queryKey: [...queryKeys.services, `obligations:${policyId}`], queryFn: ({ signal }) => (policyId ? api.services.obligations(policyId, signal) : Promise.resolve(undefined)) });
  // SVC-12's grade comes from the policy and its open hazards: saving a plan does not change it.
  const risk = useQuery({ queryKey: [...queryKeys.services, `risk:${policyId}`], queryFn: ({ signal }) => (policyId ? api.services.risk(policyId, signal) : Promise.resolve(undefined)) });
  // A policy without a plan answers 404: that is "no plan yet", not an error.
  const plan = useQuery({ queryKey: [...queryKeys.services, `plan:${policyId}`], queryFn: ({ signal }) => policyId
      ? api.services.plan(policyId, signal).catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        })
      : Promise.resolve(undefined), });

  const policyOptions = useMemo(
    () => (policies.data?.items ?? []).map(policyOption),
    [policies.data],
  );

  const pick = (next?: string) => setPicked({ policyId: next });

  return (
    <>
      <PageHeading title={t('obl.title')} extra={<Link to="/insurer/services">{t('nav.insurer.services')}</Link>} />
      <Typography.Paragraph type="secondary">{t('obl.intro')}</Typography.Paragraph>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
        <label htmlFor="obligations-policy">{t('obl.policy')}</label>
        <Select
          id="obligations-policy"
          style={{ minWidth: 360 }}
          placeholder={t('obl.pickPolicy')}
          value={policyId || undefined}
          onChange={(value?: string) => pick(value)}
          options={policyOptions}
          loading={policies.isFetching}
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
        />
      </Flex>
      {!policyId ? (
        <Empty description={t('obl.pickPolicy')} />
      ) : (
        <Flex vertical gap={16}>
          <Card size="small" title={<SectionTitle>{t('obl.caption')}</SectionTitle>}>
            {Boolean(obligations.error) && <Alert type="error" showIcon title={describeApiError(obligations.error, t)} />}
            {obligations.isFetching && !obligations.data && <Skeleton active />}
            {obligations.data && <ObligationTable status={obligations.data} />}
          </Card>
          <Card size="small" title={<SectionTitle>{t('obl.risk.title')}</SectionTitle>}>
            {Boolean(risk.error) && <Alert type="error" showIcon title={describeApiError(risk.error, t)} />}
            {risk.data && <RiskView risk={risk.data} />}
          </Card>
          <Card
            size="small"
            title={<SectionTitle>{t('plan.title')}</SectionTitle>}
            extra={
              plan.data !== undefined && (
                <Button type="primary" onClick={() => setEditing(true)}>
                  {plan.data ? t('plan.edit') : t('plan.create')}
                </Button>
              )
            }
          >
            {Boolean(plan.error) && <Alert type="error" showIcon title={describeApiError(plan.error, t)} />}
            {plan.data === null && <Typography.Text type="secondary">{t('plan.none')}</Typography.Text>}
            {plan.data && <PlanView plan={plan.data} />}
          </Card>
        </Flex>
      )}
      <Modal open={editing} title={plan.data ? t('plan.edit') : t('plan.create')} footer={null} onCancel={() => setEditing(false)} destroyOnHidden width={860}>
        {editing && (
          <ServicePlanForm
            policyId={policyId}
            plan={plan.data ?? undefined}
            risk={risk.data}
            onSaved={() => {
              setEditing(false);
              void message.success(t('plan.saved'));
              invalidate();
            }}
            onCancel={() => setEditing(false)}
          />
        )}
      </Modal>
    </>
  );
}

function ObligationTable({ status }: { readonly status: ObligationStatus }) {
  const { t } = useI18n();
  const label = (requirement: Requirement) => {
    const { key, type, deep } = requirementLabel(requirement);
    return key === 'obl.req.plan' && type ? t(key, { type: serviceTypeText({ type, deep }, t) }) : t(key);
  };
  return (
    <Flex vertical gap={8}>
      <Typography.Text>
        {t('obl.period', { start: status.periodStart, end: status.periodEnd, days: status.daysLeftInYear })} · {t(`obl.basis.${status.basis}`)}
      </Typography.Text>
      {status.planMissing && (
        <Alert type="warning" showIcon data-testid="plan-missing" title={t(status.basis === 'PER_PLAN' ? 'obl.planMissing' : 'obl.planMissingTable')} />
      )}
      {status.allDone && !status.planMissing && <Alert type="success" showIcon title={t('obl.allDone')} />}
      <Table<Requirement>
        size="small"
        bordered
        pagination={false}
        rowKey={(requirement) => requirement.key}
        dataSource={status.requirements as Requirement[]}
        components={{ table: labelledTable(t('obl.caption')) }}
        rowClassName={(requirement) => (requirement.status === 'OVERDUE' ? 'obligation-overdue' : '')}
        columns={[
          { key: 'requirement', title: t('obl.requirement'), render: (_, requirement) => label(requirement) },
          { key: 'rule', title: t('obl.rule'), width: 70, render: (_, requirement) => requirement.rule },
          {
            key: 'progress',
            title: t('obl.progress'),
            width: 240,
            render: (_, requirement) => (
              <Flex vertical gap={0}>
                <Progress
                  percent={progressPercent(requirement)}
                  size="small"
                  status={requirement.status === 'OVERDUE' ? 'exception' : requirement.status === 'DONE' ? 'success' : 'active'}
                  format={() => t('obl.progressText', { done: requirement.done, required: requirement.required })}
                  aria-label={`${label(requirement)} ${t('obl.progressText', { done: requirement.done, required: requirement.required })}`}
                />
                {requirement.inProgress > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('obl.inProgress', { count: requirement.inProgress })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          { key: 'dueBy', title: t('obl.dueBy'), width: 110, render: (_, requirement) => requirement.dueBy },
          {
            key: 'daysLeft',
            title: t('obl.daysLeft'),
            width: 110,
            render: (_, requirement) =>
              requirement.status === 'DONE' ? '—' : requirement.daysLeft < 0 ? (
                <Typography.Text strong style={{ color: OVERDUE_COLOR }}>
                  {t('obl.overdueDays', { days: -requirement.daysLeft })}
                </Typography.Text>
              ) : (
                t('obl.days', { days: requirement.daysLeft })
              ),
          },
          {
            key: 'status',
            title: t('obl.status'),
            width: 90,
            render: (_, requirement) => (
              <Tag
                color={requirement.status === 'OVERDUE' ? OVERDUE_COLOR : requirement.status === 'DONE' ? 'green' : 'blue'}
                variant={requirement.status === 'OVERDUE' ? 'solid' : undefined}
                style={{ marginInlineEnd: 0 }}
              >
                {t(`obl.status.${requirement.status}`)}
              </Tag>
            ),
          },
        ]}
      />
    </Flex>
  );
}

function RiskView({ risk }: { readonly risk: RiskAssessmentResult }) {
  const { t, messages, locale } = useI18n();
  // SVC-12's factors by name in the catalogue; a factor the console does not know yet keeps the server's name.
  const factorName = (factor: string): string => {
    const key = `obl.risk.factor.${factor}`;
    return key in messages ? t(key as MessageKey) : factor;
  };
  // What each factor looked at, in the console's language; the server's English `detail` when it is not known.
  const inputs = risk.inputs;
  const factorDetail = (factor: { readonly factor: string; readonly detail: string }): string => {
    if (!inputs) return factor.detail;
    switch (factor.factor) {
      case 'INDUSTRY':
        return industryName(inputs.industry, locale);
      case 'SIZE':
        return `size.${inputs.size}` in messages ? t(`size.${inputs.size}` as MessageKey) : inputs.size;
      case 'ACCIDENT_RECORD':
        return t('obl.risk.detail.accidentRecord', { factor: (inputs.accidentRecordBasisPoints / 10_000).toFixed(2) });
      case 'OPEN_HAZARDS':
        return t('obl.risk.detail.openHazards', { general: inputs.openHazards.general, major: inputs.openHazards.major });
      case 'MONITORING_ALARMS':
        // SVC-12: no monitoring data (no feed yet) is not 0 alarms, and is said so.
        return inputs.monitoringAlarms === null ? t('obl.risk.detail.noMonitoring') : t('obl.risk.detail.alarms', { count: inputs.monitoringAlarms });
      default:
        return factor.detail;
    }
  };
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center">
        <Tag color={RISK_COLORS[risk.grade]} variant="solid" data-testid="risk-grade">
          {t(`obl.risk.grade.${risk.grade}`)}
        </Tag>
        <Typography.Text type="secondary">{t('obl.risk.score', { score: risk.score })}</Typography.Text>
      </Flex>
      <Descriptions size="small" column={1} bordered>
        {risk.factors.map((factor) => (
          <Descriptions.Item key={factor.factor} label={factorName(factor.factor)}>
            {t('obl.risk.pointsOf', { points: factor.points })} · {factorDetail(factor)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Typography.Text type="secondary" data-testid="risk-formula-note">
        {t('obl.risk.formulaNote')}
      </Typography.Text>
      {risk.proposedExtra.length > 0 && (
        <Typography.Text>
          {t('obl.risk.proposed', {
            items: risk.proposedExtra.map((extra) => t('obl.risk.proposedItem', { type: serviceTypeText(extra, t), count: extra.count })).join('、'),
          })}
        </Typography.Text>
      )}
    </Flex>
  );
}

function PlanView({ plan }: { readonly plan: ServicePlan }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('plan.agreed', { by: plan.agreedBy, on: plan.agreedOn, grade: t(`obl.risk.grade.${plan.risk.grade}`) })}</Typography.Text>
      {plan.archive && (
        <Typography.Text type="secondary" data-testid="plan-archived">
          {t('plan.archived', { version: plan.version, archiveId: plan.archive.archiveId })} <ShortSha sha256={plan.archive.sha256} />
        </Typography.Text>
      )}
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey={(_, index) => String(index)}
        dataSource={plan.items as ServicePlan['items'][number][]}
        components={{ table: labelledTable(t('plan.lines')) }}
        columns={[
          { key: 'line', title: t('plan.line'), width: 60, render: (_, _item, index) => index + 1 },
          { key: 'type', title: t('svc.field.type'), render: (_, item) => serviceTypeText(item, t) },
          { key: 'count', title: t('plan.count'), width: 80, render: (_, item) => item.count },
          { key: 'items', title: t('plan.items'), render: (_, item) => item.items.join('；') },
          { key: 'provider', title: t('svc.field.provider'), width: 180, render: (_, item) => (item.provider.kind === 'OWN' ? t('svc.provider.OWN') : item.provider.orgName ?? t('svc.provider.THIRD_PARTY')) },
        ]}
      />
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('plan.goals')}>{plan.goals}</Descriptions.Item>
        <Descriptions.Item label={t('plan.support')}>{plan.support}</Descriptions.Item>
        <Descriptions.Item label={t('plan.basis')}>{plan.basis}</Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}
