import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Flex, Form, Input, Radio, Row, Select, Spin, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import type { FiledProduct, StandardisationGrade } from '../../api';
import { useI18n } from '../../i18n';
import { decimalRule, describeApiError, multiplierToBasisPoints, percentToBasisPoints, ruleText, SectionCard, wholeNumber, yuanToFen } from '../../kit';
import { isValidUscc } from '../../reference/domain';
import { OTHER_SAFETY_INSURANCE_KINDS, STANDARDISATION_GRADES } from '../../reference/underwriting';
import { requiredRule, requiredSelectRule, usccRules } from '../platform/account-rules';
import { boundsText } from '../underwriting/rates';
import { useSessionUser } from '../underwriting/session';
import type { RegisterLookup } from '../underwriting/useRegisterLookup';
import type { PolicyFormValues } from './policy-form';
import { DateField } from '../../kit/DateField';
import { useCoinsurers } from './useCoinsurers';

/** The sections of 新建保单 (UW-1..10), in the form's order; each reads the form it sits in. */

type FactorField = 'accidentRecordBasisPoints' | 'standardisationBasisPoints' | 'penaltiesBasisPoints' | 'riskLevelBasisPoints';

/** The policy form's field rules: required, and amounts typed in 元 or as multipliers (above zero). */
function usePolicyRules() {
  const { t } = useI18n();
  const required = (label: string): Rule => requiredRule(t, label);
  const decimal = (parse: (text: string) => number | undefined, text: string): Rule => decimalRule(parse, text, true);
  const yuanRules = (label: string): Rule[] => [required(label), decimal(yuanToFen, t('uw.yuanFormat'))];
  const factorRules = (label: string): Rule[] => [required(label), decimal(multiplierToBasisPoints, t('uw.multiplierFormat'))];
  return { t, required, decimal, yuanRules, factorRules };
}

/** The enterprise, found in the register by its USCC (UW-2 check character, REG-1 registered). */
export function EnterpriseSection({ lookup }: { readonly lookup: RegisterLookup }) {
  const { t, messages } = useI18n();
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
  return (
      <SectionCard title={t('policy.section.enterprise')}>
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
      </SectionCard>
  );
}

/** Number, period, people insured (UW-3: the register's staff) and the amounts per person (UW-4). */
export function TermsSection({ staff }: { readonly staff: number | undefined }) {
  const { t, required, decimal, yuanRules } = usePolicyRules();
  return (
      <SectionCard title={t('policy.section.terms')}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="policyNumber" label={t('policy.number')} extra={t('policy.numberHint')}>
              <Input maxLength={64} spellCheck={false} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="periodStart" label={t('policy.periodStart')} rules={[required(t('policy.periodStart'))]}>
              <DateField />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="periodEnd" label={t('policy.periodEnd')} rules={[required(t('policy.periodEnd'))]} extra={t('policy.periodEndHint')}>
              <DateField />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="employeesCovered"
              label={t('policy.employeesCovered')}
              rules={[required(t('policy.employeesCovered')), decimal(wholeNumber, t('uw.wholeNumber'))]}
              extra={staff !== undefined ? t('policy.employeesHintStaff', { staff }) : t('policy.employeesHint')}
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
      </SectionCard>
  );
}

/** The rating factors as multipliers, each within the filed product's bounds (UW-7). */
export function RatingSection({ product, grade }: { readonly product: FiledProduct | undefined; readonly grade: StandardisationGrade | undefined }) {
  const { t, factorRules } = usePolicyRules();
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
  return (
      <SectionCard title={t('policy.section.rating')}>
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
      </SectionCard>
  );
}

/** Independent or coinsurance, with the members' shares (the signed-in insurer first, as lead). */
export function ModeSection() {
  const { t, required, decimal } = usePolicyRules();
  const form = Form.useFormInstance<PolicyFormValues>();
  const mode = Form.useWatch('mode', form) ?? 'INDEPENDENT';
  const user = useSessionUser();
  // UW-6 (issue 15): members are picked by name from the platform's active insurers, never typed as ids.
  const coinsurers = useCoinsurers({ enabled: mode === 'COINSURANCE' });
  const memberOptions = [
    ...(user?.tenantId ? [{ value: user.tenantId, label: t('policy.member.us') }] : []),
    ...coinsurers.insurers.map((insurer) => ({ value: insurer.id, label: insurer.branchName || insurer.name, title: insurer.name })),
  ];
  return (
      <SectionCard title={t('policy.section.mode')}>
        <Form.Item name="mode" label={t('policy.mode')}>
          <Radio.Group
            onChange={(event) => {
              if (event.target.value === 'COINSURANCE' && !(form.getFieldValue('members') as unknown[] | undefined)?.length) {
                form.setFieldValue('members', [
                  { tenantId: user?.tenantId ?? '', shareBasisPoints: '', lead: true },
                  { shareBasisPoints: '', lead: false },
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
              {t('policy.members.hint')}
            </Typography.Paragraph>
            <Form.List name="members">
              {(fields, { add, remove }, { errors }) => (
                <Flex vertical gap={4}>
                  {fields.map((field, index) => (
                    <Flex key={field.key} gap={8} wrap align="flex-start">
                      <Form.Item
                        name={[field.name, 'tenantId']}
                        label={t('policy.member.tenantId')}
                        rules={[requiredSelectRule(t, t('policy.member.tenantId'))]}
                        style={{ marginBottom: 8, flex: '1 1 240px' }}
                      >
                        <Select
                          aria-label={`${t('policy.member.tenantId')} ${index + 1}`}
                          options={memberOptions}
                          loading={coinsurers.loading}
                          showSearch={{ optionFilterProp: 'label' }}
                        />
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
      </SectionCard>
  );
}

/** Other safety insurance the enterprise holds (and whether it converts). */
export function OtherInsuranceSection() {
  const { t, required } = usePolicyRules();
  return (
      <SectionCard title={t('policy.section.other')}>
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
      </SectionCard>
  );
}

/** UW-5: the enterprise pays the premium itself. */
export function AttestationSection() {
  const { t, messages } = useI18n();
  return (
      <SectionCard title={t('policy.section.attestation')}>
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
      </SectionCard>
  );
}
