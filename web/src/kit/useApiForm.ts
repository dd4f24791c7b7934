import { useQueryClient } from '@tanstack/react-query';
import { Form, type FormInstance } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';
import { useAuth } from '../app/ServicesContext';
import { newIdempotencyKey } from '../api/idempotency-key';
import { useI18n } from '../i18n/useI18n';
import { describeApiError } from './describeApiError';
import { mapFieldIssues, type FieldPath } from './field-issues';
import { describeFieldIssue } from './rule-message';

/** What went wrong with a submission beyond the fields' own messages. */
export interface FormFailure {
  readonly message: string;
  /** Server issues about fields the form does not show, as `field: message`. */
  readonly issues: readonly string[];
}

export interface ApiFormOptions<Values, Result> {
  /** Calls the API; `idempotencyKey` goes into the `Idempotency-Key` header. */
  readonly submit: (values: Values, idempotencyKey: string) => Promise<Result>;
  readonly onSuccess?: (result: Result, values: Values) => void;
  /** Called after any failed submission (besides `failure`), e.g. to reload a page a 409 or 412 made stale. */
  readonly onFailure?: (error: unknown, values: Values) => void;
  /**
   * Also put a 409's field details under the matching fields (a clash with stored data that still has a
   * field to fix, e.g. UW-9 at the period start); the conflict sentence stays in `failure`.
   */
  readonly conflictsAtFields?: boolean;
}

export interface ApiForm<Values> {
  readonly form: FormInstance<Values>;
  /** Give it to `<Form onFinish>`. */
  readonly onFinish: (values: Values) => Promise<void>;
  readonly submitting: boolean;
  readonly failure: FormFailure | undefined;
  /** Clears the form, the failure and the remembered idempotency key. */
  readonly reset: () => void;
}

/**
 * An antd form bound to an API call.
 * - 400 `details[].field` (dotted paths) become errors under the matching fields, the first one focused;
 *   the rest, and every other error, become a `failure` to show with {@link FormFailureAlert}.
 * - One idempotency key per submission: a retry of the same values (double click, network error) reuses
 *   it so the server creates once; changed values get a fresh key.
 * - A second submit while one is in flight is ignored.
 * @example
 * const { form, onFinish, submitting, failure } = useApiForm<CreateTenantRequest, Tenant>({
 *   submit: (values, key) => api.platform.createTenant(values, key),
 *   onSuccess: (tenant) => navigate(`/platform/tenants/${tenant.id}`),
 * });
 */
export function useApiForm<Values, Result>({ submit, onSuccess, onFailure, conflictsAtFields = false }: ApiFormOptions<Values, Result>): ApiForm<Values> {
  const queryClient = useQueryClient();
  const { t, messages } = useI18n();
  const { state } = useAuth();
  const showRuleId = !(state.status !== 'signed-out' && state.session.user.role === 'enterprise');
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<FormFailure>();
  const inFlight = useRef(false);
  const attempt = useRef<{ payload: string; key: string }>(undefined);

  const onFinish = useCallback(
    async (values: Values) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setSubmitting(true);
      setFailure(undefined);
      const payload = JSON.stringify(values);
      if (attempt.current?.payload !== payload) attempt.current = { payload, key: newIdempotencyKey() };
      try {
        const result = await submit(values, attempt.current.key);
        // A change on the server: every list and detail read before it is out of date (refetched when shown).
        void queryClient.invalidateQueries();
        attempt.current = undefined;
        onSuccess?.(result, values);
      } catch (error) {
        if (error instanceof ApiError && error.status === 400 && error.fieldIssues.length > 0) {
          // A 400 is final for these values: the next try (with corrections) needs its own key anyway.
          const registered: FieldPath[] = form.getFieldsError().map((entry) => entry.name);
          const { fields, unmatched } = mapFieldIssues(error.fieldIssues, registered, (issue) => describeFieldIssue(issue, t, messages, { showRuleId }));
          form.setFields(fields.map((field) => ({ name: field.name, errors: field.errors })) as Parameters<typeof form.setFields>[0]);
          const first = fields[0];
          if (first) form.scrollToField(first.name, { focus: true, block: 'center' });
          setFailure({
            message: t('form.error.fields'),
            issues: unmatched.map((issue) => `${issue.field}: ${describeFieldIssue(issue, t, messages, { showRuleId })}`),
          });
        } else {
          if (conflictsAtFields && error instanceof ApiError && error.status === 409 && error.issues.length > 0) {
            const registered: FieldPath[] = form.getFieldsError().map((entry) => entry.name);
            const { fields } = mapFieldIssues(error.issues, registered, (issue) => describeFieldIssue(issue, t, messages, { showRuleId }));
            form.setFields(fields.map((field) => ({ name: field.name, errors: field.errors })) as Parameters<typeof form.setFields>[0]);
            const first = fields[0];
            if (first) form.scrollToField(first.name, { focus: true, block: 'center' });
          }
          setFailure({ message: describeApiError(error, t), issues: [] });
        }
        onFailure?.(error, values);
      } finally {
        inFlight.current = false;
        setSubmitting(false);
      }
    },
    [form, submit, onSuccess, onFailure, conflictsAtFields, t, messages, queryClient, showRuleId],
  );

  const reset = useCallback(() => {
    form.resetFields();
    setFailure(undefined);
    attempt.current = undefined;
  }, [form]);

  return { form, onFinish, submitting, failure, reset };
}
