import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { Alert, App, Button, Col, Descriptions, Flex, Form, Row, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/api-error';
import type { FiledProduct, Policy, StandardisationGrade } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, Money, SectionCard, multiplierToBasisPoints, PageHeading, useApiForm, wholeNumber, yuanToFen } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { EnterpriseDescription } from '../underwriting/EnterpriseCard';
import { policyPagePath } from '../underwriting/paths';
import { exTaxFen, factorText, rateText, ratedPremiumFen } from '../underwriting/rates';
import { useRegisterLookup } from '../underwriting/useRegisterLookup';
import { issuePolicyBodyOf, oneYearEnd, type PolicyFormValues } from './policy-form';
import { AttestationSection, EnterpriseSection, ModeSection, OtherInsuranceSection, RatingSection, TermsSection } from './PolicyFormSections';
import { PolicyRefusal } from './PolicyRefusal';

/** The rule set's VAT rate the server applies when none is sent (UW-5: 6% in 2024); for the preview only. */
const DEFAULT_VAT_BASIS_POINTS = 600;

/**
 * 新建保单 (UW-1..10): the enterprise is found in the register by its USCC (REG-1: name, industry, county and
 * staff come from there, and the staff prefill 参保人数), the amounts are typed in 元, the rating factors as
 * multipliers within the filed bounds, and the premium is previewed as the server will rate it. A refusal
 * shows each rule at its field (UW-3 at 参保人数, UW-4 at 每人死亡赔偿限额, UW-7 at the factor), and the
 * refusals about the insurer or the enterprise as a whole (UW-8 with every failing criterion, UW-9) above.
 */
export function CreatePolicyPage() {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
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
              <EnterpriseSection lookup={lookup} />
              <TermsSection staff={entry?.staff} />
              <RatingSection product={product} grade={grade} />
              <ModeSection />
              <OtherInsuranceSection />
              <AttestationSection />

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
              <SectionCard title={t('policy.create.registerEntry')} data-testid="register-entry">
                {entry ? (
                  <EnterpriseDescription enterprise={entry} />
                ) : (
                  <Typography.Text type="secondary">{lookup.status === 'missing' ? t('policy.create.notRegistered') : t('policy.create.registerHint')}</Typography.Text>
                )}
              </SectionCard>
              <SectionCard title={t('policy.create.preview')}>
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
              </SectionCard>
            </Flex>
          </div>
        </Col>
      </Row>
    </>
  );
}
