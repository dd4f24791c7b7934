import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Flex, Form, Input, Radio, Row, Select, Spin, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/api-error';
import type { FiledProduct, Policy } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import {
  describeApiError,
  FormFailureAlert,
  Money,
  multiplierToBasisPoints,
  PageHeading,
  percentToBasisPoints,
  ruleText,
  useApiForm,
  wholeNumber,
  yuanToFen,
} from '../../kit';
import type { StandardisationGrade } from '../../api';
import { OTHER_SAFETY_INSURANCE_KINDS, STANDARDISATION_GRADES } from '../../reference/underwriting';
import { isValidUscc } from '../../reference/domain';
import { shanghaiToday } from '../complaints/due-dates';
import { requiredRule, requiredSelectRule, usccRules } from '../platform/account-rules';
import { EnterpriseDescription } from '../underwriting/EnterpriseCard';
import { policyPagePath } from '../underwriting/paths';
import { boundsText, exTaxFen, factorText, rateText, ratedPremiumFen } from '../underwriting/rates';
import { useSessionUser } from '../underwriting/session';
import { useRegisterLookup } from '../underwriting/useRegisterLookup';
import { issuePolicyBodyOf, oneYearEnd, type PolicyFormValues } from './policy-form';

const SectionTitle = ({ children }: { readonly children: ReactNode }) => (
  <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
    {children}
  </Typography.Title>
);

/** The rule set's VAT rate the server applies when none is sent (UW-5: 6% in 2024); for the preview only. */
const DEFAULT_VAT_BASIS_POINTS = 600;

type FactorField = 'accidentRecordBasisPoints' | 'standardisationBasisPoints' | 'penaltiesBasisPoints' | 'riskLevelBasisPoints';

/**
 * 新建保单 (UW-1..10): the enterprise is found in the register by its USCC (REG-1: name, industry, county and
 * staff come from there, and the staff prefill 参保人数), the amounts are typed in 元, the rating factors as
 * multipliers within the filed bounds, and the premium is previewed as the server will rate it. A refusal
 * shows each rule at its field (UW-3 at 参保人数, UW-4 at 每人死亡赔偿限额, UW-7 at the factor), and the
 * refusals about the insurer or the enterprise as a whole (UW-8 with every failing criterion, UW-9) above.
 */
