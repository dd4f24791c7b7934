import { BorderOutlined, CheckSquareFilled, DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useMemo, useRef, useState } from 'react';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { useApi } from '../../app/ServicesContext';
import { contentTypeOf, EVIDENCE_ACCEPT, sha256Hex } from '../services/evidence-upload';
import { useI18n, type Translate } from '../../i18n';
import { decimalRule, multiplierToBasisPoints, percentToBasisPoints, permilleToPpm, SectionCard } from '../../kit';
import { ANNEX_1_ITEMS, annex1Label, INDUSTRIES, RISK_RATINGS, STANDARDISATION_GRADES } from '../../reference/underwriting';
import { ArchiveRefFields, ArchiveRefHeader } from '../underwriting/ArchiveRefFields';
import { attachedAnnex1Items, type QualificationFormValues } from './qualification-form';
import { DateField, type DateFieldProps } from '../../kit/DateField';

/** A required text field's rule, with the catalogue's message. */
const requiredRule = (t: Translate) => (label: string): Rule => ({ required: true, whitespace: true, message: t('form.required', { field: label }) });

/** A date field, `YYYY-MM-DD` in and out (the kit's picker, issue 15). */
const DateInput = (props: DateFieldProps) => <DateField style={{ width: 170 }} {...props} />;

/** The filed bounds of each rating factor, one row each (the standardisation factor per grade). */
function factorRowsOf(t: Translate): { key: string; path: (string | number)[]; label: string }[] {
  return [
    { key: 'accidentRecord', path: ['filedProduct', 'factorBounds', 'accidentRecord'], label: t('uw.factor.accidentRecord') },
    ...STANDARDISATION_GRADES.map((grade) => ({
      key: `standardisation-${grade}`,
      path: ['filedProduct', 'factorBounds', 'standardisation', grade],
      label: `${t('uw.factor.standardisation')} · ${t(`uw.grade.${grade}`)}`,
    })),
    { key: 'penalties', path: ['filedProduct', 'factorBounds', 'penalties'], label: t('uw.factor.penalties') },
    { key: 'riskLevel', path: ['filedProduct', 'factorBounds', 'riskLevel'], label: t('uw.factor.riskLevel') },
  ];
}

/** The branch: its name, whether it is city level, and its property. */
export function BranchSection() {
  const { t } = useI18n();
  return (
      <SectionCard title={t('qual.section.branch')}>
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
      </SectionCard>
  );
}

/** Major violations in the last years, one row each. */
export function ViolationsSection() {
  const { t } = useI18n();
  const required = requiredRule(t);
  return (
      <SectionCard title={t('qual.section.violations')}>
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
      </SectionCard>
  );
}

/** The solvency ratio the filing reports. */
export function SolvencySection() {
  const { t } = useI18n();
  return (
      <SectionCard title={t('qual.section.solvency')}>
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
      </SectionCard>
  );
}

/**
 * The prevention capacity: the risk-control team and its evidence. QUAL-4: the evidence documents are files
 * uploaded to the write-once archive from here (the server checks each is there with its digest); they are not
 * typed in.
 */
export function PreventionSection({ year }: { readonly year: number }) {
  const { t } = useI18n();
  const required = requiredRule(t);
  return (
      <SectionCard title={t('qual.section.prevention')}>
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
        <UploadedDocumentList year={year} path={['prevention', 'evidence']} what={t('qual.prevention.evidence')} />
      </SectionCard>
  );
}

/** The filed product (UW-7): its filing number, base rates by industry and the bounds of each rating factor. */
export function ProductSection() {
  const { t, locale } = useI18n();
  const factorRows = factorRowsOf(t);
  const multiplierRule = decimalRule(multiplierToBasisPoints, t('uw.multiplierFormat'));
  return (
      <SectionCard title={t('qual.section.product')}>
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
      </SectionCard>
  );
}

/** The documents of Annex 1, each ticked once attached. */
export function Annex1Section() {
  const { t, locale } = useI18n();
  const annex1 = Form.useWatch('annex1', Form.useFormInstance<QualificationFormValues>()) as QualificationFormValues['annex1'];
  const attached = useMemo(() => attachedAnnex1Items(annex1), [annex1]);
  return (
      <SectionCard title={t('qual.section.annex1')}>
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
                    <DocumentList path={['annex1', item.code]} what={label}  compact />
                  </div>
                </Flex>
              </li>
            );
          })}
        </ol>
      </SectionCard>
  );
}

