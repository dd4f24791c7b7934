import { Button, Flex, Form, Input, Select, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useCallback } from 'react';
import type { EnterpriseSize, Industry, RegisterEntry, RegisterEntryRequest } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { useI18n } from '../../i18n';
import { FormFailureAlert, ruleText, useApiForm, wholeNumber } from '../../kit';
import { classifyEnterpriseSize, ENTERPRISE_SIZES, INDUSTRIES, industryName } from '../../reference/underwriting';
import { isValidUscc } from '../../reference/domain';
import { countyName, XINZHOU_COUNTIES } from '../../reference/xinzhou-counties';
import { nameRules, requiredRule, requiredSelectRule, usccRules } from '../platform/account-rules';

interface EntryValues {
  readonly uscc?: string;
  readonly name?: string;
  readonly industry?: Industry;
  readonly county?: string;
  readonly staff?: string;
  readonly revenueWan?: string;
  /** `''`: derived from staff and revenue (SCOPE-4). */
  readonly size?: EnterpriseSize | '';
  readonly sizeOverrideReason?: string;
}

interface RegisterEntryFormProps {
  /** The entry being corrected; absent to add one. */
  readonly entry?: RegisterEntry;
  /** A county EMB's county: its entries are of that county only (ACL-4). */
  readonly lockedCounty?: string;
  readonly onSaved: (entry: RegisterEntry) => void;
  readonly onCancel: () => void;
}

/**
 * REG-1: one enterprise of the register (企业底数) — added, or corrected with the version read (a change
 * someone else made meanwhile is refused, 412). The size follows from staff and revenue (SCOPE-4) unless a
 * different one is chosen with the reason.
 */
export function RegisterEntryForm({ entry, lockedCounty, onSaved, onCancel }: RegisterEntryFormProps) {
  const { t, locale, messages } = useI18n();
  const api = useApi();
  const submit = useCallback(
    (values: EntryValues, key: string) => {
      const body: RegisterEntryRequest = {
        uscc: (values.uscc ?? '').trim(),
        name: (values.name ?? '').trim(),
        industry: values.industry as Industry,
        county: (lockedCounty ?? values.county) as RegisterEntryRequest['county'],
        staff: wholeNumber(values.staff) as number,
        revenueWan: wholeNumber(values.revenueWan) as number,
        ...(values.size ? { size: values.size } : {}),
        ...(values.size && values.sizeOverrideReason?.trim() ? { sizeOverrideReason: values.sizeOverrideReason.trim() } : {}),
        ...(entry ? { version: entry.version } : {}),
      };
      return api.register.saveEnterprise(body, key);
    },
    [api, entry, lockedCounty],
  );
  const { form, onFinish, submitting, failure } = useApiForm<EntryValues, RegisterEntry>({ submit, onSuccess: onSaved });
  const staff = wholeNumber(Form.useWatch('staff', form));
  const revenue = wholeNumber(Form.useWatch('revenueWan', form));
  const size = Form.useWatch('size', form);
  const derived = staff !== undefined && revenue !== undefined ? classifyEnterpriseSize({ staff, revenueWan: revenue }) : undefined;
  const overridden = Boolean(size) && size !== derived;

  const whole = (label: string): Rule[] => [
    requiredRule(t, label),
    { validator: (_, value: unknown) => (typeof value !== 'string' || value.trim() === '' || wholeNumber(value) !== undefined ? Promise.resolve() : Promise.reject(new Error(t('uw.wholeNumber')))) },
  ];

  return (
    <>
      <FormFailureAlert failure={failure} />
      <Form<EntryValues>
        form={form}
        name="register-entry"
        layout="vertical"
        onFinish={onFinish}
        scrollToFirstError={{ focus: true }}
        initialValues={
          entry
            ? {
                uscc: entry.uscc,
                name: entry.name,
                industry: entry.industry,
                county: entry.county,
                staff: String(entry.staff),
                revenueWan: String(entry.revenueWan),
                size: entry.sizeOverrideReason ? entry.size : '',
                sizeOverrideReason: entry.sizeOverrideReason,
              }
            : { county: lockedCounty, size: '' }
        }
      >
        <Form.Item
          name="uscc"
          label={t('register.uscc')}
          normalize={(value: string) => value.toUpperCase().trim()}
          rules={[
            ...usccRules(t, t('register.uscc')),
            {
              validator: (_, value: unknown) =>
                typeof value !== 'string' || value.length !== 18 || isValidUscc(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(`${ruleText('UW-2', 'uscc', '', t, messages)}（UW-2）`)),
            },
          ]}
          extra={entry ? t('register.usccFixed') : undefined}
        >
          <Input maxLength={18} spellCheck={false} autoComplete="off" disabled={Boolean(entry)} style={{ fontFamily: 'monospace' }} autoFocus={!entry} />
        </Form.Item>
        <Form.Item name="name" label={t('register.name')} rules={nameRules(t, t('register.name'))}>
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="industry" label={t('register.industry')} rules={[requiredSelectRule(t, t('register.industry'))]} style={{ flex: '1 1 220px' }}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={INDUSTRIES.map((industry) => ({ value: industry.code, label: industryName(industry.code, locale) }))} />
          </Form.Item>
          <Form.Item
            name="county"
            label={t('register.county')}
            rules={[requiredSelectRule(t, t('register.county'))]}
            extra={lockedCounty ? t('register.countyLocked') : undefined}
            style={{ flex: '1 1 200px' }}
          >
            <Select disabled={Boolean(lockedCounty)} options={XINZHOU_COUNTIES.map((county) => ({ value: county.code, label: countyName(county.code, locale) }))} />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="staff" label={t('register.staff')} rules={whole(t('register.staff'))} extra={t('register.staffHint')} style={{ flex: '1 1 160px' }}>
            <Input inputMode="numeric" suffix={t('unit.people')} />
          </Form.Item>
          <Form.Item name="revenueWan" label={t('register.revenueWan')} rules={whole(t('register.revenueWan'))} style={{ flex: '1 1 160px' }}>
            <Input inputMode="numeric" suffix={t('unit.wan')} />
          </Form.Item>
          <Form.Item
            name="size"
            label={t('register.size')}
            extra={derived ? t('register.sizeDerived', { size: t(`size.${derived}`) }) : t('register.sizeHint')}
            style={{ flex: '1 1 200px' }}
          >
            <Select options={[{ value: '', label: t('register.sizeAuto') }, ...ENTERPRISE_SIZES.map((value) => ({ value, label: t(`size.${value}`) }))]} />
          </Form.Item>
        </Flex>
        {overridden && (
          <Form.Item
            name="sizeOverrideReason"
            label={t('register.sizeOverrideReason')}
            rules={[requiredRule(t, t('register.sizeOverrideReason'))]}
            extra={<Typography.Text type="secondary">{t('register.sizeOverrideHint')}</Typography.Text>}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
          </Form.Item>
        )}
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onCancel}>{t('form.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('form.submit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