export function CreatePolicyPage() {
  const { t, messages } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const user = useSessionUser();
  const today = shanghaiToday();
  const year = Number(today.slice(0, 4));
  const [refusal, setRefusal] = useState<ApiError>();

  // The filed product (UW-7) that will rate the policy: the governing filing's, which may be last year's.
  const qualification = useQuery({ queryKey: [...queryKeys.underwriting, `qualification:${year}`], queryFn: ({ signal }) => api.qualification.get(year, signal) });
  const governingYear = qualification.data?.eligibility.filingYear;
  const governing = useQuery({ queryKey: [...queryKeys.underwriting, `qualification:governing:${governingYear ?? 'none'}`], queryFn: ({ signal }) => governingYear === undefined || governingYear === year ? Promise.resolve(undefined) : api.qualification.get(governingYear, signal), });
  const product: FiledProduct | undefined =
    governingYear === year || governingYear === undefined ? qualification.data?.filing?.filedProduct : governing.data?.filing?.filedProduct;
  const eligibility = qualification.data?.eligibility;

  const submit = useCallback((values: PolicyFormValues, key: string) => api.policies.issue(issuePolicyBodyOf(values), key), [api]);
  const onSuccess = useCallback(
    (policy: Policy) => {
      void message.success(t('policy.issued', { number: policy.policyNumber }));
      void navigate(policyPagePath(policy));
    },
    [message, navigate, t],
  );
  const onFailure = useCallback((error: unknown) => {
    if (error instanceof ApiError && error.status === 409) setRefusal(error);
  }, []);
  const { form, onFinish, submitting, failure } = useApiForm<PolicyFormValues, Policy>({ submit, onSuccess, onFailure, conflictsAtFields: true });
  const finish = useCallback(
    (values: PolicyFormValues) => {
      setRefusal(undefined);
      return onFinish(values);
    },
    [onFinish],
  );

  const uscc = Form.useWatch('enterpriseUscc', form);
  const lookup = useRegisterLookup(uscc);
  const entry = lookup.status === 'found' ? lookup.entry : undefined;

  // REG-1, UW-3: the register's staff is the whole workforce to insure.
  useEffect(() => {
    if (entry) form.setFieldValue('employeesCovered', String(entry.staff));
  }, [entry, form]);

  const mode = Form.useWatch('mode', form) ?? 'INDEPENDENT';
  const grade = Form.useWatch(['rating', 'standardisationGrade'], form) as StandardisationGrade | undefined;
  const values = Form.useWatch([], form) as PolicyFormValues | undefined;

  // A grade's factor starts inside that grade's filed bounds (×1.00 when they allow it).
  useEffect(() => {
    if (!grade || !product) return;
    const bounds = product.factorBounds.standardisation[grade];
    if (!bounds) return;
    const clamped = Math.min(Math.max(10_000, bounds.minBasisPoints), bounds.maxBasisPoints);
    form.setFieldValue(['rating', 'standardisationBasisPoints'], factorText(clamped).slice(1));
  }, [grade, product, form]);

  const preview = useMemo(() => {
    if (!entry || !product || !values) return undefined;
    const ppm = product.baseRatesPpm[entry.industry];
    const amount = yuanToFen(values.perPersonInsuredAmountFen);
    const employees = wholeNumber(values.employeesCovered);
    const factors = (['accidentRecordBasisPoints', 'standardisationBasisPoints', 'penaltiesBasisPoints', 'riskLevelBasisPoints'] as const).map((field) =>
      multiplierToBasisPoints(values.rating?.[field]),
    );
    if (ppm === undefined || amount === undefined || employees === undefined || factors.some((factor) => factor === undefined)) return { ppm };
    const premium = ratedPremiumFen(amount, employees, ppm, factors as number[]);
    return { ppm, premium, exTax: exTaxFen(premium, DEFAULT_VAT_BASIS_POINTS) };
  }, [entry, product, values]);

  const required = (label: string): Rule => requiredRule(t, label);
  const decimal = (parse: (text: string) => number | undefined, text: string, positive = true): Rule => ({
    validator: (_, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return Promise.resolve();
      const parsed = parse(value);
      return parsed !== undefined && (!positive || parsed > 0) ? Promise.resolve() : Promise.reject(new Error(text));
    },
  });
  const yuanRules = (label: string): Rule[] => [required(label), decimal(yuanToFen, t('uw.yuanFormat'))];
  const factorRules = (label: string): Rule[] => [required(label), decimal(multiplierToBasisPoints, t('uw.multiplierFormat'))];

  const factorHint = (field: FactorField): string | undefined => {
    if (!product) return undefined;
    const bounds =
      field === 'accidentRecordBasisPoints'
        ? product.factorBounds.accidentRecord
        : field === 'standardisationBasisPoints'
          ? grade && product.factorBounds.standardisation[grade]
          : field === 'penaltiesBasisPoints'
            ? product.factorBounds.penalties
            : product.factorBounds.riskLevel;
    return bounds ? t('uw.filedBounds', { bounds: boundsText(bounds) }) : undefined;
  };

  const lookupHelp =
    lookup.status === 'loading' ? (
      <Spin size="small" />
    ) : lookup.status === 'found' ? (
      t('policy.create.found', { name: lookup.entry.name })
    ) : lookup.status === 'missing' ? (
      <Typography.Text type="warning">{t('policy.create.notRegistered')}</Typography.Text>
    ) : lookup.status === 'error' ? (
      <Typography.Text type="danger">{describeApiError(lookup.error, t)}</Typography.Text>
    ) : undefined;

  const initialValues: PolicyFormValues = useMemo(
    () => ({
      periodStart: today,
      periodEnd: oneYearEnd(today),
      rating: { accidentRecordBasisPoints: '1.00', penaltiesBasisPoints: '1.00', riskLevelBasisPoints: '1.00' },
      mode: 'INDEPENDENT',
      premiumPaidByEnterprise: false,
    }),
    [today],
  );

  return (
    <>
      <PageHeading title={t('policy.create.title')} extra={<Button onClick={() => void navigate('/insurer/underwriting')}>{t('policy.backToList')}</Button>} />
      {eligibility && !eligibility.eligible && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('policy.create.notEligible')}
          action={<Link to="/insurer/qualification">{t('policy.create.toQualification')}</Link>}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          {refusal ? <PolicyRefusal error={refusal} /> : <FormFailureAlert failure={failure} />}
          <Form<PolicyFormValues>
            form={form}
            name="issue-policy"
            layout="vertical"
            onFinish={finish}
            initialValues={initialValues}
            scrollToFirstError={{ focus: true }}
          >
            <Flex vertical gap={16}>
              <Card size="small" title={<SectionTitle>{t('policy.section.enterprise')}</SectionTitle>}>
                <Form.Item
                  name="enterpriseUscc"
                  label={t('policy.enterpriseUscc')}
                  normalize={(value: string) => value.toUpperCase().trim()}
                  rules={[
                    ...usccRules(t, t('policy.enterpriseUscc')),
                    {
                      validator: (_, value: unknown) =>
                        typeof value !== 'string' || value.length !== 18 || isValidUscc(value)
                          ? Promise.resolve()
                          : Promise.reject(new Error(`${ruleText('UW-2', 'enterpriseUscc', '', t, messages)}（UW-2）`)),
                    },
                    {
                      validator: () =>
                        lookup.status === 'missing' ? Promise.reject(new Error(t('policy.create.notRegistered'))) : Promise.resolve(),
                    },
                  ]}
                  extra={lookupHelp ?? t('policy.create.usccHint')}
                >
                  <Input maxLength={18} spellCheck={false} autoComplete="off" style={{ fontFamily: 'monospace', maxWidth: 280 }} autoFocus />
                </Form.Item>
              </Card>

              <Card size="small" title={<SectionTitle>{t('policy.section.terms')}</SectionTitle>}>
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item name="policyNumber" label={t('policy.number')} rules={[required(t('policy.number'))]} extra={t('policy.numberHint')}>
                      <Input maxLength={64} spellCheck={false} autoComplete="off" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name="periodStart" label={t('policy.periodStart')} rules={[required(t('policy.periodStart'))]}>
                      <Input type="date" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name="periodEnd" label={t('policy.periodEnd')} rules={[required(t('policy.periodEnd'))]} extra={t('policy.periodEndHint')}>
                      <Input type="date" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name="employeesCovered"
                      label={t('policy.employeesCovered')}
                      rules={[required(t('policy.employeesCovered')), decimal(wholeNumber, t('uw.wholeNumber'))]}
                      extra={entry ? t('policy.employeesHintStaff', { staff: entry.staff }) : t('policy.employeesHint')}
                    >
                      <Input inputMode="numeric" suffix={t('unit.people')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name="perPersonInsuredAmountFen"
                      label={t('policy.insuredAmount')}
                      rules={yuanRules(t('policy.insuredAmount'))}
                      extra={t('policy.insuredAmountHint')}
                    >
                      <Input inputMode="decimal" suffix={t('money.unit')} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item
                      name="perPersonDeathLimitFen"
                      label={t('policy.deathLimit')}
                      rules={yuanRules(t('policy.deathLimit'))}
                      extra={t('policy.deathLimitHint')}
                    >
                      <Input inputMode="decimal" suffix={t('money.unit')} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>

              <Card size="small" title={<SectionTitle>{t('policy.section.rating')}</SectionTitle>}>
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={['rating', 'accidentRecordBasisPoints']}
                      label={t('uw.factor.accidentRecord')}
                      rules={factorRules(t('uw.factor.accidentRecord'))}
                      extra={factorHint('accidentRecordBasisPoints')}
                    >
                      <Input inputMode="decimal" prefix="×" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={['rating', 'standardisationGrade']}
                      label={t('uw.standardisationGrade')}
                      rules={[requiredSelectRule(t, t('uw.standardisationGrade'))]}
                    >
                      <Select options={STANDARDISATION_GRADES.map((value) => ({ value, label: t(`uw.grade.${value}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item
                      name={['rating', 'standardisationBasisPoints']}
                      label={t('uw.factor.standardisation')}
                      rules={factorRules(t('uw.factor.standardisation'))}
                      extra={factorHint('standardisationBasisPoints')}
                    >
                      <Input inputMode="decimal" prefix="×" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={['rating', 'penaltiesBasisPoints']}
                      label={t('uw.factor.penalties')}
                      rules={factorRules(t('uw.factor.penalties'))}
                      extra={factorHint('penaltiesBasisPoints')}
                    >
                      <Input inputMode="decimal" prefix="×" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item
                      name={['rating', 'riskLevelBasisPoints']}
                      label={t('uw.factor.riskLevel')}
                      rules={factorRules(t('uw.factor.riskLevel'))}
                      extra={factorHint('riskLevelBasisPoints')}
                    >
                      <Input inputMode="decimal" prefix="×" />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>

              <Card size="small" title={<SectionTitle>{t('policy.section.mode')}</SectionTitle>}>
                <Form.Item name="mode" label={t('policy.mode')}>
                  <Radio.Group
                    onChange={(event) => {
                      if (event.target.value === 'COINSURANCE' && !(form.getFieldValue('members') as unknown[] | undefined)?.length) {
                        form.setFieldValue('members', [
                          { tenantId: user?.tenantId ?? '', shareBasisPoints: '', lead: true },
                          { tenantId: '', shareBasisPoints: '', lead: false },
                        ]);
                      }
                    }}
                    options={[
                      { value: 'INDEPENDENT', label: t('policy.mode.INDEPENDENT') },
                      { value: 'COINSURANCE', label: t('policy.mode.COINSURANCE') },
                    ]}
                  />
                </Form.Item>
                {mode === 'COINSURANCE' && (
                  <>
                    <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                      {t('policy.members.hint', { tenantId: user?.tenantId ?? '' })}
                    </Typography.Paragraph>
                    <Form.List name="members">
                      {(fields, { add, remove }, { errors }) => (
                        <Flex vertical gap={4}>
                          {fields.map((field, index) => (
                            <Flex key={field.key} gap={8} wrap align="flex-start">
                              <Form.Item
                                name={[field.name, 'tenantId']}
                                label={t('policy.member.tenantId')}
                                rules={[required(t('policy.member.tenantId'))]}
                                style={{ marginBottom: 8, flex: '1 1 240px' }}
                              >
                                <Input aria-label={`${t('policy.member.tenantId')} ${index + 1}`} spellCheck={false} />
                              </Form.Item>
                              <Form.Item
                                name={[field.name, 'shareBasisPoints']}
                                label={t('policy.member.share')}
                                rules={[required(t('policy.member.share')), decimal(percentToBasisPoints, t('policy.member.shareFormat'))]}
                                style={{ marginBottom: 8, width: 140 }}
                              >
                                <Input aria-label={`${t('policy.member.share')} ${index + 1}`} inputMode="decimal" suffix="%" />
                              </Form.Item>
                              <Form.Item name={[field.name, 'lead']} valuePropName="checked" style={{ marginBottom: 8, paddingTop: 30 }}>
                                <Checkbox>{t('policy.member.lead')}</Checkbox>
                              </Form.Item>
                              <Button aria-label={t('form.removeRow')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
                            </Flex>
                          ))}
                          <Form.ErrorList errors={errors} />
                          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ lead: false })} style={{ alignSelf: 'flex-start' }}>
                            {t('policy.member.add')}
                          </Button>
                        </Flex>
                      )}
                    </Form.List>
                  </>
                )}
              </Card>

              <Card size="small" title={<SectionTitle>{t('policy.section.other')}</SectionTitle>}>
                <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                  {t('policy.other.hint')}
                </Typography.Paragraph>
                <Form.List name="otherSafetyInsurance">
                  {(fields, { add, remove }) => (
                    <Flex vertical gap={4}>
                      {fields.map((field) => (
                        <Flex key={field.key} gap={8} wrap align="flex-start">
                          <Form.Item
                            name={[field.name, 'kind']}
                            label={t('policy.other.kind')}
                            rules={[requiredSelectRule(t, t('policy.other.kind'))]}
                            style={{ marginBottom: 8, width: 180 }}
                          >
                            <Select options={OTHER_SAFETY_INSURANCE_KINDS.map((value) => ({ value, label: t(`policy.other.kind.${value}`) }))} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'insurer']} label={t('policy.other.insurer')} rules={[required(t('policy.other.insurer'))]} style={{ marginBottom: 8, flex: '1 1 200px' }}>
                            <Input maxLength={200} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'policyNumber']} label={t('policy.other.policyNumber')} style={{ marginBottom: 8, flex: '1 1 160px' }}>
                            <Input maxLength={200} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'convertible']} valuePropName="checked" style={{ marginBottom: 8, paddingTop: 30 }}>
                            <Checkbox>{t('policy.other.convertible')}</Checkbox>
                          </Form.Item>
                          <Button aria-label={t('form.removeRow')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} style={{ marginTop: 30 }} />
                        </Flex>
                      ))}
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ convertible: false })} style={{ alignSelf: 'flex-start' }}>
                        {t('policy.other.add')}
                      </Button>
                    </Flex>
                  )}
                </Form.List>
              </Card>

              <Card size="small" title={<SectionTitle>{t('policy.section.attestation')}</SectionTitle>}>
                <Form.Item
                  name="premiumPaidByEnterprise"
                  valuePropName="checked"
                  style={{ marginBottom: 0 }}
                  rules={[
                    {
                      validator: (_, value: unknown) =>
                        value === true ? Promise.resolve() : Promise.reject(new Error(`${ruleText('UW-5', 'premiumPaidByEnterprise', '', t, messages)}（UW-5）`)),
                    },
                  ]}
                >
                  <Checkbox>{t('policy.premiumPaidByEnterprise')}</Checkbox>
                </Form.Item>
              </Card>

              <Flex justify="flex-end" gap={8}>
                <Button onClick={() => void navigate('/insurer/underwriting')}>{t('form.cancel')}</Button>
                <Button type="primary" htmlType="submit" loading={submitting}>
                  {t('policy.create.submit')}
                </Button>
              </Flex>
            </Flex>
          </Form>
        </Col>
        <Col xs={24} xl={8}>
          <div style={{ position: 'sticky', top: 16 }}>
            <Flex vertical gap={16}>
              <Card size="small" title={<SectionTitle>{t('policy.create.registerEntry')}</SectionTitle>} data-testid="register-entry">
                {entry ? (
                  <EnterpriseDescription enterprise={entry} />
                ) : (
                  <Typography.Text type="secondary">{lookup.status === 'missing' ? t('policy.create.notRegistered') : t('policy.create.registerHint')}</Typography.Text>
                )}
              </Card>
              <Card size="small" title={<SectionTitle>{t('policy.create.preview')}</SectionTitle>}>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'product', label: t('policy.filingNumber'), children: product?.filingNumber ?? t('policy.create.noProduct') },
                    {
                      key: 'rate',
                      label: t('policy.baseRate'),
                      children: entry ? (preview?.ppm === undefined ? t('policy.create.noRate') : rateText(preview.ppm)) : '—',
                    },
                    { key: 'premium', label: t('policy.premium'), children: preview?.premium === undefined ? '—' : <Money fen={preview.premium} /> },
                    { key: 'exTax', label: t('policy.premiumExTax'), children: preview?.exTax === undefined ? '—' : <Money fen={preview.exTax} /> },
                  ]}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('policy.create.previewHint')}
                </Typography.Text>
              </Card>
            </Flex>
          </div>
        </Col>
      </Row>
    </>
  );
}

/**
 * A refusal about the insurer or the enterprise as a whole (409): UW-8 lists every failing criterion of the
 * insurer's eligibility (one detail each), UW-9 names the overlapping policy, REG-1 the register's entry.
 */
function PolicyRefusal({ error }: { readonly error: ApiError }) {
  const { t, messages } = useI18n();
  const rule = error.rule;
  const criteria = rule === 'UW-8' ? error.issues.filter((issue) => issue.rule) : [];
  const title = rule && `policy.refusal.${rule}` in messages ? t(`policy.refusal.${rule}` as 'policy.refusal.UW-8') : t('form.error.title');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      data-testid="policy-refusal"
      title={rule ? `${title}（${rule}）` : title}
      description={
        rule === 'UW-8' ? (
          <>
            <div>{t('policy.refusal.criteria')}</div>
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {criteria.map((issue) => (
                <li key={`${issue.rule}-${issue.message}`}>
                  <strong>{issue.rule}</strong> {issue.rule && `qual.rule.${issue.rule}` in messages ? t(`qual.rule.${issue.rule}` as 'qual.rule.QUAL-1') : ''}：
                  <span lang="en">{issue.message}</span>
                </li>
              ))}
            </ul>
            <Link to="/insurer/qualification">{t('policy.create.toQualification')}</Link>
          </>
        ) : (
          <>
            {rule && ruleText(rule, undefined, '', t, messages) && <div>{ruleText(rule, undefined, '', t, messages)}</div>}
            <div lang="en" style={{ overflowWrap: 'anywhere' }}>
              {describeApiError(error, t)}
            </div>
          </>
        )
      }
    />
  );
}