/** The commitment; the filing day is stamped by the platform or recorded by the city EMB (QUAL-6), never typed here. */
export function CommitmentSection({ year }: { readonly year: number }) {
  const { t } = useI18n();
  return (
      <SectionCard title={t('qual.section.commitment')}>
        <Flex gap={12} wrap>
          <Form.Item name={['commitmentLetter', 'signedBy']} label={t('qual.commitment.signedBy')} style={{ marginBottom: 8, flex: '1 1 220px' }}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name={['commitmentLetter', 'signedOn']} label={t('qual.commitment.signedOn')} style={{ marginBottom: 8 }}>
            <DateInput />
          </Form.Item>
          <Typography.Text type="secondary" style={{ alignSelf: 'center' }}>
            {t('qual.filedOnHint', { due: `${year}-06-15` })}
          </Typography.Text>
        </Flex>
      </SectionCard>
  );
}

/** A list of archived documents (evidence, an Annex 1 item): add and remove rows of name, archive id, SHA-256. */
function DocumentList({ path, what, compact = false }: { readonly path: (string | number)[]; readonly what: string; readonly compact?: boolean }) {
  const { t } = useI18n();
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

/**
 * QUAL-4: documents uploaded to the write-once archive through a ticket, listed by name with their digest; a row
 * is added only by uploading a file (the archive id and SHA-256 are the upload's, never typed).
 */
function UploadedDocumentList({ year, path, what }: { readonly year: number; readonly path: (string | number)[]; readonly what: string }) {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  return (
    <Form.List name={path}>
      {(fields, { add, remove }) => (
        <Flex vertical gap={4} style={{ marginBottom: 8 }}>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="center">
              {/* Registered (hidden) so the upload's reference is part of what the form submits. */}
              {(['name', 'archiveId', 'sha256'] as const).map((part) => (
                <Form.Item key={part} name={[field.name, part]} hidden>
                  <Input type="hidden" />
                </Form.Item>
              ))}
              <Form.Item noStyle shouldUpdate>
                {(form) => {
                  const doc = form.getFieldValue([...path, field.name]) as { name?: string; sha256?: string } | undefined;
                  return (
                    <Typography.Text style={{ flex: 1, minWidth: 0 }} ellipsis={{ tooltip: doc?.sha256 }} aria-label={`${what} ${index + 1}`}>
                      {doc?.name} <Typography.Text type="secondary">SHA-256 {doc?.sha256?.slice(0, 12)}…</Typography.Text>
                    </Typography.Text>
                  );
                }}
              </Form.Item>
              <Button aria-label={t('form.removeRow')} icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <input
            ref={input}
            type="file"
            accept={EVIDENCE_ACCEPT}
            hidden
            aria-label={t('qual.evidence.upload')}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (!file) return;
              const contentType = contentTypeOf(file);
              if (contentType === undefined) {
                void message.error(t('qual.evidence.notAllowed', { name: file.name }));
                return;
              }
              setUploading(true);
              void (async () => {
                try {
                  const bytes = await file.arrayBuffer();
                  const sha256 = await sha256Hex(bytes);
                  const { uploadId, ticket } = await api.qualification.documentUpload(year, { fileName: file.name, contentType, size: file.size, sha256 }, newIdempotencyKey());
                  const stored = await fetch(ticket.url, { method: ticket.method, headers: { ...ticket.headers }, body: bytes });
                  if (!stored.ok) throw new Error(`${stored.status}`);
                  add({ name: file.name, archiveId: uploadId, sha256 });
                } catch (error) {
                  void message.error(t('qual.evidence.failed', { name: file.name, reason: error instanceof Error ? error.message : String(error) }));
                } finally {
                  setUploading(false);
                }
              })();
            }}
          />
          <Button size="small" type="dashed" icon={<UploadOutlined />} loading={uploading} onClick={() => input.current?.click()} style={{ alignSelf: 'flex-start' }}>
            {t('qual.evidence.upload')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
