import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { Alert, App, Button, Col, Descriptions, Flex, Form, Row, Select, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { QualificationAnswer } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DateTime, describeApiError, FormFailureAlert, PageHeading, useApiForm } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { EligibilityChecklist } from '../underwriting/EligibilityChecklist';
import { formValuesOf, qualificationBodyOf, type QualificationFormValues } from './qualification-form';
import { SectionCard } from '../../kit/SectionCard';
import { Annex1Section, BranchSection, CommitmentSection, PreventionSection, ProductSection, SolvencySection, ViolationsSection } from './QualificationSections';

const FORM_NAME = 'qualification';

/**
 * 资质备案 (QUAL-1..6): the insurer's filing for a year, section by section as the notice asks for it, and
 * beside it the eligibility the server computes from it — every criterion with its reason — refreshed after
 * each save. A filing may be saved as a draft; eligibility says what is still missing.
 */
export function QualificationPage() {
  const { t } = useI18n();
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
                <BranchSection />
                <ViolationsSection />
                <SolvencySection />
                <PreventionSection year={year} />
                <ProductSection />
                <Annex1Section />
                <CommitmentSection year={year} />
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
              <SectionCard title={t('qual.criteria')} data-testid="eligibility">
                {shown ? <EligibilityChecklist eligibility={shown.eligibility} /> : <Skeleton active />}
                <Button type="primary" block htmlType="submit" form={FORM_NAME} loading={submitting} disabled={!shown} style={{ marginTop: 12 }}>
                  {t('qual.saveAndCheck')}
                </Button>
              </SectionCard>
              <SectionCard title={t('qual.record')}>
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
                          ? `${filing.filedOn}（${t(filing.filedOnSource === 'RECORDED' ? 'qual.filedOn.RECORDED' : 'qual.filedOn.PLATFORM')}）`
                          : t('qual.notFiled'),
                      },
                      { key: 'updatedAt', label: t('qual.updatedAt'), children: <DateTime value={filing.updatedAt} /> },
                    ]}
                  />
                ) : (
                  <Typography.Text type="secondary">{t('qual.noFiling', { year })}</Typography.Text>
                )}
              </SectionCard>
            </Flex>
          </div>
        </Col>
      </Row>
    </>
  );
}
