import { Button, Form, Input, Select } from 'antd';
import { useEffect, useId } from 'react';
import { useI18n } from '../i18n/useI18n';
import type { FilterField } from './filter-field';
import type { FilterValues } from './useUrlFilters';

interface FilterBarProps {
  readonly fields: readonly FilterField[];
  readonly values: FilterValues;
  readonly onSearch: (values: Record<string, string>) => void;
  readonly onReset: () => void;
}

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * The labelled filter form above a table. Its values come from the URL and go back to it on 查询; the
 * `/` key focuses the first filter, as in most search UIs.
 */
export function FilterBar({ fields, values, onSearch, onReset }: FilterBarProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const formName = `filters-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const firstFieldId = fields[0] ? `${formName}_${fields[0].name}` : undefined;

  useEffect(() => {
    const formValues: Record<string, string | undefined> = {};
    for (const field of fields) formValues[field.name] = values[field.name] || undefined;
    form.setFieldsValue(formValues);
  }, [form, fields, values]);

  useEffect(() => {
    if (!firstFieldId) return undefined;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const input = document.getElementById(firstFieldId);
      if (!input) return;
      event.preventDefault();
      input.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [firstFieldId]);

  const submit = (formValues: Record<string, string | undefined>) => {
    const next: Record<string, string> = {};
    for (const field of fields) next[field.name] = formValues[field.name] ?? '';
    onSearch(next);
  };

  return (
      <Form form={form} name={formName} layout="inline" onFinish={submit} role="search">
        {fields.map((field) => (
          <Form.Item key={field.name} name={field.name} label={field.label} style={{ marginBottom: 8 }}>
            {field.kind === 'text' ? (
              <Input allowClear placeholder={field.placeholder} style={{ width: 200 }} />
            ) : (
              <Select
                allowClear
                style={{ width: 180 }}
                options={field.options.map((option) => ({ value: option.value, label: option.label }))}
              />
            )}
          </Form.Item>
        ))}
        <Form.Item style={{ marginBottom: 8 }}>
          <Button type="primary" htmlType="submit">
            {t('table.search')}
          </Button>
        </Form.Item>
        <Form.Item style={{ marginBottom: 8 }}>
          <Button
            onClick={() => {
              form.resetFields();
              onReset();
            }}
          >
            {t('table.reset')}
          </Button>
        </Form.Item>
      </Form>
  );
}
