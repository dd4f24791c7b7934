import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { BorderOutlined, CheckSquareFilled, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Flex, Form, Input, Row, Select, Skeleton, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { QualificationAnswer } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n, type Translate } from '../../i18n';
import {
  DateTime,
  describeApiError,
  FormFailureAlert,
  multiplierToBasisPoints,
  PageHeading,
  percentToBasisPoints,
  permilleToPpm,
  useApiForm,
  } from '../../kit';
import { ANNEX_1_ITEMS, annex1Label, INDUSTRIES, RISK_RATINGS, STANDARDISATION_GRADES } from '../../reference/underwriting';
import { shanghaiToday } from '../complaints/due-dates';
import { ArchiveRefFields, ArchiveRefHeader } from '../underwriting/ArchiveRefFields';
import { EligibilityChecklist } from '../underwriting/EligibilityChecklist';
import { attachedAnnex1Items, formValuesOf, qualificationBodyOf, type QualificationFormValues } from './qualification-form';

const FORM_NAME = 'qualification';

const SectionTitle = ({ children }: { readonly children: ReactNode }) => (
  <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
    {children}
  </Typography.Title>
);

/** A decimal typed in a field: empty, or parsed exactly by `parse` (else the message). */
const decimalRule = (parse: (text: string) => number | undefined, message: string): Rule => ({
  validator: (_, value: unknown) =>
    typeof value !== 'string' || value.trim() === '' || parse(value) !== undefined ? Promise.resolve() : Promise.reject(new Error(message)),
});

/** A date field (a native `<input type="date">`: keyboard friendly, `YYYY-MM-DD` in and out). */
const DateInput = (props: { readonly 'aria-label'?: string }) => <Input type="date" style={{ width: 170 }} {...props} />;

/**
 * 资质备案 (QUAL-1..6): the insurer's filing for a year, section by section as the notice asks for it, and
 * beside it the eligibility the server computes from it — every criterion with its reason — refreshed after
 * each save. A filing may be saved as a draft; eligibility says what is still missing.
 */
