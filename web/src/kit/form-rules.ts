import type { Rule } from 'antd/es/form';

/**
 * A decimal typed in a field: empty (left to `required`), or parsed exactly by `parse` — and above zero when
 * `positive` — else `message`.
 * @example rules={[decimalRule(multiplierToBasisPoints, t('uw.multiplierFormat'))]}
 */
export const decimalRule = (parse: (text: string) => number | undefined, message: string, positive = false): Rule => ({
  validator: (_, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') return Promise.resolve();
    const parsed = parse(value);
    return parsed !== undefined && (!positive || parsed > 0) ? Promise.resolve() : Promise.reject(new Error(message));
  },
});
