import { Checkbox, Flex, Form, Input, Radio, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useCallback, useMemo } from 'react';
import { type BookExpenseRequest, type ExpenseCategory, type LedgerEntry, type RefusedExpenseCategory } from '../../api';
import { EXPENSE_CATEGORIES, REFUSED_EXPENSE_CATEGORIES } from '../../reference/domain';
import type { ArchiveRef } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, useApiForm, yuanToFen, FormButtons } from '../../kit';
import { shanghaiToday } from '../complaints/due-dates';
import { requiredRule, requiredSelectRule } from '../platform/account-rules';
import { ArchiveRefFields } from '../underwriting/ArchiveRefFields';
import { DateField } from '../../kit/DateField';

/** The API's field names (so a 400's `details[].field` lands at its input); the amount typed in 元. */
interface ExpenseValues {
  readonly spentOn: string;
  readonly category: ExpenseCategory | RefusedExpenseCategory;
  readonly amountFen: string;
  readonly description: string;
  /** Not sent: which link the expense names (FEE-2: a service or an archived document). */
  readonly link: 'service' | 'document';
  readonly serviceId?: string;
  readonly document?: Partial<ArchiveRef>;
  readonly advance?: boolean;
}

export function expenseBodyOf(values: ExpenseValues): BookExpenseRequest {
  const document = values.document;
  return {
    spentOn: values.spentOn,
    category: values.category,
    amountFen: yuanToFen(values.amountFen) ?? 0,
    description: values.description.trim(),
    ...(values.link === 'service'
      ? { serviceId: values.serviceId?.trim() || undefined }
      : { document: { archiveId: document?.archiveId?.trim() ?? '', sha256: document?.sha256?.trim() ?? '', name: document?.name?.trim() ?? '' } }),
    ...(values.advance ? { advance: true } : {}),
  };
}

interface ExpenseFormProps {
  readonly onBooked: (entry: LedgerEntry) => void;
  readonly onCancel: () => void;
}

/**
 * 登记预防费用支出 (FEE-2, FEE-3): date, category, amount in 元, what it paid for and the service or archived
 * document it links to. The forbidden uses are listed apart so that booking one is refused by the server with
 * FEE-3 at the category; a balance below zero (FEE-2) is refused at the amount unless booked as an advance.
 */
export function ExpenseForm({ onBooked, onCancel }: ExpenseFormProps) {
  const { t } = useI18n();
  const api = useApi();
  const submit = useCallback((values: ExpenseValues, key: string) => api.fees.bookExpense(expenseBodyOf(values), key), [api]);
  const { form, onFinish, submitting, failure } = useApiForm<ExpenseValues, LedgerEntry>({ submit, onSuccess: onBooked, conflictsAtFields: true });
  const link = Form.useWatch('link', form) ?? 'service';

  const categoryOptions = useMemo(
    () => [
      { label: t('fee.category.allowed'), title: t('fee.category.allowed'), options: EXPENSE_CATEGORIES.map((value) => ({ value, label: t(`fee.category.${value}`) })) },
      {
        label: t('fee.category.refused'),
        title: t('fee.category.refused'),
        options: REFUSED_EXPENSE_CATEGORIES.map((value) => ({ value, label: t(`fee.category.${value}`) })),
      },
    ],
    [t],
  );
  const yuanRule: Rule = {
    validator: (_, value: unknown) =>
      typeof value !== 'string' || value.trim() === '' || (yuanToFen(value) ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t('uw.yuanFormat'))),
  };

  return (
    <>
      <FormFailureAlert failure={failure} />
      <Form<ExpenseValues>
        form={form}
        name="book-expense"
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ spentOn: shanghaiToday(), link: 'service', advance: false }}
      >
        <Flex gap={12} wrap>
          <Form.Item name="spentOn" label={t('fee.expense.spentOn')} rules={[requiredRule(t, t('fee.expense.spentOn'))]} style={{ flex: '1 1 150px' }}>
            <DateField />
          </Form.Item>
          <Form.Item name="category" label={t('fee.expense.category')} rules={[requiredSelectRule(t, t('fee.expense.category'))]} style={{ flex: '2 1 240px' }}>
            <Select options={categoryOptions} />
          </Form.Item>
          <Form.Item name="amountFen" label={t('fee.expense.amount')} rules={[requiredRule(t, t('fee.expense.amount')), yuanRule]} style={{ flex: '1 1 180px' }}>
            <Input inputMode="decimal" suffix={t('money.unit')} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={t('fee.expense.description')} rules={[requiredRule(t, t('fee.expense.description'))]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="link" label={t('fee.expense.link')}>
          <Radio.Group
            options={[
              { value: 'service', label: t('fee.expense.link.service') },
              { value: 'document', label: t('fee.expense.link.document') },
            ]}
          />
        </Form.Item>
        {link === 'service' ? (
          <Form.Item name="serviceId" label={t('fee.expense.serviceId')} rules={[requiredRule(t, t('fee.expense.serviceId'))]} extra={t('fee.expense.serviceIdHint')}>
            <Input maxLength={64} spellCheck={false} autoComplete="off" />
          </Form.Item>
        ) : (
          <ArchiveRefFields name={['document']} absolute={['document']} what={t('fee.expense.document')} />
        )}
        <Form.Item name="advance" valuePropName="checked" extra={t('fee.expense.advanceHint')}>
          <Checkbox>{t('fee.expense.advance')}</Checkbox>
        </Form.Item>
        <FormButtons onCancel={onCancel} submitting={submitting} submitLabel={t('fee.expense.submit')} />
      </Form>
    </>
  );
}
