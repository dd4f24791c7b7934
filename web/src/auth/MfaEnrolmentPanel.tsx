import { Alert, Button, Form, Input, QRCode, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { SignInError, type AuthSession, type MfaEnrolment, type SignInFailure } from './auth-session';

/** The secret as an authenticator app's "enter a key" screen wants it typed: groups of four. */
export const groupedSecret = (secret: string): string => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * Issue 21: 绑定身份验证器 — the operator's or a regulator's first sign-in: a new secret as a QR code (antd's
 * QRCode, already in the console) and as text in groups of four, then the app's first code. Locally that signs
 * the person in at once; with Cognito they sign in again with the next code (`onSignInAgain`).
 */
export default function MfaEnrolmentPanel({
  enrolment,
  onSignedIn,
  onSignInAgain,
}: {
  readonly enrolment: MfaEnrolment;
  readonly onSignedIn: (session: AuthSession) => void;
  readonly onSignInAgain: () => void;
}) {
  const { t } = useI18n();
  const [started, setStarted] = useState<{ secret: string; otpauthUri: string }>();
  const [failure, setFailure] = useState<SignInFailure>();
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    let live = true;
    enrolment.start().then(
      (answer) => live && setStarted(answer),
      (error: unknown) => live && setFailure(error instanceof SignInError ? error.failure : 'unavailable'),
    );
    return () => {
      live = false;
    };
  }, [enrolment]);

  const confirm = async ({ code }: { code: string }) => {
    if (submitting) return;
    setSubmitting(true);
    setFailure(undefined);
    try {
      const session = await enrolment.confirm(code.trim());
      if (session) onSignedIn(session);
      else onSignInAgain();
    } catch (error) {
      setFailure(error instanceof SignInError ? error.failure : 'unavailable');
      setSubmitting(false);
    }
  };

  return (
    <section aria-labelledby="mfa-title">
      <h2 id="mfa-title" className="anze-sign-in-title" style={{ fontSize: 18 }}>
        {t('mfa.title')}
      </h2>
      <p className="anze-sign-in-hint" style={{ textAlign: 'left' }}>{t('mfa.intro')}</p>
      {failure && <Alert type="error" showIcon role="alert" title={t(`signIn.error.${failure}`)} style={{ marginBottom: 16 }} />}
      {!started && !failure && <Spin aria-label={t('mfa.loading')} />}
      {started && (
        <>
          <div style={{ display: 'flex', justifyContent: 'center', marginBottom: 12 }}>
            <QRCode value={started.otpauthUri} size={176} aria-label={t('mfa.qr')} bordered={false} />
          </div>
          <p style={{ marginBottom: 4 }}>{t('mfa.secret')}</p>
          <p data-testid="mfa-secret" style={{ fontFamily: 'monospace', fontSize: 15, overflowWrap: 'anywhere', userSelect: 'all' }}>
            {groupedSecret(started.secret)}
          </p>
          <details style={{ marginBottom: 12 }}>
            <summary>{t('mfa.uri')}</summary>
            <p style={{ fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' }}>{started.otpauthUri}</p>
          </details>
          <Form<{ code: string }> name="mfa-enrol" layout="vertical" onFinish={confirm} requiredMark={false}>
            <Form.Item
              name="code"
              label={t('signIn.code')}
              rules={[{ required: true, pattern: /^\s*[0-9]{6}\s*$/, message: t('signIn.codeRequired') }]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              {t('mfa.submit')}
            </Button>
          </Form>
        </>
      )}
    </section>
  );
}
