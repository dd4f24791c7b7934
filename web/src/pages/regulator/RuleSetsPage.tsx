import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { queryKeys, type PublishRuleSetRequest, type RuleSetVersion } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, Money, PageHeading, QueryFallback, useApiForm, useInvalidate } from '../../kit';
import { industryName } from '../../reference/underwriting';
import { shanghaiToday } from '../complaints/due-dates';
import { useSessionUser } from '../underwriting/session';
import { cellText, figuresFrom, formValuesOf, parseCell, SIZES, type RuleSetForm } from './rule-set-form';
import { DateField } from '../../kit/DateField';
import { ruleSetName } from '../../kit/rule-set-name';

type RuleSet = RuleSetVersion['ruleSet'];

/**
 * 规则集版本 (RULES-1): every version of the figures the notice makes configurable — the built-in
 * 忻应急发〔2024〕71号 figures and the versions the city EMB published since — with the one in force today. The
 * city EMB publishes a new version by copying the latest and editing its figures, effective from a later day;
 * a published version is never changed, and decisions keep the version they were taken under.
 */
export function RuleSetsPage() {
  const { t } = useI18n();
  const api = useApi();
  const user = useSessionUser();
  const publishes = user?.agency === 'EMB_CITY';
  const versions = useQuery({ queryKey: [...queryKeys.register, 'rule-sets'], queryFn: ({ signal }) => api.register.listRuleSets(signal) });
  const [viewing, setViewing] = useState<RuleSetVersion>();
  const [publishing, setPublishing] = useState(false);
  const invalidate = useInvalidate('register');
  const { message } = App.useApp();
  const items = versions.data?.items ?? [];
  const latest = items.reduce<RuleSetVersion | undefined>((found, item) => (!found || item.ruleSet.version > found.ruleSet.version ? item : found), undefined);
  const today = shanghaiToday();

  const status = (item: RuleSetVersion) =>
    item.inForceToday ? <Tag color="green">{t('ruleSets.inForce')}</Tag> : item.ruleSet.effectiveFrom > today ? <Tag color="blue">{t('ruleSets.scheduled')}</Tag> : <Tag>{t('ruleSets.superseded')}</Tag>;

  return (
    <>
      <PageHeading title={t('ruleSets.title')} />
      <Typography.Paragraph type="secondary">{publishes ? t('ruleSets.intro') : t('ruleSets.introReadOnly')}</Typography.Paragraph>
      {versions.isPending || versions.isError ? (
        <QueryFallback query={versions} onRetry={() => void versions.refetch()} />
      ) : (
        <Table<RuleSetVersion>
          rowKey={(item) => `${item.ruleSet.id}#${item.ruleSet.version}`}
          dataSource={items}
          pagination={false}
          title={() =>
            publishes && latest ? (
              <Button type="primary" onClick={() => setPublishing(true)}>
                {t('ruleSets.publish')}
              </Button>
            ) : null
          }
          columns={[
            { key: 'version', title: t('ruleSets.version'), render: (_: unknown, item) => t('ruleSets.nameVersion', { name: ruleSetName(item.ruleSet.id, t), version: item.ruleSet.version }) },
            { key: 'effectiveFrom', title: t('ruleSets.effectiveFrom'), render: (_: unknown, item) => item.ruleSet.effectiveFrom },
            { key: 'status', title: t('ruleSets.status'), render: (_: unknown, item) => status(item) },
            {
              key: 'source',
              title: t('ruleSets.source'),
              render: (_: unknown, item) =>
                item.builtIn ? t('ruleSets.builtIn') : t('ruleSets.publishedBy', { by: item.publishedBy ?? '', at: (item.publishedAt ?? '').slice(0, 10) }),
            },
            { key: 'note', title: t('ruleSets.note'), render: (_: unknown, item) => item.note ?? t('ruleSets.noteBuiltIn') },
            {
              key: 'view',
              title: t('table.actions'),
              render: (_: unknown, item) => (
                <Button size="small" type="link" onClick={() => setViewing(item)}>
                  {t('ruleSets.view')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Modal open={viewing !== undefined} width={860} title={viewing ? t('ruleSets.nameVersion', { name: ruleSetName(viewing.ruleSet.id, t), version: viewing.ruleSet.version }) : ''} footer={null} onCancel={() => setViewing(undefined)} destroyOnHidden>
        {viewing && <RuleSetFigures ruleSet={viewing.ruleSet} />}
      </Modal>
      <Modal open={publishing} width={920} title={t('ruleSets.publishTitle')} footer={null} onCancel={() => setPublishing(false)} destroyOnHidden>
        {latest && (
          <PublishForm
            latest={latest.ruleSet}
            onCancel={() => setPublishing(false)}
            onDone={(published) => {
              setPublishing(false);
              void message.success(t('ruleSets.published', { version: String(published.ruleSet.version), date: published.ruleSet.effectiveFrom }));
              invalidate();
            }}
          />
        )}
      </Modal>
    </>
  );
}

const percent = (basisPoints: number) => `${basisPoints / 100}%`;
const monthDay = (value: { month: number; day: number }) => `${value.month}月${value.day}日`;

/** Every figure of one version, grouped as the notice groups them. */
function RuleSetFigures({ ruleSet }: { readonly ruleSet: RuleSet }) {
  const { t, locale } = useI18n();
  return (
    <>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label={t('ruleSets.effectiveFrom')}>{ruleSet.effectiveFrom}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.region')}>{ruleSet.region}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.floor')}>{percent(ruleSet.preventionFeeFloorBasisPoints)}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.ceiling')}>{percent(ruleSet.preventionFeeCeilingBasisPoints)}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.deathLimit')}><Money fen={ruleSet.deathLimitFloorFen} /></Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.vatDefault')}>{percent(ruleSet.vatRateBasisPoints)}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.vatRates')} span={2}>
          {ruleSet.vatRates.map((rate) => (
            <div key={rate.basisPoints}>
              {percent(rate.basisPoints)} {rate.exemption && <Tag>{t('ruleSets.exemption')}</Tag>}— {rate.basis}
            </div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.filingDue')}>{monthDay(ruleSet.qualificationFilingDue)}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.firstService')}>{t('ruleSets.months', { n: String(ruleSet.firstServiceMonths) })}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.followUp')}>{t('ruleSets.workingDays', { n: String(ruleSet.followUpWorkingDays) })}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.archive')}>{t('ruleSets.workingDays', { n: String(ruleSet.archiveWorkingDays) })}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.complaintReply')}>{t('ruleSets.workingDays', { n: String(ruleSet.complaintReplyWorkingDays) })}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.complaintVerify')}>{t('ruleSets.workingDays', { n: String(ruleSet.complaintVerificationWorkingDays) })}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.complaintExtension')}>{t('ruleSets.days', { n: String(ruleSet.complaintMaxExtensionDays) })}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.retention')}>{t('ruleSets.years', { n: String(ruleSet.archiveRetentionYears) })}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.halfYearReport')}>{monthDay(ruleSet.halfYearReportDue)}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.yearReport')}>{monthDay(ruleSet.yearReportDue)}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.evaluation')}>{monthDay(ruleSet.regulatorEvaluationDue)}</Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.nfra')}>
          {t('ruleSets.nfraDays', { a: String(ruleSet.nfraDecisionCalendarDays), b: String(ruleSet.nfraExtensionCalendarDays), c: String(ruleSet.nfraMaxTotalCalendarDays) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('ruleSets.f.riskSheet')} span={2}>
          {t('ruleSets.riskSheet', {
            high: String(ruleSet.riskScoreSheet.highFrom),
            medium: String(ruleSet.riskScoreSheet.mediumFrom),
            general: String(ruleSet.riskScoreSheet.generalHazardPoints),
            major: String(ruleSet.riskScoreSheet.majorHazardPoints),
            alarm: String(ruleSet.riskScoreSheet.alarmPoints),
          })}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('ruleSets.svcTable')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('ruleSets.svcLegend')}</Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="industry"
        dataSource={Object.entries(ruleSet.svcObligations).map(([industry, cells]) => ({ industry, cells }))}
        columns={[
          { key: 'industry', title: t('register.industry'), render: (_: unknown, row) => industryName(row.industry, locale) },
          ...SIZES.map((size) => ({
            key: size,
            title: t(`size.${size}`),
            render: (_: unknown, row: { cells: RuleSet['svcObligations'][string] }) => cellText(row.cells[size], t('ruleSets.perPlan')),
          })),
        ]}
      />
    </>
  );
}

