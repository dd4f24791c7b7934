import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError } from '../../api/api-error';
import { queryKeys, type CalendarPreview, type CalendarYearBody, type CalendarYearRow } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { DateTime, describeApiError, labelledTable, PageHeading, QueryFallback, SectionCard, useInvalidate } from '../../kit';
import { DateField } from '../../kit/DateField';
import { calendarProblemText, scheduleBodyOf, type CalendarForm } from './calendar-form';

/**
 * 节假日安排 (CAL-1, CAL-2): the years the working-day calendar knows (built in or loaded) and the provisional
 * ones; next year's State Council schedule entered as date ranges or pasted lines, previewed — which
 * provisional deadlines move, and to which day — and then loaded, which recomputes them and stops the
 * operator's December reminder.
 */
export function CalendarPage() {
  const { t } = useI18n();
  const api = useApi();
  const { message } = App.useApp();
  const invalidate = useInvalidate('platform');
  const years = useQuery({ queryKey: [...queryKeys.platform, 'calendar'], queryFn: ({ signal }) => api.platform.calendarYears(signal) });
  const [form] = Form.useForm<CalendarForm>();
  const mode = Form.useWatch('mode', form) ?? 'form';
  const [preview, setPreview] = useState<{ year: number; body: string; result: CalendarPreview }>();
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const suggestedYear = years.data?.yearToLoad ?? years.data?.provisional[0];

  const explain = (error: unknown): string[] => {
    if (error instanceof ApiError && error.issues.length > 0) {
      return error.issues.map((detail) => calendarProblemText(detail.message, t));
    }
    return [describeApiError(error, t)];
  };

  const run = async (action: 'preview' | 'load') => {
    // The form marks what is missing; nothing to send until it is filled in.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const body: CalendarYearBody = scheduleBodyOf(values);
    setBusy(true);
    setProblems([]);
    try {
      if (action === 'preview') {
        setPreview({ year: values.year, body: JSON.stringify(body), result: await api.platform.previewCalendarYear(values.year, body) });
      } else {
        await api.platform.loadCalendarYear(values.year, body);
        void message.success(t('cal.loaded', { year: values.year }));
        setPreview(undefined);
        invalidate();
      }
    } catch (error) {
      setProblems(explain(error));
    } finally {
      setBusy(false);
    }
  };

  // Loading is offered only for the values just previewed: the operator sees what moves before it moves.
  const values = Form.useWatch([], form);
  const previewed = useMemo(
    () => preview !== undefined && values?.year === preview.year && preview.body === JSON.stringify(scheduleBodyOf(values)),
    [preview, values],
  );

  return (
    <>
      <PageHeading title={t('cal.title')} />
      <Typography.Paragraph type="secondary">{t('cal.intro')}</Typography.Paragraph>
      {years.isPending || years.isError ? (
        <QueryFallback query={years} onRetry={() => void years.refetch()} />
      ) : (
        <Flex vertical gap="middle">
          {years.data.yearToLoad !== undefined && <Alert type="warning" showIcon message={t('cal.reminder', { year: years.data.yearToLoad })} />}
          {years.data.provisional.length > 0 && <Alert type="info" showIcon message={t('cal.provisional', { years: years.data.provisional.join('、') })} />}
          <SectionCard title={t('cal.years')}>
            <Table<CalendarYearRow>
              components={{ table: labelledTable(t('cal.years')) }}
              rowKey={(row) => String(row.year)}
              dataSource={[...years.data.items].reverse()}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              size="small"
              columns={[
                { key: 'year', title: t('cal.year'), render: (_: unknown, row) => row.year },
                {
                  key: 'source',
                  title: t('cal.source'),
                  render: (_: unknown, row) => (row.source === 'loaded' ? <Tag color="blue">{t('cal.source.loaded')}</Tag> : <Tag>{t('cal.source.builtin')}</Tag>),
                },
                { key: 'loadedBy', title: t('cal.loadedBy'), render: (_: unknown, row) => (row.source === 'loaded' ? row.loadedBy : '—') },
                { key: 'loadedAt', title: t('cal.loadedAt'), render: (_: unknown, row) => (row.source === 'loaded' ? <DateTime value={row.loadedAt} /> : '—') },
              ]}
            />
          </SectionCard>
          <SectionCard title={t('cal.load')}>
            <Form<CalendarForm>
              form={form}
              layout="vertical"
              initialValues={{ mode: 'form', year: suggestedYear, ranges: [{ kind: 'HOLIDAY' }] }}
              style={{ maxWidth: 720 }}
            >
              <Form.Item name="year" label={t('cal.loadYear')} rules={[{ required: true }]}>
                <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="mode" label={t('cal.mode')}>
                <Segmented
                  options={[
                    { value: 'form', label: t('cal.mode.form') },
                    { value: 'paste', label: t('cal.mode.paste') },
                  ]}
                />
              </Form.Item>
              {mode === 'paste' ? (
                <Form.Item name="text" label={t('cal.text')} extra={t('cal.textHint')} rules={[{ required: true }]}>
                  <Input.TextArea rows={10} spellCheck={false} style={{ fontFamily: 'monospace' }} />
                </Form.Item>
              ) : (
                <Form.List name="ranges">
                  {(fields, { add, remove }) => (
                    <Flex vertical gap="small">
                      <Typography.Text strong>{t('cal.ranges')}</Typography.Text>
                      {fields.map((field) => (
                        <Space key={field.key} wrap align="start">
                          <Form.Item name={[field.name, 'from']} label={t('cal.range.from')} rules={[{ required: true }]}>
                            <DateField style={{ width: 160 }} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'to']} label={t('cal.range.to')}>
                            <DateField style={{ width: 160 }} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'kind']} label={t('cal.range.kind')} rules={[{ required: true }]}>
                            <Select
                              style={{ width: 140 }}
                              options={[
                                { value: 'HOLIDAY', label: t('cal.kind.holiday') },
                                { value: 'WORKDAY', label: t('cal.kind.workday') },
                              ]}
                            />
                          </Form.Item>
                          <Form.Item label=" ">
                            <Button onClick={() => remove(field.name)} disabled={fields.length === 1}>
                              {t('cal.range.remove')}
                            </Button>
                          </Form.Item>
                        </Space>
                      ))}
                      <div>
                        <Button onClick={() => add({ kind: 'HOLIDAY' })}>{t('cal.range.add')}</Button>
                      </div>
                    </Flex>
                  )}
                </Form.List>
              )}
              {problems.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  style={{ marginBlock: 12 }}
                  message={
                    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                      {problems.map((problem) => (
                        <li key={problem}>{problem}</li>
                      ))}
                    </ul>
                  }
                />
              )}
              <Flex gap="small" wrap style={{ marginTop: 12 }}>
                <Button onClick={() => void run('preview')} loading={busy}>
                  {t('cal.preview')}
                </Button>
                <Button type="primary" onClick={() => void run('load')} loading={busy} disabled={!previewed}>
                  {t('cal.confirmLoad')}
                </Button>
              </Flex>
              {!previewed && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{t('cal.previewFirst')}</Typography.Paragraph>}
            </Form>
            {preview && previewed && <PreviewResult preview={preview.result} />}
          </SectionCard>
        </Flex>
      )}
    </>
  );
}