export function QualificationPage() {
  const { t, locale } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [searchParams, setSearchParams] = useSearchParams();
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const askedYear = Number(searchParams.get('year'));
  const year = Number.isInteger(askedYear) && askedYear >= thisYear - 5 && askedYear <= thisYear + 1 ? askedYear : thisYear;

  const query = useQuery({ queryKey: [...queryKeys.underwriting, `qualification:${year}`], queryFn: ({ signal }) => api.qualification.get(year, signal) });
  const [answer, setAnswer] = useState<QualificationAnswer>();
  const shown = answer?.year === year ? answer : query.data;

  const submit = useCallback((values: QualificationFormValues, key: string) => api.qualification.put(year, qualificationBodyOf(values), key), [api, year]);
  const { form, onFinish, submitting, failure } = useApiForm<QualificationFormValues, QualificationAnswer>({
    submit,
    onSuccess: (saved) => {
      setAnswer(saved);
      form.setFieldsValue(formValuesOf(saved.filing) as Parameters<typeof form.setFieldsValue>[0]);
      void message.success(saved.eligibility.eligible ? t('qual.savedEligible') : t('qual.savedNotEligible'));
    },
  });

  // Load the year's filing into the form (and again when the year changes).
  useEffect(() => {
    if (!query.data) return;
    form.resetFields();
    form.setFieldsValue(formValuesOf(query.data.filing) as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, query.data]);

  const annex1 = Form.useWatch('annex1', form) as QualificationFormValues['annex1'];
  const attached = useMemo(() => attachedAnnex1Items(annex1), [annex1]);
  const filing = shown?.filing;

  const yearSelect = (
    <Flex align="center" gap={8}>
      <label htmlFor="qualification-year">{t('qual.year')}</label>
      <Select
        id="qualification-year"
        value={year}
        style={{ width: 110 }}
        onChange={(next: number) => setSearchParams((current) => {
          const params = new URLSearchParams(current);
          params.set('year', String(next));
          return params;
        })}
        options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((value) => ({ value, label: t('qual.yearOption', { year: value }) }))}
      />
    </Flex>
  );

  const required = (label: string): Rule => ({ required: true, whitespace: true, message: t('form.required', { field: label }) });

  const factorRows: { key: string; path: (string | number)[]; label: string }[] = [
    { key: 'accidentRecord', path: ['filedProduct', 'factorBounds', 'accidentRecord'], label: t('uw.factor.accidentRecord') },
    ...STANDARDISATION_GRADES.map((grade) => ({
      key: `standardisation-${grade}`,
      path: ['filedProduct', 'factorBounds', 'standardisation', grade],
      label: `${t('uw.factor.standardisation')} · ${t(`uw.grade.${grade}`)}`,
    })),
    { key: 'penalties', path: ['filedProduct', 'factorBounds', 'penalties'], label: t('uw.factor.penalties') },
    { key: 'riskLevel', path: ['filedProduct', 'factorBounds', 'riskLevel'], label: t('uw.factor.riskLevel') },
  ];
  const multiplierRule = decimalRule(multiplierToBasisPoints, t('uw.multiplierFormat'));

  return (
    <>
      <PageHeading title={t('qual.title')} extra={yearSelect} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('qual.intro')}
      </Typography.Paragraph>
      {Boolean(query.error) && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={describeApiError(query.error, t)}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              {t('table.retry')}
            </Button>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <FormFailureAlert failure={failure} />
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('doc.uploadsLater')} />
          {query.isFetching && !shown ? (
            <Skeleton active />
          ) : (
            <Form<QualificationFormValues> form={form} name={FORM_NAME} layout="vertical" onFinish={onFinish} scrollToFirstError={{ focus: true }}>
              <Flex vertical gap={16}>
                <Card size="small" title={<SectionTitle>{t('qual.section.branch')}</SectionTitle>}>
                  <Form.Item name={['branch', 'name']} label={t('qual.branch.name')} style={{ marginBottom: 8 }}>
                    <Input maxLength={200} />
                  </Form.Item>
                  <Flex gap={24} wrap>
                    <Form.Item name={['branch', 'cityLevelBranchInXinzhou']} valuePropName="checked" style={{ marginBottom: 8 }}>
                      <Checkbox>{t('qual.branch.cityLevel')}</Checkbox>
                    </Form.Item>
                    <Form.Item name={['branch', 'writesPropertyInsurance']} valuePropName="checked" style={{ marginBottom: 8 }}>
                      <Checkbox>{t('qual.branch.property')}</Checkbox>
                    </Form.Item>
                  </Flex>
                  {(['businessLicence', 'insurancePermit'] as const).map((licence) => (
                    <Flex key={licence} gap={12} wrap align="flex-start">
                      <Form.Item name={[licence, 'number']} label={t(`qual.${licence}.number`)} style={{ marginBottom: 8, flex: '1 1 260px' }}>
                        <Input maxLength={200} spellCheck={false} />
                      </Form.Item>
                      <Form.Item name={[licence, 'expiresOn']} label={t(`qual.${licence}.expiresOn`)} extra={t('qual.licence.noEnd')} style={{ marginBottom: 8 }}>
                        <DateInput />
                      </Form.Item>
                    </Flex>
                  ))}
                </Card>

                <Card size="small" title={<SectionTitle>{t('qual.section.violations')}</SectionTitle>}>
                  <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                    {t('qual.violations.hint')}
                  </Typography.Paragraph>
                  <Form.List name="majorViolations">
                    {(fields, { add, remove }) => (
                      <Flex vertical gap={4}>
                        {fields.map((field) => (
                          <Flex key={field.key} gap={8} wrap align="flex-start">
                            <Form.Item name={[field.name, 'decidedOn']} label={t('qual.violation.decidedOn')} rules={[required(t('qual.violation.decidedOn'))]} style={{ marginBottom: 8 }}>
                              <DateInput />
                            </Form.Item>
                            <Form.Item name={[field.name, 'authority']} label={t('qual.violation.authority')} rules={[required(t('qual.violation.authority'))]} style={{ marginBottom: 8, flex: '1 1 200px' }}>
                              <Input maxLength={200} />
                            </Form.Item>
                            <Form.Item name={[field.name, 'description']} label={t('qual.violation.description')} rules={[required(t('qual.violation.description'))]} style={{ marginBottom: 8, flex: '2 1 260px' }}>
                              <Input maxLength={2000} />
                            </Form.Item>
                            <Button aria-label={t('form.removeRow')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
                          </Flex>
                        ))}
                        <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }}>
                          {t('qual.violation.add')}
                        </Button>
                      </Flex>
                    )}
                  </Form.List>
                </Card>

                <Card size="small" title={<SectionTitle>{t('qual.section.solvency')}</SectionTitle>}>
                  <Flex gap={12} wrap>
                    <Form.Item
                      name={['solvency', 'comprehensiveRatioBasisPoints']}
                      label={t('qual.solvency.ratio')}
                      extra={t('qual.solvency.ratioHint')}
                      rules={[decimalRule(percentToBasisPoints, t('qual.solvency.ratioFormat'))]}
                      style={{ marginBottom: 8 }}
                    >
                      <Input inputMode="decimal" suffix="%" style={{ width: 180 }} />
                    </Form.Item>
                    <Form.Item name={['solvency', 'riskRating']} label={t('qual.solvency.rating')} extra={t('qual.solvency.ratingHint')} style={{ marginBottom: 8 }}>
                      <Select allowClear style={{ width: 180 }} options={RISK_RATINGS.map((rating) => ({ value: rating, label: t('qual.ratingOption', { rating }) }))} />
                    </Form.Item>
                  </Flex>
                </Card>

                <Card size="small" title={<SectionTitle>{t('qual.section.prevention')}</SectionTitle>}>
                  <Typography.Text strong>{t('qual.prevention.system')}</Typography.Text>
                  <ArchiveRefFields name={['prevention', 'systemDocument']} absolute={['prevention', 'systemDocument']} what={t('qual.prevention.system')} />
                  <Typography.Text strong>{t('qual.prevention.plan')}</Typography.Text>
                  <ArchiveRefFields name={['prevention', 'planTemplate']} absolute={['prevention', 'planTemplate']} what={t('qual.prevention.plan')} />
                  <Typography.Text strong>{t('qual.prevention.team')}</Typography.Text>
                  <Form.List name={['prevention', 'riskControlTeam']}>
                    {(fields, { add, remove }) => (
                      <Flex vertical gap={4} style={{ marginBottom: 12 }}>
                        {fields.map((field) => (
                          <Flex key={field.key} gap={8} wrap align="flex-start">
                            <Form.Item name={[field.name, 'name']} label={t('qual.member.name')} rules={[required(t('qual.member.name'))]} style={{ marginBottom: 8, flex: '1 1 180px' }}>
                              <Input maxLength={200} />
                            </Form.Item>
                            <Form.Item name={[field.name, 'role']} label={t('qual.member.role')} style={{ marginBottom: 8, flex: '1 1 180px' }}>
                              <Input maxLength={200} />
                            </Form.Item>
                            <Button aria-label={t('form.removeRow')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
                          </Flex>
                        ))}
                        <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }}>
                          {t('qual.member.add')}
                        </Button>
                      </Flex>
                    )}
                  </Form.List>
                  <Typography.Text strong>{t('qual.prevention.evidence')}</Typography.Text>
                  <DocumentList path={['prevention', 'evidence']} what={t('qual.prevention.evidence')} t={t} />
                </Card>

                <Card size="small" title={<SectionTitle>{t('qual.section.product')}</SectionTitle>}>
                  <Flex gap={12} wrap>
                    <Form.Item name={['filedProduct', 'filingNumber']} label={t('qual.product.filingNumber')} style={{ marginBottom: 8, flex: '1 1 260px' }}>
                      <Input maxLength={200} spellCheck={false} />
                    </Form.Item>
                    <Form.Item name={['filedProduct', 'name']} label={t('qual.product.name')} style={{ marginBottom: 8, flex: '1 1 260px' }}>
                      <Input maxLength={200} />
                    </Form.Item>
                  </Flex>
                  <Typography.Text strong>{t('qual.product.baseRates')}</Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
                    {t('qual.product.baseRatesHint')}
                  </Typography.Paragraph>
                  <Row gutter={12}>
                    {INDUSTRIES.map((industry) => (
                      <Col key={industry.code} xs={24} sm={12} lg={8}>
                        <Form.Item
                          name={['filedProduct', 'baseRatesPpm', industry.code]}
                          label={locale.startsWith('zh') ? industry.nameZh : industry.nameEn}
                          rules={[decimalRule(permilleToPpm, t('qual.product.rateFormat'))]}
                          style={{ marginBottom: 8 }}
                        >
                          <Input inputMode="decimal" suffix="‰" />
                        </Form.Item>
                      </Col>
                    ))}
                  </Row>
                  <Typography.Text strong>{t('qual.product.factorBounds')}</Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ margin: '0 0 8px' }}>
                    {t('qual.product.factorBoundsHint')}
                  </Typography.Paragraph>
                  <div role="group" aria-label={t('qual.product.factorBounds')} style={{ maxWidth: 520 }}>
                    <Flex gap={12} aria-hidden style={{ fontSize: 12, color: '#4b5563', marginBottom: 4 }}>
                      <span style={{ flex: '1 1 0' }} />
                      <span style={{ width: 120 }}>{t('qual.product.min')}</span>
                      <span style={{ width: 120 }}>{t('qual.product.max')}</span>
                    </Flex>
                    {factorRows.map((row) => (
                      <Flex key={row.key} gap={12} align="flex-start">
                        <Typography.Text style={{ flex: '1 1 0', paddingTop: 4 }}>{row.label}</Typography.Text>
                        <Form.Item name={[...row.path, 'minBasisPoints']} rules={[multiplierRule]} style={{ marginBottom: 8, width: 120 }}>
                          <Input aria-label={`${row.label} · ${t('qual.product.min')}`} inputMode="decimal" prefix="×" />
                        </Form.Item>
                        <Form.Item name={[...row.path, 'maxBasisPoints']} rules={[multiplierRule]} style={{ marginBottom: 8, width: 120 }}>
                          <Input aria-label={`${row.label} · ${t('qual.product.max')}`} inputMode="decimal" prefix="×" />
                        </Form.Item>
                      </Flex>
                    ))}
                  </div>
                </Card>

                <Card size="small" title={<SectionTitle>{t('qual.section.annex1')}</SectionTitle>}>
                  <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                    {t('qual.annex1.hint', { attached: attached.size, total: ANNEX_1_ITEMS.length })}
                  </Typography.Paragraph>
                  <ol aria-label={t('qual.annex1.list')} style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
                    {ANNEX_1_ITEMS.map((item, index) => {
                      const label = annex1Label(item, locale);
                      const done = attached.has(item.code);
                      const section = index === 0 || ANNEX_1_ITEMS[index - 1]?.section !== item.section;
                      return (
                        <li key={item.code} data-annex1={item.code} data-attached={done} style={{ padding: '6px 0', borderTop: section ? '1px solid #e5e7eb' : undefined }}>
                          {section && (
                            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                              {item.section}
                            </Typography.Text>
                          )}
                          <Flex gap={8} align="flex-start">
                            <span role="img" aria-label={done ? t('qual.annex1.attached') : t('qual.annex1.missing')} style={{ fontSize: 16, lineHeight: '22px' }}>
                              {done ? <CheckSquareFilled style={{ color: '#15803d' }} /> : <BorderOutlined style={{ color: '#6b7280' }} />}
                            </span>
                            <div style={{ flex: 1, minWidth: 0 }}>
                              <Typography.Text>{label}</Typography.Text>
                              <DocumentList path={['annex1', item.code]} what={label} t={t} compact />
                            </div>
                          </Flex>
                        </li>
                      );
                    })}
                  </ol>
                </Card>

                <Card size="small" title={<SectionTitle>{t('qual.section.commitment')}</SectionTitle>}>
                  <Flex gap={12} wrap>
                    <Form.Item name={['commitmentLetter', 'signedBy']} label={t('qual.commitment.signedBy')} style={{ marginBottom: 8, flex: '1 1 220px' }}>
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item name={['commitmentLetter', 'signedOn']} label={t('qual.commitment.signedOn')} style={{ marginBottom: 8 }}>
                      <DateInput />
                    </Form.Item>
                    <Form.Item name="filedOn" label={t('qual.filedOn')} extra={t('qual.filedOnHint', { due: `${year}-06-15` })} style={{ marginBottom: 8 }}>
                      <DateInput />
                    </Form.Item>
                  </Flex>
                </Card>
                <Flex justify="flex-end">
                  <Button type="primary" htmlType="submit" loading={submitting}>
                    {t('qual.save')}
                  </Button>
                </Flex>
              </Flex>
            </Form>
          )}
        </Col>
        <Col xs={24} xl={8}>
          <div style={{ position: 'sticky', top: 16 }}>
            <Flex vertical gap={16}>
              <Card size="small" title={<SectionTitle>{t('qual.criteria')}</SectionTitle>} data-testid="eligibility">
                {shown ? <EligibilityChecklist eligibility={shown.eligibility} /> : <Skeleton active />}
                <Button type="primary" block htmlType="submit" form={FORM_NAME} loading={submitting} disabled={!shown} style={{ marginTop: 12 }}>
                  {t('qual.saveAndCheck')}
                </Button>
              </Card>
              <Card size="small" title={<SectionTitle>{t('qual.record')}</SectionTitle>}>
                {filing ? (
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: 'version', label: t('qual.version'), children: filing.version },
                      {
                        key: 'filedOn',
                        label: t('qual.filedOnRecorded'),
                        children: filing.filedOn
                          ? `${filing.filedOn}（${t(filing.filedOnSource === 'DECLARED' ? 'qual.filedOn.DECLARED' : 'qual.filedOn.PLATFORM')}）`
                          : t('qual.notFiled'),
                      },
                      { key: 'updatedAt', label: t('qual.updatedAt'), children: <DateTime value={filing.updatedAt} /> },
                    ]}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('qual.noFiling', { year })}</Typography.Text>
                )}
              </Card>
            </Flex>
          </div>
        </Col>
      </Row>
    </>
  );
}

/** A list of archived documents (evidence, an Annex 1 item): add and remove rows of name, archive id, SHA-256. */
function DocumentList({ path, what, t, compact = false }: { readonly path: (string | number)[]; readonly what: string; readonly t: Translate; readonly compact?: boolean }) {
  return (
    <Form.List name={path}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={0} style={{ marginTop: compact ? 4 : 0, marginBottom: compact ? 0 : 8 }}>
          {fields.length > 0 && <ArchiveRefHeader trailing={40} />}
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start">
              <div style={{ flex: 1, minWidth: 0 }}>
                <ArchiveRefFields compact name={[field.name]} absolute={[...path, field.name]} what={`${what} ${index + 1}`} />
              </div>
              <Button aria-label={t('form.removeRow')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }}>
            {t('doc.add')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