/** The latest version's figures in a form; what is sent is a new version based on it. */
function PublishForm({ latest, onDone, onCancel }: { readonly latest: RuleSet; readonly onDone: (published: RuleSetVersion) => void; readonly onCancel: () => void }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const initial = useMemo(() => formValuesOf(latest, t('ruleSets.perPlan')), [latest, t]);
  const submit = useCallback(
    (values: RuleSetForm, key: string) => {
      const body: PublishRuleSetRequest = {
        basedOn: { ruleSetId: latest.id, ruleSetVersion: latest.version },
        note: values.note.trim(),
        figures: figuresFrom(latest, values, t('ruleSets.perPlan')),
      };
      return api.register.publishRuleSet(body, key);
    },
    [api, latest, t],
  );
  const { form, onFinish, submitting, failure } = useApiForm<RuleSetForm, RuleSetVersion>({ submit, onSuccess: onDone });
  const today = shanghaiToday();
  const number = (name: keyof RuleSetForm, label: string, extra?: string, step = 1) => (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: t('ruleSets.required', { field: label }) }]}>
      <InputNumber min={0} step={step} style={{ width: 160 }} />
    </Form.Item>
  );
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('ruleSets.publishIntro', { version: `${latest.id} v${latest.version}` })} />
      <FormFailureAlert failure={failure} />
      <Form<RuleSetForm> form={form} name="publish-rule-set" layout="vertical" onFinish={onFinish} initialValues={initial}>
        <Flex gap={12} wrap>
          <Form.Item
            name="effectiveFrom"
            label={t('ruleSets.effectiveFrom')}
            extra={t('ruleSets.effectiveFromHint')}
            rules={[
              { required: true, message: t('ruleSets.required', { field: t('ruleSets.effectiveFrom') }) },
              { validator: async (_, value: string) => (value && value > today ? undefined : Promise.reject(new Error(t('ruleSets.effectiveFromLater', { today })))) },
            ]}
          >
            <DateField style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="note" label={t('ruleSets.note')} extra={t('ruleSets.noteHint')} style={{ flex: 1, minWidth: 320 }} rules={[{ required: true, whitespace: true, message: t('ruleSets.required', { field: t('ruleSets.note') }) }]}>
            <Input maxLength={500} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          {number('floorPercent', t('ruleSets.f.floor'), t('ruleSets.percentHint'), 0.01)}
          {number('ceilingPercent', t('ruleSets.f.ceiling'), t('ruleSets.percentHint'), 0.01)}
          {number('deathLimitYuan', t('ruleSets.f.deathLimit'), t('ruleSets.yuanHint'), 10_000)}
          <Form.Item name="vatRateBasisPoints" label={t('ruleSets.f.vatDefault')} extra={t('ruleSets.vatHint')}>
            <Select style={{ width: 160 }} options={latest.vatRates.map((rate) => ({ value: rate.basisPoints, label: percent(rate.basisPoints) }))} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="filingDue" label={t('ruleSets.f.filingDue')} extra={t('ruleSets.monthDayHint')} rules={[{ pattern: /^\d{2}-\d{2}$/, message: t('ruleSets.monthDayHint') }]}>
            <Input style={{ width: 120 }} />
          </Form.Item>
          {number('firstServiceMonths', t('ruleSets.f.firstService'), t('ruleSets.unitMonths'))}
          {number('followUpWorkingDays', t('ruleSets.f.followUp'), t('ruleSets.unitWorkingDays'))}
          {number('archiveWorkingDays', t('ruleSets.f.archive'), t('ruleSets.unitWorkingDays'))}
          {number('complaintReplyWorkingDays', t('ruleSets.f.complaintReply'), t('ruleSets.unitWorkingDays'))}
          {number('complaintVerificationWorkingDays', t('ruleSets.f.complaintVerify'), t('ruleSets.unitWorkingDays'))}
          {number('complaintMaxExtensionDays', t('ruleSets.f.complaintExtension'), t('ruleSets.unitDays'))}
          {number('archiveRetentionYears', t('ruleSets.f.retention'), t('ruleSets.unitYears'))}
        </Flex>
        <Typography.Title level={5}>{t('ruleSets.svcTable')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('ruleSets.svcEditHint')}</Typography.Paragraph>
        <Table
          size="small"
          pagination={false}
          rowKey="industry"
          dataSource={Object.keys(latest.svcObligations).map((industry) => ({ industry }))}
          columns={[
            { key: 'industry', title: t('register.industry'), render: (_: unknown, row) => industryName(row.industry, locale) },
            ...SIZES.map((size) => ({
              key: size,
              title: t(`size.${size}`),
              render: (_: unknown, row: { industry: string }) => (
                <Form.Item
                  name={['svc', row.industry, size]}
                  style={{ margin: 0 }}
                  rules={[{ validator: async (_, value: string) => (parseCell(value, t('ruleSets.perPlan')) ? undefined : Promise.reject(new Error(t('ruleSets.svcCellInvalid')))) }]}
                >
                  <Input size="small" style={{ width: 90 }} aria-label={`${industryName(row.industry, locale)} ${t(`size.${size}`)}`} />
                </Form.Item>
              ),
            })),
          ]}
        />
        <Flex gap={8} justify="end" style={{ marginTop: 16 }}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('ruleSets.publishSubmit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
