import { Alert, Button, Flex, Form, Input } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useAuth, useServices } from '../app/ServicesContext';
import { useI18n } from '../i18n';
import { useDocumentTitle } from '../kit/useDocumentTitle';
import { LocaleSwitch } from '../layout/LocaleSwitch';
import { MfaSetupRequired, SignInError, type Credentials, type MfaEnrolment, type SignInFailure } from './auth-session';

// Issue 21: only the operator's and regulators' first sign-in needs it; kept out of the first visit's code.
const MfaEnrolmentPanel = lazy(() => import('./MfaEnrolmentPanel'));
import { safeNextPath } from './sign-in-target';

/**
 * Username and password, against the local login route or Cognito (per /config.json). A wrong password
 * is shown in place; success goes back to the page that asked (`?next=`) or to the role's home.
 */
export function SignInPage() {
  const { t } = useI18n();
  const { state, auth } = useAuth();
  const { config } = useServices();
  const [searchParams] = useSearchParams();
  const [failure, setFailure] = useState<SignInFailure>();
  const [submitting, setSubmitting] = useState(false);
  /** Issue 21: the password was right and the authenticator's code is asked for (the form keeps the password). */
  const [codeAsked, setCodeAsked] = useState(false);
  const [enrolment, setEnrolment] = useState<MfaEnrolment>();
  const [bound, setBound] = useState(false);
  const [form] = Form.useForm<Credentials>();
  useDocumentTitle(t('signIn.title'));

  if (state.status !== 'signed-out') {
    // `/` sends each role to its home (RoleHome); the menu table stays out of the sign-in page's code.
    const next = safeNextPath(searchParams.get('next')) ?? '/';
    return <Navigate to={next} replace />;
  }

  const signIn = async (credentials: Credentials) => {
    if (submitting) return;
    setSubmitting(true);
    setFailure(undefined);
    try {
      const code = credentials.code?.trim();
      await auth.signIn({ username: credentials.username.trim(), password: credentials.password, ...(code ? { code } : {}) });
    } catch (error) {
      if (error instanceof MfaSetupRequired) setEnrolment(error.enrolment);
      else if (error instanceof SignInError && error.failure === 'mfa-code-required') setCodeAsked(true);
      else setFailure(error instanceof SignInError ? error.failure : 'unavailable');
      if (error instanceof SignInError && error.failure === 'mfa-code-invalid') form.setFieldValue('code', '');
      setSubmitting(false);
    }
  };

  return (
    <Flex vertical style={{ minHeight: '100vh', background: 'linear-gradient(180deg, #0f1f3d 0%, #1d3a72 100%)' }}>
      {/* A banner landmark: axe's "region" rule wants all content inside landmarks (issue 15). */}
      <Flex component="header" justify="flex-end" style={{ padding: 12 }}>
        <div style={{ background: '#fff', borderRadius: 6, padding: 2 }}>
          <LocaleSwitch />
        </div>
      </Flex>
      <Flex flex={1} justify="center" align="center" style={{ padding: 16 }}>
        <main style={{ width: '100%', maxWidth: 380 }}>
          {/* A plain panel, not antd's Card: Card brings Tabs and Dropdown into the first visit (issue 15). */}
          <div className="anze-sign-in-panel">
            {/* Plain headings: antd's Typography (ellipsis, copy, edit) is not needed before sign-in (issue 15). */}
            <h1 className="anze-sign-in-title">{t('app.name')}</h1>
            <p className="anze-sign-in-subtitle">
              {t('app.region')} · {t('signIn.title')}
            </p>
            {state.reason && !failure && (
              <Alert type="info" showIcon title={t(`signIn.notice.${state.reason}`)} style={{ marginBottom: 16 }} />
            )}
            {bound && !failure && !enrolment && <Alert type="success" showIcon title={t('mfa.again')} style={{ marginBottom: 16 }} />}
            {failure && (
              <Alert type="error" showIcon role="alert" title={t(`signIn.error.${failure}`)} style={{ marginBottom: 16 }} />
            )}
            {enrolment ? (
              <Suspense fallback={null}>
                <MfaEnrolmentPanel
                  enrolment={enrolment}
                  onSignedIn={(session) => auth.adopt(session)}
                  onSignInAgain={() => {
                    setEnrolment(undefined);
                    setBound(true);
                    setCodeAsked(true);
                    form.setFieldValue('code', '');
                  }}
                />
              </Suspense>
            ) : (
            <Form<Credentials> form={form} name="sign-in" layout="vertical" onFinish={signIn} requiredMark={false}>
              <Form.Item name="username" label={t('signIn.username')} rules={[{ required: true, message: t('signIn.usernameRequired') }]}>
                <Input autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} />
              </Form.Item>
              <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              {codeAsked && (
                <Form.Item
                  name="code"
                  label={t('signIn.code')}
                  extra={t('signIn.codeHint')}
                  rules={[{ required: true, pattern: /^\s*[0-9]{6}\s*$/, message: t('signIn.codeRequired') }]}
                >
                  <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
                </Form.Item>
              )}
              <Button type="primary" htmlType="submit" block loading={submitting}>
                {t('signIn.submit')}
              </Button>
            </Form>
            )}
            {config.auth.mode === 'local' && <p className="anze-sign-in-hint">{t('signIn.demoHint')}</p>}
          </div>
          {config.version && <p className="anze-sign-in-version">{t('app.version', { version: config.version })}</p>}
        </main>
      </Flex>
    </Flex>
  );
}