function PreviewResult({ preview }: { readonly preview: CalendarPreview }) {
  const { t } = useI18n();
  const caption = t('cal.previewTitle', { year: preview.year });
  return (
    <Flex vertical gap="small" style={{ marginTop: 16 }}>
      <Typography.Text strong>{caption}</Typography.Text>
      {preview.moves.length === 0 ? (
        <Typography.Text>{t('cal.previewNone')}</Typography.Text>
      ) : (
        <Table
          components={{ table: labelledTable(caption) }}
          rowKey={(move) => `${move.deadline}|${move.from}|${move.to}`}
          dataSource={preview.moves}
          pagination={false}
          size="small"
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'deadline', title: t('cal.move.deadline'), render: (_: unknown, move) => t(`cal.deadline.${move.deadline}`) },
            { key: 'from', title: t('cal.move.from'), render: (_: unknown, move) => move.from },
            { key: 'to', title: t('cal.move.to'), render: (_: unknown, move) => move.to },
            { key: 'count', title: t('cal.move.count'), render: (_: unknown, move) => move.count },
          ]}
        />
      )}
      {preview.confirmed > 0 && <Typography.Text type="secondary">{t('cal.confirmed', { count: preview.confirmed })}</Typography.Text>}
      {preview.stillProvisional > 0 && <Typography.Text type="secondary">{t('cal.stillProvisional', { count: preview.stillProvisional })}</Typography.Text>}
    </Flex>
  );
}
