import { Alert, Button } from 'antd';
import { useI18n } from '../i18n';

/** What the sign-in page shows if it throws: the console's own error text and a reload, without the shell's Result page. */
export function SignInErrorFallback() {
  const { t } = useI18n();
  return (
    <main style={{ maxWidth: 420, margin: '64px auto', padding: 16 }}>
      <Alert
        type="error"
        title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('page.error.title')}</h1>}
        description={t('page.error.body')}
        action={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t('page.error.reload')}
          </Button>
        }
      />
    </main>
  );
}
